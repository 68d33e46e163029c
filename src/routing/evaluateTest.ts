import { describeValue } from '../core/errors.ts';
import { resolveFieldRef } from './fieldRef.ts';
import type { GraphSettings, Test } from './graphSchema.ts';
import type { RoutingContext } from './routingContext.ts';

/** What one leaf test (a test without inner tests) of a condition decided: where it sits, the field it read, its value. */
export interface LeafDecision {
  /** Its position in the condition's test: `""` for the root, `"1.0"` for the first inner test of the second (a `not`'s inner test is `0`). */
  readonly at: string;
  readonly field: string;
  readonly value: boolean;
}

/** The outcome of a test: its value and the field values it read, or why the context cannot answer it. */
export type TestOutcome =
  | { readonly ok: true; readonly value: boolean; readonly observed: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const ABSENT = Symbol('absent record');

/**
 * Evaluates `test` against a context whose person already carries its derived facts. `and`/`or` short-circuit. A
 * missing record (no campaign, no account...) counts as empty for `empty`/`notEmpty`; any other test of it cannot
 * be answered and yields a reason. A checkbox field without a value reads as false, as in Salesforce.
 * `leaves`, when given, receives each leaf test's decision in evaluation order (routing coverage reads them).
 */
export function evaluateTest(test: Test, context: RoutingContext, settings: GraphSettings, observed: string[] = [], leaves?: LeafDecision[], at = ''): TestOutcome {
  const inner = (i: number) => (at === '' ? String(i) : `${at}.${i}`);
  switch (test.op) {
    case 'and':
    case 'or': {
      for (const [i, sub] of test.tests.entries()) {
        const outcome = evaluateTest(sub, context, settings, observed, leaves, inner(i));
        if (!outcome.ok) return outcome;
        if (outcome.value === (test.op === 'or')) return { ok: true, value: outcome.value, observed };
      }
      return { ok: true, value: test.op === 'and', observed };
    }
    case 'not': {
      const outcome = evaluateTest(test.test, context, settings, observed, leaves, inner(0));
      return outcome.ok ? { ok: true, value: !outcome.value, observed } : outcome;
    }
    default: {
      const outcome = evaluateLeaf(test, context, settings, observed);
      if (outcome.ok) leaves?.push({ at, field: test.field, value: outcome.value });
      return outcome;
    }
  }
}

function evaluateLeaf(test: Exclude<Test, { op: 'and' | 'or' | 'not' }>, context: RoutingContext, settings: GraphSettings, observed: string[]): TestOutcome {
  const value = readField(context, test.field);
  if (value === ABSENT) {
    if (test.op === 'empty' || test.op === 'notEmpty') {
      observed.push(`${test.field}: no ${recordOf(test.field)}`);
      return { ok: true, value: test.op === 'empty', observed };
    }
    return {
      ok: false,
      reason: `the test "${test.field}" needs the ${recordOf(test.field)}, and the routing context has none. Add the record to the context, or guard the test with "${recordOf(test.field)}.Id is not empty"`,
    };
  }
  observed.push(`${test.field} = ${describeValue(value)}`);
  switch (test.op) {
    case 'empty':
      return { ok: true, value: isEmpty(value), observed };
    case 'notEmpty':
      return { ok: true, value: !isEmpty(value), observed };
    case 'equals':
      return { ok: true, value: value === test.value, observed };
    case 'startsWith':
      return { ok: true, value: typeof value === 'string' && value.startsWith(test.value), observed };
    case 'in': {
      const values = typeof test.values === 'string' ? settingsList(settings, test.values) : test.values;
      return { ok: true, value: values.some((candidate) => candidate === value), observed };
    }
  }
}

/** The values of a `$settings.<name>` list (empty when the graph has no such list; lint rejects that). */
export function settingsList(settings: GraphSettings, ref: string): readonly unknown[] {
  const list = (settings as Record<string, unknown>)[ref.slice('$settings.'.length)];
  return Array.isArray(list) ? list : [];
}

function recordOf(field: string): string {
  return field.split('.')[0] as string;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function readField(context: RoutingContext, ref: string): unknown {
  const resolved = resolveFieldRef(ref);
  if (!resolved.ok) return undefined;
  if (resolved.object === 'trigger') return context.trigger;
  const record = context[resolved.object] as Record<string, unknown> | undefined;
  if (record === undefined) return ABSENT;
  const value = record[resolved.field];
  if (resolved.spec.type === 'boolean' && (value === undefined || value === null)) return false;
  return value ?? null;
}
