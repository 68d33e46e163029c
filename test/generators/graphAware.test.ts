import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoutingCoverage } from '../../src/coverage/routingCoverage.ts';
import { checkWorld } from '../../src/check/checkWorld.ts';
import { runCheck } from '../../src/check/runCheck.ts';
import { batchArbitrary } from '../../src/check/batchProperty.ts';
import { graphAwareOrg } from '../../src/generators/graph/graphAwareOrg.ts';
import { graphLiterals } from '../../src/generators/graph/graphLiterals.ts';
import { nearMisses } from '../../src/generators/graph/nearMisses.ts';
import { routingWitnesses } from '../../src/generators/graph/routingWitnesses.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { Rng } from '../../src/core/random.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { createWorld } from '../../src/world/world.ts';

/** A graph in the operators Salesforce assignment rules bring: contains, lessThan, notIn. */
const RULES: Graph = {
  version: 1,
  name: 'rules',
  start: 'isBig',
  settings: { partnerEngagementStatuses: [] },
  nodes: {
    isBig: { kind: 'condition', test: { op: 'and', tests: [{ op: 'contains', field: 'person.Title', values: ['VP', 'Chief'] }, { op: 'notIn', field: 'person.CountryCode', values: ['US', 'CA'] }] }, then: 'enterprise', else: 'isSmall' },
    isSmall: { kind: 'condition', test: { op: 'lessThan', field: 'person.NumberOfEmployees', value: 50 }, then: 'inquiry', else: 'roundRobin' },
    enterprise: { kind: 'assign', target: { queue: 'Partner Queue' }, next: 'done' },
    roundRobin: { kind: 'assign', target: { roundRobin: { pool: { role: 'SDR', region: '$person.region' } } }, next: 'done', fallback: 'inquiry' },
    inquiry: { kind: 'assign', target: { queue: 'Inquiry Queue' }, next: 'done' },
    done: { kind: 'end' },
  },
};

function witnessCoverage(graph: Graph) {
  const coverage = new RoutingCoverage(graph);
  for (const w of routingWitnesses(graph)) coverage.addPath(w.decision.path);
  return coverage.report();
}

describe('graph vocabulary', () => {
  it('collects every literal a test compares a field with, settings lists and new operators included', () => {
    const literals = graphLiterals([loadDefaultGraph()]);
    expect(literals.get('campaign.Name')).toEqual(['Partner - Trial']);
    expect(literals.get('campaignMember.Status')).toEqual(['Attended', 'Visited Booth', 'Follow Up Requested', 'Responded']);
    expect(literals.get('person.Status')).toEqual(['MQL', 'Accepted', 'Qualifying', 'Qualified']);
    expect(literals.get('person.Partner_Recalled_Date__c')).toEqual([]);
    expect(graphLiterals([RULES]).get('person.Title')).toEqual(['VP', 'Chief']);
    expect(graphLiterals([RULES]).get('person.NumberOfEmployees')).toEqual([50]);
  });

  it('gives each literal its near misses: other case, trailing space, run on, cut short, a continued name', () => {
    expect(nearMisses('Partner - Trial')).toEqual(['partner - trial', 'Partner - Trial ', 'Partner - TrialX', 'Partner - Tria', 'Partner - Trial - Example']);
    expect(nearMisses(50)).toEqual([49, 51]);
    expect(nearMisses(true)).toEqual([false]);
  });
});

describe('routing witnesses', () => {
  it('reach every node and condition outcome of the default graph, and every leaf value a pipeline context can take', () => {
    const report = witnessCoverage(loadDefaultGraph());
    expect(report.totals.percent).toBe(100);
    // A campaign member without its campaign is the only leaf value the route job's context cannot take.
    expect(report.entries.filter((e) => e.hits === 0).map((e) => e.key)).toEqual(['isJointPartnerCampaign[2]:false']);
  });

  it('reach both outcomes of tests in the operators assignment rules bring', () => {
    const report = witnessCoverage(RULES);
    expect(report.entries.filter((e) => e.hits === 0).map((e) => e.key)).toEqual([]);
  });

  it('include the near misses a careless record makes: the recall flag without its date, and the date without the flag', () => {
    const recalls = routingWitnesses(loadDefaultGraph()).map((w) => [w.context.person['Partner_Recalled__c'], w.context.person['Partner_Recalled_Date__c'] ?? null]);
    expect(recalls).toContainEqual([true, null]);
    expect(recalls).toContainEqual([false, expect.any(String)]);
  });
});

describe('graph-aware org', () => {
  const base = generateOrg(new Rng(3).fork('org'));

  it('adds the campaigns, partners, accounts and people that make the graph literals reachable, and seeds', () => {
    const { org, plans } = graphAwareOrg(base, [loadDefaultGraph()]);
    expect(org.campaigns.some((c) => c.Name.startsWith('Partner - Trial') && c.key.startsWith('graph-'))).toBe(true);
    expect(org.accounts.some((a) => a.key.startsWith('graph-partner') && a.Partner_Type__c === 'Alliance')).toBe(true);
    expect(org.people.some((p) => p.fields?.['Partner_Recalled__c'] === true && p.fields['Partner_Recalled_Date__c'] === undefined)).toBe(true);
    expect(plans.filter((p) => p.kind === 'rerun').length).toBeGreaterThan(3);
    expect(() => createWorld({ seed: 3, org })).not.toThrow();
  });

  it('is deterministic, and aims a share of generated events at the witnesses', () => {
    expect(graphAwareOrg(base, [loadDefaultGraph()])).toEqual(graphAwareOrg(base, [loadDefaultGraph()]));
    const w = checkWorld(3);
    const events = fc.sample(batchArbitrary(w), { seed: 9, numRuns: 20 }).flat();
    const graphCampaigns = new Set(w.org.campaigns.filter((c) => c.key.startsWith('graph-')).map((c) => c.Name));
    const aimed = events.filter((e) => e.entryPoint === 'list-upload' && graphCampaigns.has((e.payload as { campaign: string }).campaign));
    expect(aimed.length).toBeGreaterThan(0);
    expect(fc.sample(batchArbitrary(w), { seed: 9, numRuns: 20 })).toEqual(fc.sample(batchArbitrary(checkWorld(3)), { seed: 9, numRuns: 20 }));
  });
});

describe('check coverage at the default budget', () => {
  it('reaches every node and condition outcome of the default graph (seed 42, 100 runs)', async () => {
    const coverage = new RoutingCoverage(loadDefaultGraph());
    const report = await runCheck({ seed: 42, runs: 100, onRun: (run) => coverage.addRun(run) });
    expect(report.ok).toBe(true);
    expect(coverage.report().totals).toMatchObject({ percent: 100 });
  }, 120_000);
});
