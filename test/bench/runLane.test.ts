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
    const measured: string[] = [];
    const report = await runBench({ leads: 10, seed: 3, lanes: ['dispatch', 'direct'], warmupLeads: 5, rounds: 2, startupRuns: 1, scaling: [30], onLane: (lane, phase) => measured.push(`${lane} ${phase}`) });
    expect(report.sameResults).toBe(true);
    // Every warm-up before any measurement; the rounds rotate the lanes' order.
    expect(measured.filter((m) => !m.endsWith('done'))).toEqual(['dispatch warm-up', 'direct warm-up', 'dispatch measure', 'direct measure', 'direct measure', 'dispatch measure']);
    expect(report.results.map((r) => r.lane)).toEqual(['dispatch', 'direct']);
    const text = formatBench(report);
    expect(text).toContain("each lane's fastest of 2 runs");
    expect(text).toMatch(/\(b\) dispatch \(default\) +\d+ +[\d.]+ +[\d.]+ +[\d.]+ +1\.00x/);
    expect(text).toContain('(d) direct, no HTTP');
    expect(text).toContain('same results on every lane');
    expect(text).toMatch(/ratios in this run: dispatch \d+ leads\/s, direct is [\d.]+x dispatch/);
    // The built CLI's start-up is measured (not judged: npm run bench reports it): Node's own, --version, --help, a small run.
    expect(report.startup?.map((r) => [r.args, r.runs])).toEqual([['node -e ""', 1], ['leadsim --version', 1], ['leadsim --help', 1], ['leadsim simulate --leads 100', 1]]);
    expect(text).toMatch(/CLI start-up \(node dist\/src\/cli\/bin\.js, 1 runs each, whole process, wall clock\):\n {2}node -e "" +median [\d.]+ ms/);
    // The scaling section: a whole simulate in its own process, weighed with --expose-gc.
    const [scaled] = report.scaling ?? [];
    expect(scaled).toMatchObject({ leads: 30, invariantsOk: true, traces: 'full' });
    expect(scaled!.people).toBeGreaterThan(0);
    expect(scaled!.heapBeyondRecords).toBeGreaterThan(0);
    expect(text).toMatch(/Scaling \(each a whole simulate[^\n]*\n +leads +events +people +traces +wall s +cpu s +cpu ms\/lead +peak RSS MB +bytes\/person +invariants\n +30 /);
  }, 120_000);
});
