import type { ConditionWithValueQuery, LiteralType } from 'soql-parser-js';
import type { SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import { normalizeId } from '../ids.ts';
import { dateLiteralRange, type DateRangeFn } from './dateLiteral.ts';
import { comparable, kindOf, type ValueKind } from './fieldValue.ts';
import { readField, resolveField, type ResolvedField } from './resolveField.ts';
import { badFilterValue, malformed, notSupported } from './soqlError.ts';
import { likeToRegExp, plainString, toEpochMs, unquote } from './soqlLiteral.ts';
import type { WhereNode } from './whereTree.ts';

/** What a predicate needs at evaluation time: the records (to follow relationships) and the simulated now. */
export interface EvalEnv {
  readonly source: RecordSource;
  /** Simulated time in epoch ms, for TODAY and friends. */
  readonly now: number;
}

/** A compiled WHERE clause. */
export type Predicate = (record: SRecord, env: EvalEnv) => boolean;

/** What the compiler needs to know about the query around the WHERE clause. */
export interface WhereContext {
  readonly soql: string;
  readonly type: SObjectType;
  readonly alias?: string | undefined;
  /** Set to true by the compiler when the clause uses a relative date literal (needs `now`). */
  usesNow: boolean;
}

type Operand = { readonly kind: 'null' } | { readonly kind: 'value'; readonly value: string | number | boolean } | { readonly kind: 'range'; readonly range: DateRangeFn };
type Getter = (record: SRecord, env: EvalEnv) => unknown;

const TYPE_NAMES: Readonly<Record<ValueKind, string>> = { text: 'string', id: 'id', boolean: 'boolean', number: 'double', datetime: 'dateTime', date: 'date' };

function parseOperand(raw: string, literal: LiteralType | undefined, field: ResolvedField, kind: ValueKind, ctx: WhereContext, like: boolean): Operand {
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
        if (!range) throw notSupported(ctx.soql, `the date literal ${raw}`, 'Use TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n or an explicit date');
        ctx.usesNow = true;
        return { kind: 'range', range };
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
function equalsTest(operand: Operand, kind: ValueKind): (v: string | number | boolean | null, now: number) => boolean {
  if (operand.kind === 'null') return (v) => v === null;
  if (operand.kind === 'range') {
    const { start, end } = operand.range;
    return (v, now) => typeof v === 'number' && v >= start(now) && v < end(now);
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

function compareTest(operator: string, operand: Operand, kind: ValueKind, field: ResolvedField): (v: string | number | boolean | null, now: number) => boolean {
  if (kind === 'boolean') throw malformed(`invalid operator '${operator}' on boolean field '${field.path}'`);
  if (operand.kind === 'null') return () => false;
  if (operand.kind === 'range') {
    const { start, end } = operand.range;
    switch (operator) {
      case '<':
        return (v, now) => typeof v === 'number' && v < start(now);
      case '<=':
        return (v, now) => typeof v === 'number' && v < end(now);
      case '>':
        return (v, now) => typeof v === 'number' && v >= end(now);
      default:
        return (v, now) => typeof v === 'number' && v >= start(now);
    }
  }
  const lit = operand.value;
  const sign = operator === '<' ? (c: number) => c < 0 : operator === '<=' ? (c: number) => c <= 0 : operator === '>' ? (c: number) => c > 0 : (c: number) => c >= 0;
  return (v) => v !== null && sign(order(v, lit, kind));
}

function compileCondition(condition: ConditionWithValueQuery, ctx: WhereContext): Predicate {
  if ('valueQuery' in condition) throw notSupported(ctx.soql, 'A semi-join subquery in WHERE', 'Run the inner query first and pass its ids as an IN list');
  if ('fn' in condition) throw notSupported(ctx.soql, 'A function in WHERE', 'Filter on the field itself');
  if (!('field' in condition)) throw malformed('unexpected token: NOT');
  const field = resolveField(ctx.type, condition.field, ctx.alias);
  const kind = kindOf(field.spec);
  const name = field.field;
  const get: Getter = field.hops.length === 0 ? (r) => r[name] : (r, env) => readField(r, field, env.source);
  // The parser emits '<>' although its Operator type omits it.
  const operator: string = condition.operator;
  const rawValues = Array.isArray(condition.value) ? condition.value : [condition.value];
  const literals = rawValues.map((_, i) => (Array.isArray(condition.literalType) ? condition.literalType[i] : condition.literalType));
  const operand = (i: number, like = false) => parseOperand(rawValues[i] ?? '', literals[i], field, kind, ctx, like);

  let test: (v: string | number | boolean | null, now: number) => boolean;
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
      test = textSet ? (v) => typeof v === 'string' && textSet.has(v.toLowerCase()) : (v, now) => tests.some((t) => t(v, now));
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
  return negate ? (r, env) => !test(comparable(kind, get(r, env)), env.now) : (r, env) => test(comparable(kind, get(r, env)), env.now);
}

/** Compiles a WHERE tree into one predicate closure; resolves every field once. Throws SoqlFailure. */
export function compileWhere(node: WhereNode, ctx: WhereContext): Predicate {
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
