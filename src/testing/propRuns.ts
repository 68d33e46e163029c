/** The environment variable that sets how many runs each leadsim property makes (CI turns it up). */
export const PROP_RUNS_ENV = 'LEADSIM_PROP_RUNS';
/** The environment variable that fixes the seed of leadsim properties and harnesses (to replay a failure). */
export const SEED_ENV = 'LEADSIM_SEED';

/**
 * How many runs a property makes: `LEADSIM_PROP_RUNS` when set to a positive integer, else `defaultRuns`. Keeps
 * `npm test` fast while CI (or a developer chasing a bug) turns the budget up without touching the tests.
 * @example
 * test.prop([events], { numRuns: propRuns(20) })('…', async (events) => { … });
 * // LEADSIM_PROP_RUNS=2000 npx vitest run test/model
 */
export function propRuns(defaultRuns: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  return positiveInt(env[PROP_RUNS_ENV], PROP_RUNS_ENV) ?? defaultRuns;
}

/** The seed `LEADSIM_SEED` fixes, if any (any 32-bit integer). */
export function propSeed(env: Readonly<Record<string, string | undefined>> = process.env): number | undefined {
  const raw = env[SEED_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) throw new RangeError(`Failed to read ${SEED_ENV} "${raw}": it is not a 32-bit integer. Set it to the seed a failure printed.`);
  return n;
}

/**
 * fast-check parameters for a leadsim property: `numRuns` from {@link propRuns}, and `seed` from `LEADSIM_SEED`
 * when set, so a failure's seed replays it. Spread into `test.prop`'s or `fc.assert`'s parameters.
 * @example
 * test.prop([inboundEventArbitrary(hints)], propParameters(25))('every lead holds the invariants', async (e) => { … });
 */
export function propParameters(defaultRuns: number, env: Readonly<Record<string, string | undefined>> = process.env): { numRuns: number; seed?: number } {
  const seed = propSeed(env);
  return { numRuns: propRuns(defaultRuns, env), ...(seed === undefined ? {} : { seed }) };
}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Failed to read ${name} "${raw}": it is not a positive integer. Set it to the number of runs, e.g. ${name}=500.`);
  return n;
}
