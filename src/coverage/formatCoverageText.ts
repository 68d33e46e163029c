import type { Graph } from '../routing/graphSchema.ts';
import { renderNode } from '../routing/renderGraphText.ts';
import type { CoverageCount, CoverageEntry, CoverageReport } from './routingCoverage.ts';

/**
 * Routing coverage for people: the totals, one line per node with how often it was reached (and each condition's
 * yes/no counts), then everything never reached, each with what it does, so a reader knows which input is missing.
 */
export function formatCoverageText(report: CoverageReport, graph: Graph): string {
  const t = report.totals;
  const lines = [
    `Routing coverage of graph "${report.graph}" (${report.routings} routing decision${report.routings === 1 ? '' : 's'}): ${t.percent}% of nodes and condition outcomes`,
    `  nodes               ${ratio(t.nodes)}`,
    `  condition outcomes  ${ratio(t.outcomes)}`,
    `  leaf tests          ${ratio(t.tests)}  (each value of each test inside and/or/not, where evaluated)`,
    `  assign fallbacks    ${ratio(t.fallbacks)}`,
    '',
  ];
  const byKey = new Map(report.entries.map((e) => [e.key, e]));
  const width = Math.max(4, ...Object.keys(graph.nodes).map((id) => id.length));
  lines.push(`  ${'node'.padEnd(width)}  ${'hits'.padStart(7)}  ${'yes'.padStart(7)}  ${'no'.padStart(7)}`);
  for (const [id, node] of Object.entries(graph.nodes)) {
    const hits = byKey.get(id)?.hits ?? 0;
    const outcome = (yes: boolean) => (node.kind === 'condition' ? String(byKey.get(`${id}:${yes ? 'yes' : 'no'}`)?.hits ?? 0) : '');
    lines.push(`  ${id.padEnd(width)}  ${String(hits).padStart(7)}  ${outcome(true).padStart(7)}  ${outcome(false).padStart(7)}`);
  }
  const unreached = report.entries.filter((e) => e.hits === 0);
  lines.push('');
  if (unreached.length === 0) lines.push('Every node, condition outcome, leaf test value and fallback was reached.');
  else {
    lines.push(`Never reached (${unreached.length}):`);
    for (const e of unreached) lines.push(`  - ${describeEntry(e, graph)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One unreached target as text: `node isMql (if person.Status = "MQL")`, `outcome isMql: no`, … */
export function describeEntry(e: CoverageEntry, graph: Graph): string {
  const node = graph.nodes[e.node];
  const what = node ? renderNode(node) : '';
  switch (e.kind) {
    case 'node':
      return `node ${e.node} (${what})`;
    case 'outcome':
      return `outcome ${e.node}: ${e.outcome} (${what})`;
    case 'test':
      return `leaf test ${e.node}[${e.at}] (${e.test}) → ${e.value}`;
    case 'fallback':
      return `fallback ${e.node} → ${e.target} (${what} could not take the person)`;
  }
}

function ratio(c: CoverageCount): string {
  const pct = c.total === 0 ? 100 : Math.floor((1000 * c.covered) / c.total) / 10;
  return `${`${c.covered}/${c.total}`.padStart(7)}  ${`${pct}%`.padStart(6)}`;
}
