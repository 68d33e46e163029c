import type { PathStep } from '../routing/route.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { EdgeName } from '../routing/graphToMermaid.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { coverageKey, coverageTargets, type CoverageTarget } from './coverageTargets.ts';

/** One coverage target with how many routings reached it. */
export type CoverageEntry = CoverageTarget & { readonly hits: number };

/** A count of covered targets out of all. */
export interface CoverageCount {
  readonly covered: number;
  readonly total: number;
}

/**
 * How much of a graph a run reached. `percent` is over nodes and condition outcomes (what `--min-coverage` checks);
 * leaf tests inside compound conditions and assign fallbacks are reported beside it, since some of their values can
 * be impossible in a pipeline (a campaign member without its campaign).
 */
export interface CoverageReport {
  readonly graph: string;
  /** Routing decisions counted (inbound routings and re-runs). */
  readonly routings: number;
  readonly entries: readonly CoverageEntry[];
  /** How often each edge was taken, by `node:edge` (`isMql:then`, `assignSdrRoundRobin:next`, …). */
  readonly edges: Readonly<Record<string, number>>;
  readonly totals: {
    readonly nodes: CoverageCount;
    readonly outcomes: CoverageCount;
    readonly tests: CoverageCount;
    readonly fallbacks: CoverageCount;
    /** Covered nodes and condition outcomes, in percent of all of them (0–100, one decimal). */
    readonly percent: number;
  };
}

/**
 * Counts routing coverage from the routing interpreter's own record of each decision (its `path`: the nodes it
 * passed, each condition's result, each leaf test's value). Add paths, or whole runs (every route step of every
 * inbound event and re-run), then read the {@link CoverageReport}.
 * @example
 * const coverage = new RoutingCoverage(graph);
 * coverage.addRun(harness.record());
 * console.log(coverage.report().totals.percent);
 */
export class RoutingCoverage {
  readonly #graph: Graph;
  readonly #hits = new Map<string, number>();
  readonly #edges = new Map<string, number>();
  #routings = 0;

  constructor(graph: Graph) {
    this.#graph = graph;
  }

  /** Counts one routing decision's path. */
  addPath(path: readonly PathStep[]): void {
    this.#routings++;
    const hits = pathHits(this.#graph, path);
    for (const key of hits.targets) this.#hit(key);
    for (const key of hits.edges) this.#edges.set(key, (this.#edges.get(key) ?? 0) + 1);
  }

  /** Counts every routing of a run: the route steps of its inbound events and of its re-runs. */
  addRun(run: RunRecord): void {
    for (const trace of [...run.traces, ...(run.reruns ?? [])]) this.addTrace(trace);
  }

  /** Counts the route steps of one event's trace. */
  addTrace(trace: EventTrace): void {
    for (const step of trace.steps) {
      if (step.job !== 'route') continue;
      const path = routePath(step.output);
      if (path !== undefined) this.addPath(path);
    }
  }

  /** Adds another coverage of the same graph (e.g. a worker's) to this one. */
  merge(other: CoverageReport): void {
    this.#routings += other.routings;
    for (const entry of other.entries) if (entry.hits > 0) this.#hit(entry.key, entry.hits);
    for (const [key, n] of Object.entries(other.edges)) this.#edges.set(key, (this.#edges.get(key) ?? 0) + n);
  }

  report(): CoverageReport {
    const entries = coverageTargets(this.#graph).map((t) => ({ ...t, hits: this.#hits.get(t.key) ?? 0 }));
    const count = (kind: CoverageEntry['kind']): CoverageCount => {
      const of = entries.filter((e) => e.kind === kind);
      return { covered: of.filter((e) => e.hits > 0).length, total: of.length };
    };
    const nodes = count('node');
    const outcomes = count('outcome');
    const total = nodes.total + outcomes.total;
    const percent = total === 0 ? 100 : Math.floor((1000 * (nodes.covered + outcomes.covered)) / total) / 10;
    const edges = Object.fromEntries([...this.#edges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { graph: this.#graph.name, routings: this.#routings, entries, edges, totals: { nodes, outcomes, tests: count('test'), fallbacks: count('fallback'), percent } };
  }

  #hit(key: string, n = 1): void {
    this.#hits.set(key, (this.#hits.get(key) ?? 0) + n);
  }
}

/** The path a route step's output carries: a decision's (`{ path }`) or a failed decision's (`{ decision: { path } }`). */
function routePath(output: unknown): readonly PathStep[] | undefined {
  if (output === null || typeof output !== 'object') return undefined;
  const o = output as { path?: unknown; decision?: { path?: unknown } };
  const path = o.path ?? o.decision?.path;
  return Array.isArray(path) ? (path as PathStep[]) : undefined;
}

/**
 * What one routing decision's path reached: coverage target keys (nodes, condition outcomes, leaf test values,
 * fallbacks; repeated when a node is passed twice) and edges taken (`node:edge`).
 */
export function pathHits(graph: Graph, path: readonly PathStep[]): { targets: string[]; edges: string[] } {
  const targets: string[] = [];
  const edges: string[] = [];
  for (const [i, step] of path.entries()) {
    targets.push(coverageKey.node(step.node));
    if (step.kind === 'condition' && step.result !== undefined) targets.push(coverageKey.outcome(step.node, step.result));
    for (const leaf of step.tests ?? []) targets.push(coverageKey.test(step.node, leaf.at, leaf.value));
    const node = graph.nodes[step.node];
    const next = path[i + 1];
    if (node === undefined || next === undefined) continue;
    let edge: EdgeName | undefined;
    if (node.kind === 'condition') edge = step.result === undefined ? undefined : step.result ? 'then' : 'else';
    else if (node.kind === 'assign' && node.fallback !== undefined && next.node === node.fallback && node.fallback !== node.next) edge = 'fallback';
    else if (node.kind !== 'end') edge = 'next';
    if (edge === undefined) continue;
    edges.push(`${step.node}:${edge}`);
    if (edge === 'fallback') targets.push(coverageKey.fallback(step.node));
  }
  return { targets, edges };
}
