import { relative } from 'node:path';
import { PATH_ENV, SEED_ENV } from './propRuns.ts';

/** What identifies one failing case of a test: the test, and for a property fast-check's seed and path. */
export interface VitestReplayTarget {
  /** The test file (absolute or relative to the working directory). */
  readonly file?: string | undefined;
  /** The test's full name as vitest's `expect.getState().currentTestName` gives it: `suite > test`. */
  readonly testName?: string | undefined;
  /** fast-check's seed of the failing property run. */
  readonly seed?: number | undefined;
  /** fast-check's path of the (shrunk) counterexample. */
  readonly path?: string | undefined;
}

/** The seed suffix @fast-check/vitest appends to a property's test name: `name (with seed=123)`. */
const SEED_SUFFIX = / \(with seed=-?\d+\)$/;

/**
 * The one command that reruns exactly this case and fails again:
 * `LEADSIM_SEED=<seed> LEADSIM_PATH=<path> npx vitest run <file> -t '<name>'`. The `-t` filter is a regular
 * expression for the test's full name as vitest matches it (suites and test joined by spaces), escaped and anchored
 * at its end, so it selects this test only; a property's name keeps its `(with seed=…)` suffix, which is the same
 * on the rerun since `propParameters` reads the seed (and the path) back from the environment.
 */
export function vitestReplayCommand(target: VitestReplayTarget): string {
  const env = [
    ...(target.seed !== undefined ? [`${SEED_ENV}=${target.seed}`] : []),
    ...(target.path !== undefined && target.path !== '' ? [`${PATH_ENV}=${target.path}`] : []),
  ];
  const file = target.file ? relative(process.cwd(), target.file) || target.file : '<test file>';
  const name = target.testName?.split(' > ').join(' ');
  const filter = name ? ` -t ${shellQuote(`(^| )${escapeRegExp(name)}$`)}` : '';
  return [...env, `npx vitest run ${file}${filter}`].join(' ');
}

/** Whether the running test is a property of @fast-check/vitest (its name ends in the seed suffix). */
export function isPropertyTest(testName: string | undefined): boolean {
  return testName !== undefined && SEED_SUFFIX.test(testName);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
