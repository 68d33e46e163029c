import { test } from 'vitest';
import { runCheck } from '../../src/check/runCheck.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';

test('scratch broken', async () => {
  const g = structuredClone(loadDefaultGraph()) as any;
  g.nodes.isAlliancePartner.else = 'isMdfOrTrialCampaign';
  delete g.nodes.isPartnerSponsoredEvent; delete g.nodes.setPartnerShareStatus;
  for (const property of ['batch', 'sequence'] as const) {
    const t0 = performance.now();
    const r = await runCheck({ seed: 5, runs: 30, graph: g, property });
    console.log(property, 'ms', (performance.now() - t0).toFixed(0), r.ok);
    const f = r.failures[0];
    if (f) {
      console.log(f.replay, f.numRuns, f.numShrinks, f.invariants, f.at, '\n', f.counterexample, '\n', f.trace, '\n', f.error.slice(0, 2500));
      const t1 = performance.now();
      const again = await runCheck({ seed: 5, runs: 30, graph: g, property, path: f.path });
      console.log('replay ms', (performance.now() - t1).toFixed(0), again.failures[0]?.counterexample === f.counterexample, again.failures[0]?.path, again.failures[0]?.numShrinks);
    }
  }
});
