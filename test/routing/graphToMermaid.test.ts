import { describe, expect, it } from 'vitest';
import { nodeEdges, type Graph } from '../../src/routing/graphSchema.ts';
import { graphToMermaid } from '../../src/routing/graphToMermaid.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';

describe('graphToMermaid', () => {
  it('draws each node kind with its shape and each edge with its label, escaping quotes and reserved ids', () => {
    const graph: Graph = {
      version: 1,
      name: 'tiny',
      start: 'isMql',
      settings: { partnerEngagementStatuses: [] },
      nodes: {
        isMql: { kind: 'condition', test: { op: 'equals', field: 'person.Status', value: 'MQL' }, then: 'stamp', else: 'inquiry' },
        stamp: { kind: 'update', fields: { High_Priority__c: true }, next: 'rr' },
        rr: { kind: 'assign', label: 'SDR <round robin>', target: { roundRobin: { pool: { role: 'SDR', region: '$person.region' } } }, next: 'share', fallback: 'inquiry' },
        share: { kind: 'sharePrm', next: 'end' },
        inquiry: { kind: 'assign', target: { queue: 'Inquiry Queue' }, next: 'end' },
        end: { kind: 'end' },
      },
    };
    expect(graphToMermaid(graph)).toMatchInlineSnapshot(`
      "flowchart TD
        isMql{"if person.Status = #quot;MQL#quot;"}
        stamp[/"set High_Priority__c = true"/]
        rr("SDR #lt;round robin#gt;")
        share[["share to the PRM"]]
        inquiry("assign to queue #quot;Inquiry Queue#quot;")
        end_(["End"])
        isMql -->|yes| stamp
        isMql -->|no| inquiry
        stamp --> rr
        rr --> share
        rr -.->|unavailable| inquiry
        share --> end_
        inquiry --> end_
        classDef condition fill:#fff7e0,stroke:#b58900
        classDef assign fill:#e6f4ea,stroke:#2e7d32
        class isMql condition
        class rr,inquiry assign
      "
    `);
  });

  it('draws every node and edge of the default graph', () => {
    const graph = loadDefaultGraph();
    const text = graphToMermaid(graph, { direction: 'LR' });
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    for (const id of Object.keys(graph.nodes)) expect(text).toMatch(new RegExp(`^  ${id}[{[(]`, 'm'));
    expect(text).toContain('isPartnerSponsoredEvent -->|yes| setPartnerShareStatus');
    expect(text.split('\n').filter((line) => line.includes('-->') || line.includes('-.->'))).toHaveLength(
      Object.values(graph.nodes).reduce((n, node) => n + nodeEdges(node).length, 0),
    );
  });
});
