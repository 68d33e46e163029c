import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { packagePath } from '../core/packagePath.ts';

/** How long one CLI invocation took from spawn to exit, over several runs, in wall-clock milliseconds. */
export interface StartupResult {
  /** What was run, e.g. `leadsim --help`. */
  readonly args: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** The CLI invocations measured: answered from the command table alone, without loading any command. */
export const STARTUP_ARGS: readonly (readonly string[])[] = [['--version'], ['--help']];

/**
 * Measures the built CLI's start-up (`node dist/src/cli/bin.js --version`, `--help`), after Node's own (`node -e ""`):
 * `runs` spawns of each after one unmeasured spawn, median, min and max wall-clock ms (the whole process: Node's
 * start, module loading, output, exit). Undefined when the package has no build (run `npm run build`).
 */
export function measureStartup(runs: number, bin: string = packagePath('dist', 'src', 'cli', 'bin.js')): StartupResult[] | undefined {
  if (!existsSync(bin)) return undefined;
  // Node's own start-up (an empty script) first: the floor every command pays.
  return [timeSpawns(['-e', ''], 'node -e ""', runs), ...STARTUP_ARGS.map((args) => timeSpawns([bin, ...args], `leadsim ${args.join(' ')}`, runs))];
}

function timeSpawns(argv: readonly string[], label: string, runs: number): StartupResult {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, argv, { stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`Failed to measure "${label}": it exited with ${result.status}. Run it by hand to see why.`);
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { args: label, runs, medianMs: round(times[Math.floor(times.length / 2)] ?? 0), minMs: round(times[0] ?? 0), maxMs: round(times.at(-1) ?? 0) };
}
