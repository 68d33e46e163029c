import type { Graph } from '../routing/graphSchema.ts';
import { coverageToMermaid } from './coverageToMermaid.ts';
import { describeEntry, formatCoverageText } from './formatCoverageText.ts';
import type { CoverageReport } from './routingCoverage.ts';

/** The formats routing coverage is rendered in: text for people, JSON for tools, Mermaid for a pull request. */
export const COVERAGE_FORMATS = ['text', 'json', 'mermaid'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** One graph's coverage, with the graph it counts. */
export interface GraphCoverage {
  readonly report: CoverageReport;
  readonly graph: Graph;
}

/**
 * Renders the coverage of one or more graphs (a replay may route scenarios with different graphs). JSON is
 * `{ graphs: [{ graph, routings, totals, unreached, entries, edges }] }`; Mermaid is one flowchart, or one fenced
 * block per graph under a heading when there are several.
 */
export function renderCoverage(coverages: readonly GraphCoverage[], format: CoverageFormat): string {
  switch (format) {
    case 'text':
      return coverages.map((c) => formatCoverageText(c.report, c.graph)).join('\n');
    case 'json':
      return `${JSON.stringify({ graphs: coverages.map(({ report, graph }) => ({ graph: report.graph, routings: report.routings, totals: report.totals, unreached: report.entries.filter((e) => e.hits === 0).map((e) => ({ key: e.key, kind: e.kind, text: describeEntry(e, graph) })), entries: report.entries, edges: report.edges })) }, null, 2)}\n`;
    case 'mermaid': {
      const only = coverages.length === 1 ? coverages[0] : undefined;
      if (only) return coverageToMermaid(only.report, only.graph);
      return coverages.map((c) => `## Graph "${c.report.graph}": ${c.report.totals.percent}%\n\n\`\`\`mermaid\n${coverageToMermaid(c.report, c.graph)}\`\`\`\n`).join('\n');
    }
  }
}
