import { propParameters, type PropParameters } from '../../src/testing/propRuns.ts';

/** The environment variable that sets how many cases each fuzzer tries (README "Fuzzing"). */
export const FUZZ_RUNS_ENV = 'LEADSIM_FUZZ_RUNS';

/**
 * How many cases a fuzzer tries: `LEADSIM_FUZZ_RUNS` when set (thousands, on demand), else `ciRuns` (a few hundred,
 * what `npm test` runs). `scale` shrinks the budget for fuzzers whose cases are expensive (a whole harness each).
 */
export function fuzzRuns(ciRuns: number, scale = 1): number {
  const raw = process.env[FUZZ_RUNS_ENV];
  if (raw === undefined || raw.trim() === '') return ciRuns;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Failed to read ${FUZZ_RUNS_ENV} "${raw}": it is not a positive integer. Set it to the number of cases, e.g. ${FUZZ_RUNS_ENV}=5000.`);
  return Math.max(1, Math.round(n * scale));
}

/**
 * fast-check parameters of a fuzzer: {@link fuzzRuns} cases, `LEADSIM_SEED`/`LEADSIM_PATH` to replay one, and the
 * reporter that prints the command replaying a failure (see propParameters).
 */
export function fuzzParameters(ciRuns: number, scale = 1): PropParameters {
  return { ...propParameters(ciRuns), numRuns: fuzzRuns(ciRuns, scale) };
}
