import { fc } from '@fast-check/vitest';
import { propRuns, propSeed } from '../../../src/testing/propRuns.ts';

/**
 * Runs a SOQL property with fast-check: `LEADSIM_PROP_RUNS` runs (default `defaultRuns`), the seed from
 * `LEADSIM_SEED` or a fresh one. A failure rethrows fast-check's report (seed, path, shrunk counterexample) with
 * one command that replays it first.
 */
export function checkProperty<T>(file: string, defaultRuns: number, arb: fc.Arbitrary<T>, body: (value: T) => void, options: { seed?: number } = {}): void {
  const numRuns = propRuns(defaultRuns);
  // The test runner, not the simulation, picks a fresh seed: the simulation itself never reads the clock.
  const seed = options.seed ?? propSeed() ?? (Date.now() ^ 0x5eed) | 0;
  try {
    fc.assert(fc.property(arb, body), { numRuns, seed });
  } catch (error) {
    const replay = `LEADSIM_SEED=${seed} LEADSIM_PROP_RUNS=${numRuns} npx vitest run ${file}`;
    throw new Error(`Replay: ${replay}\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
