import type { ConditionWithValueQuery, LiteralType } from 'soql-parser-js';
import type { CrmSchema, SObjectType } from '../schema.ts';
import type { SRecord } from '../recordSource.ts';
import { normalizeId } from '../ids.ts';
import { dateLiteralRange, type DateRangeFn } from './dateLiteral.ts';
import type { ValueKind } from './fieldValue.ts';
import { startOfDay } from './orgCalendar.ts';
import { compileScalar, type EvalEnv } from './scalarExpr.ts';
import { badFilterValue, malformed, notSupported } from './soqlError.ts';
import { likeToRegExp, plainString, toEpochMs, unquote } from './soqlLiteral.ts';
import type { WhereNode } from './whereTree.ts';

export type { EvalEnv } from './scalarExpr.ts';

/** A compiled WHERE (or HAVING) clause over rows of type R (records, or aggregate groups). */
export type Predicate<R = SRecord> = (row: R, env: EvalEnv) => boolean;

/** The left side of a condition, compiled: how its values compare and how to read them from a row. */
export interface ConditionSubject<R> {
  readonly kind: ValueKind;
  /** As named in error messages (`Email`, `COUNT(Id)`). */
  readonly path: string;
  readonly get: (row: R, env: EvalEnv) => string | number | boolean | null;
}

/** What the compiler needs to know about the query around the WHERE clause. */
export interface WhereContext<R = SRecord> {
  readonly soql: string;
  readonly type: SObjectType;
  readonly alias?: string | undefined;
  /** The org's schema (default: leadsim's own). */
  readonly schema?: CrmSchema;
  /** Set to true by the compiler when the clause uses a relative date literal (needs `now`). */
  usesNow: boolean;
  /** Compiles a condition's left side; default: a field or date function of the queried object. */
  readonly subject?: (condition: ConditionWithValueQuery) => ConditionSubject<R>;
}

type Bounds = (env: EvalEnv) => readonly [number, number];
type Operand = { readonly kind: 'null' } | { readonly kind: 'value'; readonly value: string | number | boolean } | { readonly kind: 'range'; readonly bounds: Bounds };
type Test = (v: string | number | boolean | null, env: EvalEnv) => boolean;

const DAY = 86_400_000;

/**
 * A date literal's bounds in epoch ms for a field of `kind`: local midnights of the org's time zone for a dateTime,
 * the dates themselves (UTC-midnight encoded) for a date. Remembers the last (now, zone) it was asked for.
 */
function boundsOf(range: DateRangeFn, kind: ValueKind): Bounds {
  let lastNow = NaN;
  let lastZone = '';
  let bounds: readonly [number, number] = [0, 0];
  return (env) => {
    if (env.now !== lastNow || env.timeZone !== lastZone) {
      const { startDay, endDay } = range(env.now, env.timeZone);
      bounds = kind === 'date' ? [startDay * DAY, endDay * DAY] : [startOfDay(startDay, env.timeZone), startOfDay(endDay, env.timeZone)];
      lastNow = env.now;
      lastZone = env.timeZone;
    }
    return bounds;
  };
}

const TYPE_NAMES: Readonly<Record<ValueKind, string>> = { text: 'string', id: 'id', boolean: 'boolean', number: 'double', datetime: 'dateTime', date: 'date' };

function parseOperand(raw: string, literal: LiteralType | undefined, field: { readonly path: string }, kind: ValueKind, ctx: WhereContext<unknown>, like: boolean): Operand {
  if (literal === 'NULL') return { kind: 'null' };
  const wrongType = () => badFilterValue(field.path, TYPE_NAMES[kind], kind === 'text' || kind === 'id');
  switch (kind) {
    case 'text':
    case 'id': {
      if (literal !== 'STRING') throw wrongType();
      const text = unquote(raw);
      // Salesforce stores no empty strings, so `Field = ''` means `Field = null`.
      if (text === '' && !like) return { kind: 'null' };
      if (like) return { kind: 'value', value: text };
      const plain = plainString(text);
      return { kind: 'value', value: kind === 'id' ? (normalizeId(plain) ?? plain) : plain };
    }
    case 'boolean':
      if (literal !== 'BOOLEAN') throw wrongType();
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
    case 'number':
      if (literal !== 'INTEGER' && literal !== 'DECIMAL') throw wrongType();
      return { kind: 'value', value: Number(raw) };
    case 'datetime':
    case 'date': {
      if (literal === 'DATE_LITERAL' || literal === 'DATE_N_LITERAL') {
        const range = dateLiteralRange(raw);
        if (!range) throw malformed(`Invalid date literal: ${raw}`);
        ctx.usesNow = true;
        return { kind: 'range', bounds: boundsOf(range, kind) };
      }
      if (literal !== (kind === 'date' ? 'DATE' : 'DATETIME')) throw wrongType();
      return { kind: 'value', value: toEpochMs(raw) };
    }
  }
}

function order(a: string | number | boolean, b: string | number | boolean, kind: ValueKind): number {
  if (kind === 'text' && typeof a === 'string' && typeof b === 'string') {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Equality of a comparable stored value with one operand; text is case-insensitive, as in Salesforce. */
function equalsTest(operand: Operand, kind: ValueKind): Test {
  if (operand.kind === 'null') return (v) => v === null;
  if (operand.kind === 'range') {
    const { bounds } = operand;
    return (v, env) => {
      if (typeof v !== 'number') return false;
      const [start, end] = bounds(env);
      return v >= start && v < end;
    };
  }
  const lit = operand.value;
  if (kind === 'text' && typeof lit === 'string') {
    const lower = lit.toLowerCase();
    // An ASCII literal can only equal a value of the same length (lower-casing never shortens a string).
    const sameLength = /^[\x00-\x7f]*$/.test(lit);
    return (v) => typeof v === 'string' && (!sameLength || v.length === lit.length) && (v === lit || v.toLowerCase() === lower);
  }
  return (v) => v === lit;
}

function compareTest(operator: string, operand: Operand, kind: ValueKind, field: { readonly path: string }): Test {
  if (kind === 'boolean') throw malformed(`invalid operator '${operator}' on boolean field '${field.path}'`);
  if (operand.kind === 'null') return () => false;
  if (operand.kind === 'range') {
    const { bounds } = operand;
    switch (operator) {
      case '<':
        return (v, env) => typeof v === 'number' && v < bounds(env)[0];
      case '<=':
        return (v, env) => typeof v === 'number' && v < bounds(env)[1];
      case '>':
        return (v, env) => typeof v === 'number' && v >= bounds(env)[1];
      default:
        return (v, env) => typeof v === 'number' && v >= bounds(env)[0];
    }
  }
  const lit = operand.value;
  const sign = operator === '<' ? (c: number) => c < 0 : operator === '<=' ? (c: number) => c <= 0 : operator === '>' ? (c: number) => c > 0 : (c: number) => c >= 0;
  return (v) => v !== null && sign(order(v, lit, kind));
}

/** The default left side: a field or a date function of a field of the queried object. */
function recordSubject(condition: ConditionWithValueQuery, ctx: WhereContext<unknown>): ConditionSubject<SRecord> {
  if ('fn' in condition) return compileScalar(ctx.type, condition.fn, ctx.alias, ctx.soql, ctx.schema);
  if ('field' in condition) return compileScalar(ctx.type, condition.field, ctx.alias, ctx.soql, ctx.schema);
  throw malformed('unexpected token: NOT');
}

function compileCondition<R>(condition: ConditionWithValueQuery, ctx: WhereContext<R>): Predicate<R> {
  if ('valueQuery' in condition) throw notSupported(ctx.soql, 'A semi-join subquery in WHERE', 'Run the inner query first and pass its ids as an IN list');
  const field = ctx.subject ? ctx.subject(condition) : (recordSubject(condition, ctx as WhereContext<unknown>) as unknown as ConditionSubject<R>);
  const { kind, get } = field;
  if (!('operator' in condition)) throw malformed('unexpected token: NOT');
  // The parser emits '<>' although its Operator type omits it.
  const operator: string = condition.operator;
  const rawValues = Array.isArray(condition.value) ? condition.value : [condition.value];
  const literals = rawValues.map((_, i) => (Array.isArray(condition.literalType) ? condition.literalType[i] : condition.literalType));
  const operand = (i: number, like = false) => parseOperand(rawValues[i] ?? '', literals[i], field, kind, ctx as WhereContext<unknown>, like);

  let test: Test;
  let negate = false;
  switch (operator) {
    case '=':
    case '!=':
    case '<>':
      test = equalsTest(operand(0), kind);
      negate = operator !== '=';
      break;
    case 'IN':
    case 'NOT IN': {
      const operands = rawValues.map((_, i) => operand(i));
      const tests = operands.map((o) => equalsTest(o, kind));
      const textSet =
        kind === 'text' && operands.every((o) => o.kind === 'value') ? new Set(operands.map((o) => String((o as { value: string }).value).toLowerCase())) : undefined;
      test = textSet ? (v) => typeof v === 'string' && textSet.has(v.toLowerCase()) : (v, env) => tests.some((t) => t(v, env));
      negate = operator === 'NOT IN';
      break;
    }
    case 'LIKE': {
      if (kind !== 'text' && kind !== 'id') throw malformed(`invalid operator 'LIKE' on ${TYPE_NAMES[kind]} field '${field.path}'`);
      const pattern = operand(0, true);
      if (pattern.kind !== 'value') {
        test = () => false;
        break;
      }
      const regex = likeToRegExp(String(pattern.value));
      test = (v) => typeof v === 'string' && regex.test(v);
      break;
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      test = compareTest(operator, operand(0), kind, field);
      break;
    default:
      throw notSupported(ctx.soql, `The ${operator} operator`, 'Use =, !=, <, <=, >, >=, IN, NOT IN or LIKE');
  }
  return negate ? (r, env) => !test(get(r, env), env) : (r, env) => test(get(r, env), env);
}

/** Compiles a WHERE (or HAVING) tree into one predicate closure; resolves every field once. Throws SoqlFailure. */
export function compileWhere<R = SRecord>(node: WhereNode, ctx: WhereContext<R>): Predicate<R> {
  switch (node.kind) {
    case 'condition':
      return compileCondition(node.condition, ctx);
    case 'not': {
      const child = compileWhere(node.child, ctx);
      return (r, env) => !child(r, env);
    }
    case 'and': {
      const children = node.children.map((c) => compileWhere(c, ctx));
      return (r, env) => {
        for (const c of children) if (!c(r, env)) return false;
        return true;
      };
    }
    case 'or': {
      const children = node.children.map((c) => compileWhere(c, ctx));
      return (r, env) => {
        for (const c of children) if (c(r, env)) return true;
        return false;
      };
    }
  }
}
