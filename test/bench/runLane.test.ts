import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { generateWorkload } from '../../src/simulation/workload.ts';
import { formatBench } from '../../src/bench/formatBench.ts';
import { runBench } from '../../src/bench/runBench.ts';
import { runLane } from '../../src/bench/runLane.ts';
import { simulate } from '../../src/simulation/simulate.ts';

describe('bench lanes', () => {
  test('every lane leaves the same traces as simulate on the same seed', async () => {
    const workload = generateWorkload({ seed: 5, leads: 25 });
    const run = await simulate({ seed: 5, leads: 25 });
    const expected = createHash('sha256').update(JSON.stringify({ traces: run.traces, blocked: run.blocked })).digest('hex').slice(0, 12);
    for (const lane of ['dispatch', 'direct', 'msw', 'loopback'] as const) {
      const result = await runLane(workload, lane);
      expect({ lane, fingerprint: result.fingerprint }).toEqual({ lane, fingerprint: expected });
      expect(result.events).toBe(run.traces.length);
      expect(result.calls).toBeGreaterThan(result.leads);
    }
  }, 60_000);

  test('runBench reports every lane, the ratios and whether the results agree', async () => {
    const report = await runBench({ leads: 10, seed: 3, lanes: ['dispatch', 'direct'], warmupLeads: 0, startupRuns: 1 });
    expect(report.sameResults).toBe(true);
    const text = formatBench(report);
    expect(text).toMatch(/\(b\) dispatch \(default\) +\d+ +[\d.]+ +[\d.]+ +[\d.]+ +1\.00x/);
    expect(text).toContain('(d) direct, no HTTP');
    expect(text).toContain('same results on every lane');
    // The built CLI's start-up is measured (not judged: npm run bench reports it): Node's own, then --version and --help.
    expect(report.startup?.map((r) => [r.args, r.runs])).toEqual([['node -e ""', 1], ['leadsim --version', 1], ['leadsim --help', 1]]);
    expect(text).toMatch(/CLI start-up \(node dist\/src\/cli\/bin\.js, 1 runs each, whole process, wall clock\):\n {2}node -e "" +median [\d.]+ ms/);
  }, 60_000);
});
