import type { Command } from 'commander';

/** What a command's module gets besides its commander `Command`: where to record the exit code it decided on. */
export interface CommandContext {
  /** Records the exit code (see `EXIT`); the CLI returns it once the action has finished. */
  setExit(code: number): void;
}

/** Adds a command's arguments, options and action (or its subcommands) to the `Command` the CLI created for it. */
export type ConfigureCommand = (command: Command, context: CommandContext) => void;

/**
 * One command of the CLI as `leadsim --help` lists it: its name and summary, and how to load the module that
 * configures it. Only the module of the command being run is imported, so `leadsim --help` and `--version` load
 * none of them.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<ConfigureCommand>;
}

/** Every command of the CLI, in the order `leadsim --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', summary: 'Set up a leadsim project here: config, routing graph, org spec, example scenarios, a property test and a CI workflow', load: async () => (await import('./init.ts')).configureInit },
  { name: 'simulate', summary: 'Simulate generated leads from every entry point through the pipeline and check the invariants', load: async () => (await import('./simulate.ts')).configureSimulate },
  { name: 'check', summary: 'Run the property suite (generated inbound batches and model-based event sequences) and check every invariant', load: async () => (await import('./check.ts')).configureCheck },
  { name: 'replay', summary: 'Replay recorded scenarios through the pipeline and check their expectations and every invariant', load: async () => (await import('./replay.ts')).configureReplay },
  { name: 'mutate', summary: 'Mutation score of a routing graph: which careless edits the property suite and the scenarios would catch', load: async () => (await import('./mutate.ts')).configureMutate },
  { name: 'diff', summary: 'Replay scenarios under the live and a candidate routing graph and show, person by person, what would change', load: async () => (await import('./diff.ts')).configureDiff },
  { name: 'record', summary: 'Record a scenario with a golden baseline: from a seeded simulation, or from real inbound traffic (JSONL, CSV, HAR)', load: async () => (await import('./record.ts')).configureRecord },
  { name: 'serve', summary: 'Serve the simulated Salesforce, Marketo, Impartner and intake APIs on a loopback port', load: async () => (await import('./serve.ts')).configureServe },
  { name: 'graph', summary: 'Lint, diff and draw routing graphs (routing as data); import and export Salesforce lead assignment rules', load: async () => (await import('./graph.ts')).configureGraph },
  { name: 'bench', summary: 'Measure the pipeline: the same workload over msw, dispatch, loopback and direct (no HTTP), side by side', load: async () => (await import('./bench.ts')).configureBench },
];

/** The entry of the command `argv` runs (`leadsim <name> …` or `leadsim help <name>`), if it names one. */
export function commandOf(argv: readonly string[]): CommandEntry | undefined {
  const name = argv[0] === 'help' ? argv[1] : argv[0];
  return COMMANDS.find((entry) => entry.name === name);
}
