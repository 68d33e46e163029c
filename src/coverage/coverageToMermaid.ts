import type { Graph } from '../routing/graphSchema.ts';
import { graphToMermaid } from '../routing/graphToMermaid.ts';
import type { CoverageReport } from './routingCoverage.ts';

/**
 * The graph as a Mermaid flowchart with routing coverage on it: each edge labelled with how often a run took it,
 * nodes and edges never reached drawn red and dashed.
 */
export function coverageToMermaid(report: CoverageReport, graph: Graph): string {
  const nodeHits = new Map(report.entries.filter((e) => e.kind === 'node').map((e) => [e.node, e.hits]));
  return graphToMermaid(graph, { counts: { node: (id) => nodeHits.get(id) ?? 0, edge: (id, edge) => report.edges[`${id}:${edge}`] ?? 0 } });
}
