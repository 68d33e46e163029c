import type { Graph } from '../../routing/graphSchema.ts';
import { route, type Decision } from '../../routing/route.ts';
import { emptyRoundRobinState } from '../../routing/roundRobin.ts';
import type { RoutingContext } from '../../routing/routingContext.ts';
import { routingInputSpace, type Assignment, type RoutingInputSpace } from './routingInputSpace.ts';

/** One routing context of the exploration and what each graph decided for it. */
export interface ExploredRun {
  readonly assignment: Assignment;
  readonly context: RoutingContext;
  /** One decision per graph, in the order the graphs were given. */
  readonly decisions: readonly Decision[];
}

/** Options of {@link exploreRoutings}. */
export interface ExploreOptions {
  /** The input space (default: built from the graphs' literals). */
  readonly space?: RoutingInputSpace;
  /** Most routing contexts to try before giving up (default 200 000). */
  readonly maxRuns?: number;
  /** Called for each distinct run; return `true` to stop. */
  readonly visit: (run: ExploredRun) => boolean | void;
  /**
   * Per graph, the index of the path step from which the run's reads need not be varied (their values cannot change
   * what the caller looks for: the graphs have converged, or the run found nothing new). Default: vary every read.
   */
  readonly settledFrom?: (run: ExploredRun) => readonly (number | undefined)[];
}

/** How an exploration ended: how many distinct runs it made, and whether it saw them all. */
export interface Exploration {
  readonly runs: number;
  /** True when every distinct run of the space was visited (not stopped, not over budget). */
  readonly complete: boolean;
  readonly stopped: boolean;
}

/**
 * Visits every distinct way the graphs can route a context of the bounded input space, each once: lazy exhaustive
 * enumeration by re-execution. A run fixes the dimensions it was given and leaves the others at their default; the
 * dimensions the graphs actually read (from the interpreter's path) are then varied one at a time, in the order they
 * were read, keeping the earlier ones. Dimensions no graph reads are never varied, so the number of runs is the
 * number of distinct paths through the graphs together, not the size of the space.
 */
export function exploreRoutings(graphs: readonly Graph[], options: ExploreOptions): Exploration {
  const space = options.space ?? routingInputSpace(graphs);
  const maxRuns = options.maxRuns ?? 200_000;
  const stack: [string, number][][] = [[]];
  let runs = 0;
  while (stack.length > 0) {
    if (runs >= maxRuns) return { runs, complete: false, stopped: false };
    const prefix = stack.pop() as [string, number][];
    const assignment = new Map(prefix);
    const context = space.context(assignment);
    const decisions = graphs.map((g) => route(g, context, emptyRoundRobinState()));
    runs++;
    if (options.visit({ assignment, context, decisions }) === true) return { runs, complete: false, stopped: true };
    const extension = [...prefix];
    const settled = options.settledFrom?.({ assignment, context, decisions });
    for (const key of graphs.flatMap((g, i) => space.reads(g, decisions[i] as Decision, settled?.[i]))) {
      if (assignment.has(key) || extension.some(([k]) => k === key)) continue;
      const size = space.dimensions.get(key)?.values.length ?? 1;
      for (let v = size - 1; v >= 1; v--) stack.push([...extension, [key, v]]);
      extension.push([key, 0]);
    }
  }
  return { runs, complete: true, stopped: false };
}
