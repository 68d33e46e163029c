import { Command, CommanderError } from 'commander';
import { LeadsimError, InputError } from '../core/errors.ts';
import { countryIndexFileStore } from '../io/countryIndexFileStore.ts';
import { useCountryIndexStore } from '../standardize/countryIndexStore.ts';
import { EXIT } from './exitCodes.ts';
import { COMMANDS, commandOf, type CommandContext } from './commands/index.ts';
import { packageVersion } from './packageVersion.ts';

/**
 * Runs the leadsim CLI with `argv` (without the node and script paths) and resolves to the exit code.
 * The CLI is a thin shell: each command parses and validates its options, calls the library, formats, exits.
 * Every command is listed from its entry in {@link COMMANDS}; only the module of the command being run is loaded.
 */
export async function main(argv: readonly string[]): Promise<number> {
  useCountryIndexStore(countryIndexFileStore());
  const program = new Command('leadsim')
    .description('Simulate and test B2B lead processing against in-memory Salesforce, Marketo and Impartner.')
    .version(packageVersion(), '-V, --version', 'print the leadsim version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    setExit: (code) => {
      exitCode = code;
    },
  };
  try {
    const running = commandOf(argv);
    // Commander's own refusals (an unknown option, a missing value) end like leadsim's: with where to look.
    program.showHelpAfterError(`See "leadsim${running ? ` ${running.name}` : ''} --help".`);
    for (const entry of COMMANDS) {
      const command = program.command(entry.name).description(entry.summary);
      if (entry === running) (await entry.load())(command, context);
    }
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.badInput;
  }
  if (error instanceof InputError || (error instanceof LeadsimError && error.code !== 'API_ERROR')) {
    process.stderr.write(`leadsim: ${error.message}\n`);
    return EXIT.badInput;
  }
  process.stderr.write(`leadsim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failed;
}
