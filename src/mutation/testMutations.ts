import { settingsList } from '../routing/evaluateTest.ts';
import type { GraphSettings, LeafTest, Test } from '../routing/graphSchema.ts';
import { isCompound } from '../routing/leafTests.ts';
import { renderTest } from '../routing/renderGraphText.ts';
import type { MutationOperator } from './mutant.ts';
import { allTests, replaceTest } from './testPositions.ts';

/** One edit of a condition's test. */
export interface TestEdit {
  readonly operator: MutationOperator;
  /** Where in the test (`""` the root, `"1.0"`…). */
  readonly at: string;
  readonly test: Test;
  /** `before → after`, of the edited part. */
  readonly change: string;
  /** What tells this edit from others at the same place: the new operator, the dropped value. */
  readonly detail: string;
}

/**
 * The careless edits of one condition's test: negate an inner test (or drop its `not`), drop a test from an
 * `and`/`or` (loosening or tightening the condition), turn an `and` into an `or` and back, change an operator
 * (equals ↔ startsWith, in → equals, contains → startsWith, strict ↔ inclusive comparisons, case-insensitive →
 * exact), drop one value of an inline list. Works from the test's shape, so later operators get the generic edits.
 */
export function testEdits(root: Test, settings: GraphSettings): TestEdit[] {
  const edits: TestEdit[] = [];
  const edit = (operator: MutationOperator, at: string, before: Test, after: Test | undefined, detail = '') =>
    edits.push({ operator, at, test: replaceTest(root, at, after), change: `${renderTest(before)} → ${after === undefined ? '(dropped)' : renderTest(after)}`, detail });
  const positions = allTests(root);
  const parentOf = (at: string) => positions.find((p) => p.at === (at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : at === '' ? '∅' : ''))?.test;
  for (const { at, test } of positions) {
    const parent = parentOf(at);
    if (at !== '' && parent?.op !== 'not') edit('negate-test', at, test, test.op === 'not' ? test.test : { op: 'not', test });
    if (at !== '' && (parent?.op === 'and' || parent?.op === 'or') && parent.tests.length > 1) edit('drop-test', at, test, undefined);
    if ((test.op === 'and' || test.op === 'or') && test.tests.length > 1) edit('swap-and-or', at, test, { op: test.op === 'and' ? 'or' : 'and', tests: test.tests });
    if (isCompound(test)) continue;
    for (const changed of operatorChanges(test, settings)) edit('change-operator', at, test, changed, changed.op === test.op ? 'exact case' : changed.op);
    for (const { dropped, test: changed } of dropValue(test)) edit('drop-value', at, test, changed, String(dropped));
  }
  return edits;
}

const COMPARISON_SWAPS: Readonly<Record<string, string>> = { lessThan: 'lessOrEqual', lessOrEqual: 'lessThan', greaterThan: 'greaterOrEqual', greaterOrEqual: 'greaterThan' };

/** A leaf with a looser or stricter operator. */
function operatorChanges(test: LeafTest, settings: GraphSettings): LeafTest[] {
  const out: LeafTest[] = [];
  const { field } = test;
  // The case-insensitivity stays: only the operator changes.
  const caseless = 'ignoreCase' in test && test.ignoreCase === true ? { ignoreCase: true } : {};
  switch (test.op) {
    case 'equals':
      if (typeof test.value === 'string') out.push({ op: 'startsWith', field, value: test.value, ...caseless });
      break;
    case 'startsWith':
      out.push({ op: 'equals', field, value: Array.isArray(test.value) ? (test.value[0] as string) : test.value, ...caseless });
      break;
    case 'in': {
      const first = (typeof test.values === 'string' ? settingsList(settings, test.values) : test.values)[0];
      if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') out.push({ op: 'equals', field, value: first, ...caseless });
      break;
    }
    case 'contains':
      out.push({ op: 'startsWith', field, value: test.values.length === 1 ? (test.values[0] as string) : test.values, ...caseless });
      break;
    default:
      if (Object.hasOwn(COMPARISON_SWAPS, test.op)) out.push({ ...test, op: COMPARISON_SWAPS[test.op] } as LeafTest);
  }
  if ('ignoreCase' in test && test.ignoreCase === true) {
    const { ignoreCase: _i, ...exact } = test;
    out.push(exact as LeafTest);
  }
  return out;
}

/** The leaf with one value fewer in its inline list (each value in turn), when the list has two or more. */
function dropValue(test: LeafTest): { dropped: unknown; test: LeafTest }[] {
  const shape = test as LeafTest & { values?: unknown; value?: unknown };
  const key = Array.isArray(shape.values) ? 'values' : Array.isArray(shape.value) ? 'value' : undefined;
  if (key === undefined) return [];
  const list = shape[key] as unknown[];
  if (list.length < 2) return [];
  return list.map((dropped, i) => ({ dropped, test: { ...test, [key]: list.filter((_, j) => j !== i) } as LeafTest }));
}
