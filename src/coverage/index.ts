// Routing coverage: which nodes, condition outcomes and leaf tests of a graph a run reached, counted from the
// routing interpreter's own path records, and rendered as text, JSON or Mermaid.
export { coverageTargets, coverageKey, type CoverageTarget } from './coverageTargets.ts';
export { RoutingCoverage, type CoverageReport, type CoverageEntry, type CoverageCount } from './routingCoverage.ts';
export { formatCoverageText, describeEntry } from './formatCoverageText.ts';
export { coverageToMermaid } from './coverageToMermaid.ts';
export { renderCoverage, COVERAGE_FORMATS, type CoverageFormat, type GraphCoverage } from './renderCoverage.ts';
export { CoverageByGraph } from './coverageByGraph.ts';
