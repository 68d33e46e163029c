import { describeValue } from '../core/errors.ts';
import { resolveFieldRef, ROUTING_OBJECTS, type RoutingObject } from './fieldRef.ts';
import type { GraphSettings, LeafTest, Test } from './graphSchema.ts';
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
  return { ok: true, value: compareLeaf(test, value, settings), observed };
}

/** A leaf test's answer for a field value (null for a blank field). */
function compareLeaf(test: LeafTest, value: unknown, settings: GraphSettings): boolean {
  const fold = (v: unknown): unknown => ('ignoreCase' in test && test.ignoreCase === true && typeof v === 'string' ? v.toLowerCase() : v);
  const text = typeof value === 'string' ? (fold(value) as string) : undefined;
  switch (test.op) {
    case 'empty':
      return isEmpty(value);
    case 'notEmpty':
      return !isEmpty(value);
    case 'equals':
      return fold(value) === fold(test.value);
    case 'startsWith':
      return text !== undefined && (Array.isArray(test.value) ? test.value : [test.value]).some((prefix) => text.startsWith(fold(prefix) as string));
    case 'in':
    case 'notIn': {
      const values = typeof test.values === 'string' ? settingsList(settings, test.values) : test.values;
      const found = values.some((candidate) => fold(candidate) === fold(value));
      return test.op === 'in' ? found : !found;
    }
    case 'contains':
    case 'notContains': {
      const found = text !== undefined && test.values.some((part) => text.includes(fold(part) as string));
      return test.op === 'contains' ? found : !found;
    }
    case 'includes':
    case 'excludes': {
      const selected = new Set(typeof value === 'string' ? value.split(';').map((s) => s.trim()) : []);
      const found = test.values.some((set) => set.split(';').every((part) => selected.has(part.trim())));
      return test.op === 'includes' ? found : !found;
    }
    case 'lessThan':
    case 'greaterThan':
    case 'lessOrEqual':
    case 'greaterOrEqual': {
      const order = compareValues(value, test.value);
      if (order === undefined) return false;
      return test.op === 'lessThan' ? order < 0 : test.op === 'greaterThan' ? order > 0 : test.op === 'lessOrEqual' ? order <= 0 : order >= 0;
    }
  }
}

/** Orders a field value against a test value: numbers as numbers, anything else as text; undefined when blank. */
function compareValues(value: unknown, against: string | number): number | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'number' && typeof against === 'number') return value - against;
  const [a, b] = [String(value).toLowerCase(), String(against).toLowerCase()];
  return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * A field's value in the context. A field leadsim's schema lacks (one a graph's `orgSchema` declares; lint has
 * checked it) is read as the record holds it; `<Relationship>.Name` reads the name of the record the lookup holds
 * (`Owner` → `OwnerId`, `Partner__r` → `Partner__c`) among the context's users, queues and `names`.
 */
function readField(context: RoutingContext, ref: string): unknown {
  const resolved = resolveFieldRef(ref);
  const dot = ref.indexOf('.');
  const object = resolved.ok ? resolved.object : ref.slice(0, dot);
  if (object === 'trigger') return context.trigger;
  if (!resolved.ok && (dot < 0 || !Object.hasOwn(ROUTING_OBJECTS, object))) return undefined;
  const record = context[object as RoutingObject] as Record<string, unknown> | undefined;
  if (record === undefined) return ABSENT;
  const field = resolved.ok ? resolved.field : ref.slice(dot + 1);
  const hop = field.indexOf('.');
  if (hop > 0) return referencedName(context, record[resolved.ok && resolved.idField ? resolved.idField : conventionalIdField(field.slice(0, hop))]);
  const value = record[field];
  if (resolved.ok && resolved.spec.type === 'boolean' && (value === undefined || value === null)) return false;
  return value ?? null;
}

/** The reference field behind a relationship name, by Salesforce's convention: `Partner__r` → `Partner__c`, `Manager` → `ManagerId`. */
function conventionalIdField(relationship: string): string {
  return relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
}

/** The name of the user, queue or other record `id` names (null when blank or unknown). */
function referencedName(context: RoutingContext, id: unknown): string | null {
  if (typeof id !== 'string' || id === '') return null;
  const same = (other: string) => other === id || (id.length === 15 && other.startsWith(id));
  return context.users.find((u) => same(u.Id))?.Name ?? context.queues.find((q) => same(q.Id))?.Name ?? context.names?.[id] ?? null;
}
