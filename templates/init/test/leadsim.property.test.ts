// Property test written by `leadsim init`: generated leads from every entry point, delivered the way production
// delivers them into this project's org and routed with this project's graph (both from leadsim.config.json), hold
// every leadsim invariant. A failure prints the command that replays it.
// More runs: LEADSIM_PROP_RUNS=500 npx vitest run test/leadsim.property.test.ts
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { loadProjectConfig, projectGraph, projectOrg } from 'leadsim';
import { createHarness, inboundEventArbitrary, installLeadsimMatchers, propParameters, worldHintsFor } from 'leadsim/testing';

installLeadsimMatchers(expect);

const config = loadProjectConfig();
const { graph } = projectGraph(config);
const { org } = projectOrg(config, config.seed);
const hints = worldHintsFor({ seed: config.seed, org }); // campaigns, partners, domains and people of the org

test.prop([fc.array(inboundEventArbitrary(hints), { maxLength: 8 })], propParameters(10))(
  'every lead from every entry point holds the invariants',
  async (events) => {
    const h = await createHarness({ seed: config.seed, graph, org, nativeIntegrations: config.nativeIntegrations });
    try {
      for (const event of events) await h.deliver(event);
      expect(h).toHoldInvariants();
    } finally {
      await h.close();
    }
  },
);
