import type { FunctionExp } from 'soql-parser-js';
import type { CrmSchema, SObjectType } from '../schema.ts';
import type { SRecord } from '../recordSource.ts';
import type { ValueKind } from './fieldValue.ts';
import { compileScalar, type EvalEnv, type ScalarExpr } from './scalarExpr.ts';
import { malformed } from './soqlError.ts';

/** The SOQL aggregate functions. */
export const AGGREGATE_FUNCTIONS = ['COUNT', 'COUNT_DISTINCT', 'MIN', 'MAX', 'SUM', 'AVG'] as const;
export type AggregateName = (typeof AGGREGATE_FUNCTIONS)[number];

/** True when `name` (any casing) is an aggregate function (GROUPING is handled with the groups). */
export function isAggregateFunction(name: string): name is AggregateName {
  return (AGGREGATE_FUNCTIONS as readonly string[]).includes(name.toUpperCase());
}

/** One aggregate value: comparable (for HAVING and ORDER BY) and as the REST API returns it. */
export interface AggregateValue {
  readonly value: string | number | boolean | null;
  readonly output: unknown;
}

/** An aggregate function of a field, compiled: computes its value over one group's records. */
export interface AggregateFn {
  readonly name: AggregateName;
  /** Canonical text, `COUNT(Id)`, to match the same aggregate in SELECT, HAVING and ORDER BY. */
  readonly text: string;
  readonly kind: ValueKind;
  readonly compute: (records: readonly SRecord[], env: EvalEnv) => AggregateValue;
}

const NUMERIC: ReadonlySet<ValueKind> = new Set(['number']);
const ORDERED: ReadonlySet<ValueKind> = new Set(['number', 'text', 'id', 'date', 'datetime']);

function extreme(expr: ScalarExpr, max: boolean): AggregateFn['compute'] {
  const picklist = expr.fn === undefined && expr.field.spec.type === 'picklist' ? new Map((expr.field.spec.values ?? []).map((v, i) => [v, i])) : undefined;
  const rank = (v: string | number | boolean): string | number => (typeof v === 'string' ? (picklist?.get(v) ?? (expr.kind === 'text' ? v.toLowerCase() : v)) : Number(v));
  return (records, env) => {
    let best: SRecord | undefined;
    let bestRank: string | number | undefined;
    for (const r of records) {
      const v = expr.get(r, env);
      if (v === null) continue;
      const k = rank(v);
      if (bestRank === undefined || (typeof k === typeof bestRank && (max ? k > bestRank : k < bestRank)) || (typeof k === 'number' && typeof bestRank === 'string')) {
        best = r;
        bestRank = k;
      }
    }
    return best === undefined ? { value: null, output: null } : { value: expr.get(best, env), output: expr.output(best, env) };
  };
}

/**
 * Compiles `COUNT(field)`, `COUNT_DISTINCT(field)`, `MIN`, `MAX`, `SUM` or `AVG` of a field (or date function) of
 * `type`. COUNT and COUNT_DISTINCT count non-null values (COUNT_DISTINCT text case-insensitively, as SOQL compares
 * text); SUM and AVG take number fields and are null over no values; MIN and MAX take numbers, text, ids, dates and
 * dateTimes (not checkboxes), picklists by their value order, and return the value as the field returns it.
 * Throws MALFORMED_QUERY for a field the function does not take.
 * Source: "Aggregate Functions", SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm).
 */
export function compileAggregate(fn: FunctionExp, type: SObjectType, alias: string | undefined, soql: string, schema?: CrmSchema): AggregateFn {
  const name = (fn.functionName ?? '').toUpperCase() as AggregateName;
  const [param] = fn.parameters ?? [];
  if (param === undefined) throw malformed(`${name}() needs a field: use ${name}(Id) or COUNT() alone without GROUP BY`);
  const expr = compileScalar(type, param as string | FunctionExp, alias, soql, schema);
  const text = `${name}(${expr.path})`;
  const refuse = () => malformed(`field ${expr.path} does not support aggregate operator ${name}`);
  switch (name) {
    case 'COUNT':
      return { name, text, kind: 'number', compute: (records, env) => count(records.filter((r) => expr.get(r, env) !== null).length) };
    case 'COUNT_DISTINCT':
      return {
        name,
        text,
        kind: 'number',
        compute: (records, env) => {
          const seen = new Set<string | number | boolean>();
          for (const r of records) {
            const v = expr.get(r, env);
            if (v !== null) seen.add(typeof v === 'string' && expr.kind === 'text' ? v.toLowerCase() : v);
          }
          return count(seen.size);
        },
      };
    case 'SUM':
    case 'AVG': {
      if (!NUMERIC.has(expr.kind)) throw refuse();
      return {
        name,
        text,
        kind: 'number',
        compute: (records, env) => {
          let sum = 0;
          let n = 0;
          for (const r of records) {
            const v = expr.get(r, env);
            if (typeof v !== 'number') continue;
            sum += v;
            n++;
          }
          const value = n === 0 ? null : name === 'SUM' ? sum : sum / n;
          return { value, output: value };
        },
      };
    }
    case 'MIN':
    case 'MAX':
      if (!ORDERED.has(expr.kind)) throw refuse();
      return { name, text, kind: expr.kind, compute: extreme(expr, name === 'MAX') };
  }
}

function count(n: number): AggregateValue {
  return { value: n, output: n };
}
