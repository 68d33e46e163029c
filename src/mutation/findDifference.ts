import type { ExploredRun } from '../generators/graph/exploreRoutings.ts';
import { exploreRoutings } from '../generators/graph/exploreRoutings.ts';
import { routingInputSpace } from '../generators/graph/routingInputSpace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { Decision, PathStep } from '../routing/route.ts';
import type { RoutingContext } from '../routing/routingContext.ts';
import { mutatedNodes, nodesReaching } from './mutatedNodes.ts';
import { routingOutcome } from './routingOutcome.ts';

/**
 * Whether two graphs route every context of their bounded input space alike: `equivalent` (all `runs` distinct
 * ways compared, no difference), `distinct` with a context where they differ and both decisions, or `undecided`
 * when the budget ran out first.
 */
export type Difference =
  | { readonly verdict: 'equivalent'; readonly runs: number }
  | { readonly verdict: 'distinct'; readonly runs: number; readonly context: RoutingContext; readonly original: Decision; readonly mutant: Decision; readonly assignment: Record<string, unknown> }
  | { readonly verdict: 'undecided'; readonly runs: number };

/** Options of {@link findDifference}. */
export interface FindDifferenceOptions {
  /** Most routing contexts to compare (default 100 000). */
  readonly maxRuns?: number;
}

/**
 * Compares a mutant with its original on the bounded input space their literals span (see `routingInputSpace`):
 * every distinct way the two graphs can read it, except that once both runs reach the same node, from which no
 * changed node can be reached, with the same effects so far, the rest cannot differ and is not varied.
 */
export function findDifference(original: Graph, mutant: Graph, options: FindDifferenceOptions = {}): Difference {
  const graphs = [original, mutant];
  const space = routingInputSpace(graphs);
  const dirty = nodesReaching(graphs, mutatedNodes(original, mutant));
  let found: ExploredRun | undefined;
  const result = exploreRoutings(graphs, {
    space,
    maxRuns: options.maxRuns ?? 100_000,
    visit: (run) => {
      const [a, b] = run.decisions as [Decision, Decision];
      if (routingOutcome(a, run.context.person) === routingOutcome(b, run.context.person)) return false;
      found = run;
      return true;
    },
    settledFrom: (run) => convergence(graphs, run.decisions, dirty),
  });
  if (found) {
    const [a, b] = found.decisions as [Decision, Decision];
    return { verdict: 'distinct', runs: result.runs, context: found.context, original: a, mutant: b, assignment: space.describe(found.assignment) };
  }
  return result.complete ? { verdict: 'equivalent', runs: result.runs } : { verdict: 'undecided', runs: result.runs };
}

/**
 * Where both paths reach the same clean node (no changed node reachable from it) with the same effects so far:
 * from there on, the same context gives the same decision. Per graph, the index of that step (none: undefined).
 */
function convergence(graphs: readonly Graph[], decisions: readonly Decision[], dirty: ReadonlySet<string>): (number | undefined)[] {
  const [g0, g1] = graphs as [Graph, Graph];
  const [p, q] = [decisions[0]?.path ?? [], decisions[1]?.path ?? []];
  for (let i = 0; i < p.length; i++) {
    const node = p[i]?.node as string;
    if (dirty.has(node)) continue;
    const j = q.findIndex((s) => s.node === node);
    if (j >= 0 && effects(g0, p, i) === effects(g1, q, j)) return [i, j];
  }
  return [undefined, undefined];
}

/** The effects of a path's first `n` steps: field updates, assignments made (or fallen back from), PRM shares. */
function effects(graph: Graph, path: readonly PathStep[], n: number): string {
  const updates: Record<string, unknown> = {};
  const assigns: string[] = [];
  let shares = 0;
  for (let i = 0; i < n; i++) {
    const step = path[i] as PathStep;
    const node = graph.nodes[step.node];
    if (node?.kind === 'update') Object.assign(updates, node.fields);
    else if (node?.kind === 'assign') assigns.push(`${JSON.stringify(node.target)}${path[i + 1]?.node === node.fallback && node.fallback !== node.next ? ' fell back' : ''}`);
    else if (node?.kind === 'sharePrm') shares++;
  }
  return JSON.stringify([Object.entries(updates).sort(), assigns, shares]);
}
