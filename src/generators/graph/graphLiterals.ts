import { settingsList } from '../../routing/evaluateTest.ts';
import type { Graph } from '../../routing/graphSchema.ts';
import { leafTests } from '../../routing/leafTests.ts';

/**
 * Every value the leaf tests of the graphs compare a field with, by field reference (`person.Status` → `["MQL",
 * "Accepted", …]`), settings lists resolved, in the order the graphs name them. Works from the test's shape, not
 * its operator: any `value` (one or a list) and any `values` (a list or a `$settings.<name>` reference) count, so
 * operators added later bring their literals along.
 */
export function graphLiterals(graphs: readonly Graph[]): Map<string, unknown[]> {
  const literals = new Map<string, unknown[]>();
  const add = (field: string, value: unknown) => {
    const list = literals.get(field) ?? [];
    if (!list.includes(value)) list.push(value);
    literals.set(field, list);
  };
  for (const graph of graphs) {
    for (const node of Object.values(graph.nodes)) {
      if (node.kind !== 'condition') continue;
      for (const { test } of leafTests(node.test)) {
        if (!literals.has(test.field)) literals.set(test.field, []);
        const shape = test as { value?: unknown; values?: unknown };
        for (const value of [shape.value, shape.values].flatMap((v) => (v === undefined ? [] : typeof v === 'string' && v.startsWith('$settings.') ? settingsList(graph.settings, v) : Array.isArray(v) ? v : [v]))) add(test.field, value);
      }
    }
  }
  return literals;
}
