import { describe, expect, it } from 'vitest';
import { graphMutants } from '../../src/mutation/graphMutants.ts';
import { mutatedNodes } from '../../src/mutation/mutatedNodes.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { lintGraph } from '../../src/routing/lintGraph.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';

/** Partner MQLs of an MDF campaign to the Partner Queue (shared), other MQLs round robin, the rest to the Inquiry Queue. */
const TINY: Graph = {
  version: 1,
  name: 'tiny',
  start: 'isPartnerLead',
  settings: { partnerEngagementStatuses: ['Attended', 'Visited Booth'] },
  nodes: {
    isPartnerLead: {
      kind: 'condition',
      test: { op: 'and', tests: [{ op: 'notEmpty', field: 'person.Impartner_Partner_Account__c' }, { op: 'in', field: 'campaignMember.Status', values: '$settings.partnerEngagementStatuses' }] },
      then: 'stamp',
      else: 'isMql',
    },
    stamp: { kind: 'update', fields: { Partner_Share_Status__c: 'Pending' }, next: 'partnerQueue' },
    partnerQueue: { kind: 'assign', target: { queue: 'Partner Queue' }, next: 'share' },
    share: { kind: 'sharePrm', next: 'done' },
    isMql: { kind: 'condition', test: { op: 'equals', field: 'person.Status', value: 'MQL' }, then: 'roundRobin', else: 'inquiry' },
    roundRobin: { kind: 'assign', target: { roundRobin: { pool: { role: 'SDR', region: '$person.region' } } }, next: 'done', fallback: 'inquiry' },
    inquiry: { kind: 'assign', target: { queue: 'Inquiry Queue' }, next: 'done' },
    done: { kind: 'end' },
  },
};

describe('graphMutants', () => {
  const { mutants, refusedByLint } = graphMutants(TINY);
  const byId = new Map(mutants.map((m) => [m.id, m]));

  it('makes every careless edit of each kind, each a valid graph that differs from the original', () => {
    expect(mutants.map((m) => m.id)).toEqual([
      'negate-condition:isPartnerLead',
      'swap-and-or:isPartnerLead',
      'negate-test:isPartnerLead[0]',
      'drop-test:isPartnerLead[0]',
      'negate-test:isPartnerLead[1]',
      'drop-test:isPartnerLead[1]',
      'change-operator:isPartnerLead[1]:equals',
      'swap-conditions:isPartnerLead:else',
      'drop-update:stamp',
      'retarget:partnerQueue:queue "Inquiry Queue"',
      'skip-node:share',
      'negate-condition:isMql',
      'change-operator:isMql:startsWith',
      'retarget:roundRobin:round robin: BDR in $person.region',
      'retarget:roundRobin:round robin: AE in $person.region',
      'retarget:inquiry:queue "Partner Queue"',
      'drop-value:settings.partnerEngagementStatuses:Attended',
      'drop-value:settings.partnerEngagementStatuses:Visited Booth',
    ]);
    for (const m of mutants) {
      expect(lintGraph(m.graph).ok, m.id).toBe(true);
      expect(JSON.stringify(m.graph), m.id).not.toBe(JSON.stringify(TINY));
    }
    expect(refusedByLint).toBe(0);
  });

  it('says exactly what each edit changed', () => {
    expect(byId.get('change-operator:isPartnerLead[1]:equals')?.change).toBe('isPartnerLead[1]: campaignMember.Status in $settings.partnerEngagementStatuses → campaignMember.Status = "Attended"');
    expect(byId.get('drop-test:isPartnerLead[0]')?.change).toBe('isPartnerLead[0]: person.Impartner_Partner_Account__c is not empty → (dropped)');
    expect(byId.get('swap-conditions:isPartnerLead:else')?.change).toBe('isPartnerLead and isMql swapped (now tests person.Status = "MQL" first)');
  });

  it('reorders two rules with their own exits, and skips a node by pointing its predecessors past it', () => {
    const swapped = byId.get('swap-conditions:isPartnerLead:else')!.graph.nodes;
    expect(swapped['isPartnerLead']).toMatchObject({ test: { op: 'equals', field: 'person.Status' }, then: 'roundRobin', else: 'isMql' });
    expect(swapped['isMql']).toMatchObject({ test: { op: 'and' }, then: 'stamp', else: 'inquiry' });
    const skipped = byId.get('skip-node:share')!.graph;
    expect(skipped.nodes['share']).toBeUndefined();
    expect(skipped.nodes['partnerQueue']).toMatchObject({ next: 'done' });
    expect([...mutatedNodes(TINY, skipped)].sort()).toEqual(['partnerQueue', 'share']);
    expect([...mutatedNodes(TINY, byId.get('drop-value:settings.partnerEngagementStatuses:Visited Booth')!.graph)]).toEqual(['isPartnerLead']);
  });

  it('works from the test shape, so operators added later get the generic edits', () => {
    const rules: Graph = { ...TINY, nodes: { ...TINY.nodes, isMql: { kind: 'condition', test: { op: 'and', tests: [{ op: 'contains', field: 'person.Title', values: ['VP', 'Chief'], ignoreCase: true }, { op: 'lessThan', field: 'person.NumberOfEmployees', value: 50 }] }, then: 'roundRobin', else: 'inquiry' } } };
    const changes = graphMutants(rules).mutants.filter((m) => m.node === 'isMql').map((m) => m.change);
    expect(changes).toEqual(
      expect.arrayContaining([
        'isMql[0]: person.Title contains any of ["VP", "Chief"] (any case) → person.Title starts with any of ["VP", "Chief"] (any case)',
        'isMql[0]: person.Title contains any of ["VP", "Chief"] (any case) → person.Title contains any of ["VP", "Chief"]',
        'isMql[0]: person.Title contains any of ["VP", "Chief"] (any case) → person.Title contains any of ["Chief"] (any case)',
        'isMql[1]: person.NumberOfEmployees < 50 → person.NumberOfEmployees <= 50',
      ]),
    );
  });

  it('makes over a hundred mutants of the default graph, every one lint-valid', () => {
    const all = graphMutants(loadDefaultGraph());
    expect(all.mutants.length).toBeGreaterThan(100);
    expect(new Set(all.mutants.map((m) => m.id)).size).toBe(all.mutants.length);
    expect(new Set(all.mutants.map((m) => m.operator))).toEqual(new Set(['negate-condition', 'negate-test', 'drop-test', 'swap-and-or', 'change-operator', 'drop-value', 'swap-conditions', 'drop-update', 'skip-node', 'retarget']));
  });
});
