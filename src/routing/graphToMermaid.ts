import { nodeEdges, type Graph, type GraphNode } from './graphSchema.ts';
import { renderNode } from './renderGraphText.ts';

const EDGE_LABELS = { then: 'yes', else: 'no', next: '', fallback: 'unavailable' } as const;
// Words Mermaid's flowchart grammar reserves; a node with such an id gets a suffix.
const RESERVED = new Set(['end', 'graph', 'subgraph', 'flowchart', 'style', 'class', 'classdef', 'click', 'linkstyle', 'default', 'direction']);

/** The name of an edge leaving a node. */
export type EdgeName = ReturnType<typeof nodeEdges>[number][0];

/** Options of {@link graphToMermaid}. */
export interface MermaidOptions {
  /** Flow direction: `TD` (top-down, the default) or `LR` (left to right). */
  readonly direction?: 'TD' | 'LR';
  /**
   * How often a run passed each node and edge (routing coverage): shown on the edges, and nodes and edges never
   * passed are drawn red and dashed (class `unreached`).
   */
  readonly counts?: { readonly node: (id: string) => number; readonly edge: (id: string, edge: EdgeName) => number };
}

/**
 * The graph as a Mermaid flowchart, for a pull request or a wiki: conditions as diamonds with yes/no edges, field
 * updates as parallelograms, assignments as rounded boxes (a dashed "unavailable" edge to their fallback), PRM
 * sharing as a subroutine, ends as stadiums. Each node shows its label, or what it does when it has none.
 */
export function graphToMermaid(graph: Graph, options: MermaidOptions = {}): string {
  const lines = [`flowchart ${options.direction ?? 'TD'}`];
  for (const [id, node] of Object.entries(graph.nodes)) lines.push(`  ${mermaidId(id)}${shape(node, nodeText(node))}`);
  const counts = options.counts;
  const untaken: number[] = [];
  let edgeIndex = 0;
  for (const [id, node] of Object.entries(graph.nodes)) {
    for (const [edge, target] of nodeEdges(node)) {
      const arrow = edge === 'fallback' ? '-.->' : '-->';
      const hits = counts?.edge(id, edge);
      if (hits === 0) untaken.push(edgeIndex);
      const label = [EDGE_LABELS[edge], hits === undefined ? '' : `${hits}×`].filter((s) => s !== '').join(' ');
      lines.push(`  ${mermaidId(id)} ${arrow}${label ? `|${label}|` : ''} ${mermaidId(target)}`);
      edgeIndex++;
    }
  }
  lines.push(`  classDef condition fill:#fff7e0,stroke:#b58900`, `  classDef assign fill:#e6f4ea,stroke:#2e7d32`);
  const byKind = (kind: GraphNode['kind']) => Object.entries(graph.nodes).filter(([, n]) => n.kind === kind).map(([id]) => mermaidId(id));
  for (const kind of ['condition', 'assign'] as const) {
    const ids = byKind(kind);
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${kind}`);
  }
  if (counts) {
    const unreached = Object.keys(graph.nodes).filter((id) => counts.node(id) === 0).map(mermaidId);
    lines.push('  classDef unreached fill:#fde2e2,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3');
    if (unreached.length > 0) lines.push(`  class ${unreached.join(',')} unreached`);
    if (untaken.length > 0) lines.push(`  linkStyle ${untaken.join(',')} stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3`);
  }
  return `${lines.join('\n')}\n`;
}

function nodeText(node: GraphNode): string {
  return node.label ?? (node.kind === 'end' ? 'End' : renderNode(node));
}

function mermaidId(id: string): string {
  return RESERVED.has(id.toLowerCase()) ? `${id}_` : id;
}

function shape(node: GraphNode, text: string): string {
  const t = `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
  switch (node.kind) {
    case 'condition':
      return `{${t}}`;
    case 'update':
      return `[/${t}/]`;
    case 'assign':
      return `(${t})`;
    case 'sharePrm':
      return `[[${t}]]`;
    case 'end':
      return `([${t}])`;
  }
}
