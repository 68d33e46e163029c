import { nodeEdges, type Graph } from '../routing/graphSchema.ts';
import { leafTests } from '../routing/leafTests.ts';

/**
 * The nodes where a mutant can behave differently from the original: the nodes it changed (or added or removed),
 * and, when a settings list changed, the conditions that read it.
 */
export function mutatedNodes(original: Graph, mutant: Graph): Set<string> {
  const changed = new Set<string>();
  for (const id of new Set([...Object.keys(original.nodes), ...Object.keys(mutant.nodes)])) {
    if (JSON.stringify(original.nodes[id]) !== JSON.stringify(mutant.nodes[id])) changed.add(id);
  }
  if (original.start !== mutant.start) changed.add(mutant.start);
  const lists = Object.keys({ ...original.settings, ...mutant.settings }).filter((k) => JSON.stringify((original.settings as Record<string, unknown>)[k]) !== JSON.stringify((mutant.settings as Record<string, unknown>)[k]));
  for (const graph of [original, mutant]) {
    for (const [id, node] of Object.entries(graph.nodes)) {
      if (node.kind !== 'condition') continue;
      if (leafTests(node.test).some(({ test }) => lists.some((l) => (test as { values?: unknown }).values === `$settings.${l}`))) changed.add(id);
    }
  }
  return changed;
}

/** The nodes of either graph from which a node of `targets` can be reached (the targets included). */
export function nodesReaching(graphs: readonly Graph[], targets: ReadonlySet<string>): Set<string> {
  const out = new Set(targets);
  let grew = true;
  while (grew) {
    grew = false;
    for (const graph of graphs) {
      for (const [id, node] of Object.entries(graph.nodes)) {
        if (out.has(id)) continue;
        if (nodeEdges(node).some(([, target]) => out.has(target))) {
          out.add(id);
          grew = true;
        }
      }
    }
  }
  return out;
}
