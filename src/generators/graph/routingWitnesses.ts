import { pathHits } from '../../coverage/routingCoverage.ts';
import type { Graph } from '../../routing/graphSchema.ts';
import type { Decision } from '../../routing/route.ts';
import type { RoutingContext } from '../../routing/routingContext.ts';
import { exploreRoutings } from './exploreRoutings.ts';
import { routingInputSpace } from './routingInputSpace.ts';

/** A routing context that reaches coverage targets no earlier witness reached. */
export interface RoutingWitness {
  readonly context: RoutingContext;
  readonly decision: Decision;
  /** The coverage keys (see `coverageKey`) it reached first. */
  readonly reaches: readonly string[];
}

/** Options of {@link routingWitnesses}. */
export interface RoutingWitnessesOptions {
  /** Most routing contexts to try (default 20 000). */
  readonly maxRuns?: number;
}

/**
 * Routing contexts that together reach every node, condition outcome, leaf test value and fallback of `graph` that
 * its bounded input space can reach (see `routingInputSpace`): the graph's own literals and their near misses,
 * combined as the paths need them. Found by exploring the space and varying only the reads of runs that reached
 * something new, so the witnesses stay few and each differs from a simpler one by one value. Deterministic.
 */
export function routingWitnesses(graph: Graph, options: RoutingWitnessesOptions = {}): RoutingWitness[] {
  const space = routingInputSpace([graph]);
  const seen = new Set<string>();
  const witnesses: RoutingWitness[] = [];
  let novel = false;
  exploreRoutings([graph], {
    space,
    maxRuns: options.maxRuns ?? 20_000,
    visit: ({ context, decisions }) => {
      const decision = decisions[0] as Decision;
      const reaches = [...new Set(pathHits(graph, decision.path).targets)].filter((key) => !seen.has(key));
      for (const key of reaches) seen.add(key);
      novel = reaches.length > 0;
      if (novel) witnesses.push({ context, decision, reaches });
    },
    settledFrom: () => [novel ? undefined : 0],
  });
  return witnesses;
}
