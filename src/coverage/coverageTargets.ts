import type { Graph } from '../routing/graphSchema.ts';
import { isCompound, leafTests } from '../routing/leafTests.ts';
import { renderTest } from '../routing/renderGraphText.ts';

/**
 * What routing coverage counts on a graph: every node; both outcomes (yes, no) of every condition; both values of
 * every leaf test inside a compound condition (`and`, `or`, `not`), as far as short-circuit evaluation reaches it;
 * and every assign node's fallback edge.
 */
export type CoverageTarget =
  | { readonly kind: 'node'; readonly key: string; readonly node: string }
  | { readonly kind: 'outcome'; readonly key: string; readonly node: string; readonly outcome: 'yes' | 'no' }
  | { readonly kind: 'test'; readonly key: string; readonly node: string; readonly at: string; readonly test: string; readonly value: boolean }
  | { readonly kind: 'fallback'; readonly key: string; readonly node: string; readonly target: string };

/** The key of a coverage target: `node`, `node:yes`, `node[1.0]:false`, `node:fallback`. */
export const coverageKey = {
  node: (node: string) => node,
  outcome: (node: string, yes: boolean) => `${node}:${yes ? 'yes' : 'no'}`,
  test: (node: string, at: string, value: boolean) => `${node}[${at}]:${value}`,
  fallback: (node: string) => `${node}:fallback`,
} as const;

/** Every coverage target of `graph`, node by node in the file's order. */
export function coverageTargets(graph: Graph): CoverageTarget[] {
  const targets: CoverageTarget[] = [];
  for (const [node, def] of Object.entries(graph.nodes)) {
    targets.push({ kind: 'node', key: coverageKey.node(node), node });
    if (def.kind === 'condition') {
      for (const yes of [true, false]) targets.push({ kind: 'outcome', key: coverageKey.outcome(node, yes), node, outcome: yes ? 'yes' : 'no' });
      if (isCompound(def.test)) {
        for (const { at, test } of leafTests(def.test)) {
          for (const value of [true, false]) targets.push({ kind: 'test', key: coverageKey.test(node, at, value), node, at, test: renderTest(test), value });
        }
      }
    }
    if (def.kind === 'assign' && def.fallback !== undefined) targets.push({ kind: 'fallback', key: coverageKey.fallback(node), node, target: def.fallback });
  }
  return targets;
}
