import { test } from 'vitest';
import { runCheck } from '../../src/check/runCheck.ts';

test('scratch sweep', async () => {
  for (const seed of [4, 5, 6, 7, 8, 9, 10, 11]) {
    const t0 = performance.now();
    const r = await runCheck({ seed, runs: 120, maxCommands: 25 });
    console.log('seed', seed, 'ms', (performance.now() - t0).toFixed(0), r.ok);
    for (const f of r.failures) console.log(f.property, f.replay, f.numRuns, f.numShrinks, f.invariants, f.at, '\n', f.counterexample, '\n', f.error.slice(0, 2500));
  }
}, 600_000);
