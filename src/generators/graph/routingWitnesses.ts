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
  const space = routingInputSpace([graph], { everyLiteral: true });
  const seen = new Set<string>();
  const witnesses: RoutingWitness[] = [];
  let novel = false;
  exploreRoutings([graph], {
    space,
    maxRuns: options.maxRuns ?? 20_000,
    visit: ({ context, decisions }) => {
      const decision = decisions[0] as Decision;
      const reaches = [...new Set([...pathHits(graph, decision.path).targets, ...literalHits(graph, decision, context)])].filter((key) => !seen.has(key));
      for (const key of reaches) seen.add(key);
      novel = reaches.length > 0;
      if (novel) witnesses.push({ context, decision, reaches });
    },
    settledFrom: () => [novel ? undefined : 0],
  });
  return witnesses;
}

/**
 * Which value each evaluated test saw (`isActivelyWorked[0]: "Qualified" → true`), so that every value of a list
 * and every near miss of a literal is reached by some witness, not only one value per outcome: dropping one value
 * from a list, or loosening `equals` to `startsWith`, must show.
 */
function literalHits(graph: Graph, decision: Decision, context: RoutingContext): string[] {
  const out: string[] = [];
  for (const step of decision.path) {
    const node = graph.nodes[step.node];
    if (node?.kind !== 'condition') continue;
    const leaves = step.tests ?? (step.result === undefined ? [] : [{ at: '', field: (node.test as { field: string }).field, value: step.result }]);
    for (const leaf of leaves) {
      const dot = leaf.field.indexOf('.');
      const seen = leaf.field === 'trigger' ? context.trigger : (context as unknown as Record<string, Record<string, unknown> | undefined>)[leaf.field.slice(0, dot)]?.[leaf.field.slice(dot + 1)];
      out.push(`${step.node}[${leaf.at}]: ${JSON.stringify(seen ?? null)} → ${leaf.value}`);
    }
  }
  return out;
}
