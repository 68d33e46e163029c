import fc from 'fast-check';
import { currentTest } from './currentTest.ts';
import { vitestReplayCommand } from './vitestReplayCommand.ts';

/** The environment variable that sets how many runs each leadsim property makes (CI turns it up). */
export const PROP_RUNS_ENV = 'LEADSIM_PROP_RUNS';
/** The environment variable that fixes fast-check's seed of leadsim properties (to replay a failure). */
export const SEED_ENV = 'LEADSIM_SEED';
/** The environment variable that replays one fast-check path of a property (with {@link SEED_ENV}). */
export const PATH_ENV = 'LEADSIM_PATH';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * How many runs a property makes: `LEADSIM_PROP_RUNS` when set to a positive integer, else `defaultRuns`. Keeps
 * `npm test` fast while CI (or a developer chasing a bug) turns the budget up without touching the tests.
 * @example
 * test.prop([events], { numRuns: propRuns(20) })('…', async (events) => { … });
 * // LEADSIM_PROP_RUNS=2000 npx vitest run test/model
 */
export function propRuns(defaultRuns: number, env: Env = process.env): number {
  return positiveInt(env[PROP_RUNS_ENV], PROP_RUNS_ENV) ?? defaultRuns;
}

/** The seed `LEADSIM_SEED` fixes, if any (any 32-bit integer). */
export function propSeed(env: Env = process.env): number | undefined {
  const raw = env[SEED_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) throw new RangeError(`Failed to read ${SEED_ENV} "${raw}": it is not a 32-bit integer. Set it to the seed a failure printed.`);
  return n;
}

/** The fast-check path `LEADSIM_PATH` replays, if any (`4:1:0`). */
export function propPath(env: Env = process.env): string | undefined {
  const raw = env[PATH_ENV]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+(:\d+)*$/.test(raw)) throw new RangeError(`Failed to read ${PATH_ENV} "${raw}": it is not a fast-check path such as 4:1:0. Set it to the path a failure printed.`);
  return raw;
}

/** fast-check parameters of a leadsim property, as {@link propParameters} returns them. */
export interface PropParameters {
  readonly numRuns: number;
  readonly seed?: number;
  readonly path?: string;
  readonly endOnFailure?: boolean;
  /** Reports a failure with fast-check's report and the one command that replays exactly it. */
  readonly reporter: <Ts>(details: fc.RunDetails<Ts>) => void;
}

/**
 * fast-check parameters for a leadsim property: `numRuns` from {@link propRuns}; `seed` and `path` from
 * `LEADSIM_SEED` and `LEADSIM_PATH` when set, so a failure's command replays exactly its counterexample; and a
 * reporter that fails with fast-check's report (seed, path, shrunk counterexample, the error) followed by that
 * command (`LEADSIM_SEED=… LEADSIM_PATH=… npx vitest run <file> -t '<test>'`, the test named through the `expect`
 * given to `installLeadsimMatchers`). Spread into `test.prop`'s or `fc.assert`'s parameters.
 * @example
 * test.prop([inboundEventArbitrary(hints)], propParameters(25))('every lead holds the invariants', async (e) => { … });
 */
export function propParameters(defaultRuns: number, env: Env = process.env): PropParameters {
  const seed = propSeed(env);
  const path = propPath(env);
  return { numRuns: propRuns(defaultRuns, env), ...(seed === undefined ? {} : { seed }), ...(path === undefined ? {} : { path, endOnFailure: true }), reporter: reportWithReplay };
}

function reportWithReplay<Ts>(details: fc.RunDetails<Ts>): void {
  const report = fc.defaultReportMessage(details);
  if (report === undefined) return;
  const test = currentTest();
  const replay = vitestReplayCommand({ file: test.testPath, testName: test.currentTestName, seed: details.seed, path: details.counterexamplePath ?? undefined });
  throw new Error(`${report}\n\nReplay: ${replay}`, { cause: details.errorInstance });
}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Failed to read ${name} "${raw}": it is not a positive integer. Set it to the number of runs, e.g. ${name}=500.`);
  return n;
}
