import { describe, expect, it } from 'vitest';
import { RoutingCoverage } from '../../src/coverage/routingCoverage.ts';
import { renderCoverage } from '../../src/coverage/renderCoverage.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { route } from '../../src/routing/route.ts';
import { emptyRoundRobinState } from '../../src/routing/roundRobin.ts';
import { makeContext } from '../routing/routingFixtures.ts';

/** MQLs from a partner's MDF campaign go to the Partner Queue; other MQLs round robin; the rest to the Inquiry Queue. */
const TINY: Graph = {
  version: 1,
  name: 'tiny',
  start: 'isPartnerMql',
  settings: { partnerEngagementStatuses: [] },
  nodes: {
    isPartnerMql: {
      kind: 'condition',
      test: { op: 'and', tests: [{ op: 'equals', field: 'person.Status', value: 'MQL' }, { op: 'not', test: { op: 'empty', field: 'person.Impartner_Partner_Account__c' } }] },
      then: 'partnerQueue',
      else: 'isMql',
    },
    partnerQueue: { kind: 'assign', target: { queue: 'Partner Queue' }, next: 'done' },
    isMql: { kind: 'condition', test: { op: 'equals', field: 'person.Status', value: 'MQL' }, then: 'roundRobin', else: 'inquiry' },
    roundRobin: { kind: 'assign', target: { roundRobin: { pool: { role: 'SDR', region: '$person.region' } } }, next: 'done', fallback: 'inquiry' },
    inquiry: { kind: 'assign', target: { queue: 'Inquiry Queue' }, next: 'done' },
    done: { kind: 'end' },
  },
};

function coverageOf(graph: Graph, people: Record<string, unknown>[]): RoutingCoverage {
  const coverage = new RoutingCoverage(graph);
  for (const person of people) {
    const decision = route(graph, makeContext({ person }), emptyRoundRobinState());
    coverage.addPath(decision.path);
  }
  return coverage;
}

describe('routing coverage', () => {
  it('counts nodes, condition outcomes and leaf tests from the paths the interpreter records', () => {
    const report = coverageOf(TINY, [{ Status: 'MQL' }, { Status: 'MQL' }, { Status: 'Inquiry' }]).report();
    const hits = Object.fromEntries(report.entries.map((e) => [e.key, e.hits]));
    expect(hits).toMatchObject({ isPartnerMql: 3, 'isPartnerMql:no': 3, 'isPartnerMql:yes': 0, roundRobin: 2, inquiry: 1, partnerQueue: 0 });
    // Short-circuit: the partner test only runs for MQLs, and never came out true.
    expect(hits).toMatchObject({ 'isPartnerMql[0]:true': 2, 'isPartnerMql[0]:false': 1, 'isPartnerMql[1.0]:true': 2, 'isPartnerMql[1.0]:false': 0 });
    expect(report.totals.nodes).toEqual({ covered: 5, total: 6 });
    expect(report.totals.outcomes).toEqual({ covered: 3, total: 4 });
    expect(report.totals.percent).toBe(80);
    expect(report.edges).toMatchObject({ 'isMql:then': 2, 'isMql:else': 1, 'roundRobin:next': 2, 'inquiry:next': 1 });
  });

  it('counts an assign fallback when the target cannot take the person', () => {
    const report = coverageOf(TINY, [{ Status: 'MQL', CountryCode: 'ZZ' }]).report();
    expect(report.entries.find((e) => e.key === 'roundRobin:fallback')?.hits).toBe(1);
    expect(report.edges['roundRobin:fallback']).toBe(1);
  });

  it('reaches 100% when every node and outcome is hit', () => {
    const report = coverageOf(TINY, [{ Status: 'MQL', Impartner_Partner_Account__c: '001000000000P01' }, { Status: 'MQL' }, { Status: 'Inquiry' }]).report();
    expect(report.totals.percent).toBe(100);
  });

  it('lists what was never reached, in text, JSON and Mermaid', () => {
    const coverages = [{ report: coverageOf(TINY, [{ Status: 'Inquiry' }]).report(), graph: TINY }];
    const text = renderCoverage(coverages, 'text');
    expect(text).toContain('Routing coverage of graph "tiny" (1 routing decision): 60% of nodes and condition outcomes');
    expect(text).toContain('  - outcome isPartnerMql: yes (if (person.Status = "MQL" and not (person.Impartner_Partner_Account__c is empty)))');
    expect(text).toContain('  - node roundRobin (assign to round robin: SDR in $person.region)');
    const json = JSON.parse(renderCoverage(coverages, 'json')) as { graphs: { unreached: { key: string }[]; totals: { percent: number } }[] };
    expect(json.graphs[0]?.totals.percent).toBe(60);
    expect(json.graphs[0]?.unreached.map((u) => u.key)).toContain('partnerQueue');
    const mermaid = renderCoverage(coverages, 'mermaid');
    expect(mermaid).toContain('  isMql -->|no 1×| inquiry');
    expect(mermaid).toContain('  class partnerQueue,roundRobin unreached');
    expect(mermaid).toMatch(/ {2}linkStyle [\d,]+ stroke:#c62828/);
  });

  it('covers every node of the default graph that a routing can reach on a small hand-made set', () => {
    const graph = loadDefaultGraph();
    const coverage = coverageOf(graph, [{ Status: 'MQL' }]);
    expect(coverage.report().routings).toBe(1);
    expect(coverage.report().entries.find((e) => e.key === 'assignSdrRoundRobin')?.hits).toBe(1);
  });
});
