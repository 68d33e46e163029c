import type { ConditionWithValueQuery, FieldType, FunctionExp, GroupByClause, OrderByClause, Query } from 'soql-parser-js';
import type { CrmSchema, SObjectType } from '../schema.ts';
import type { SRecord } from '../recordSource.ts';
import { compileAggregate, isAggregateFunction, type AggregateFn, type AggregateValue } from './aggregateFunction.ts';
import { compileWhere, type ConditionSubject, type Predicate } from './compileWhere.ts';
import type { ValueKind } from './fieldValue.ts';
import { textSortKey, type RowKey } from './orderBy.ts';
import { compileScalar, type EvalEnv, type ScalarExpr } from './scalarExpr.ts';
import { malformed, notSupported } from './soqlError.ts';
import { havingTree } from './whereTree.ts';

/** One row of an aggregate query before it is shaped: its grouping values and its records. */
export interface Group {
  /** Comparable value of each GROUP BY expression (null where the row totals over it). */
  readonly keys: readonly (string | number | boolean | null)[];
  /** Per GROUP BY expression: true on a ROLLUP subtotal row that totals over it. */
  readonly rolledUp: readonly boolean[];
  readonly records: readonly SRecord[];
  /** The aggregates' values, by canonical text (`COUNT(Id)`), filled by `runAggregate`. */
  readonly values: Map<string, AggregateValue>;
}

/** One column of the AggregateResult records. */
export interface AggregateColumn {
  /** Its key in the record: the alias, the field name, or `expr0`, `expr1`, …. */
  readonly name: string;
  readonly read: (group: Group, env: EvalEnv) => unknown;
}

/** A compiled aggregate query (GROUP BY, aggregate functions, or both). */
export interface AggregatePlan {
  readonly kind: 'aggregate';
  readonly groupBy: readonly ScalarExpr[];
  readonly rollup: boolean;
  /** Every aggregate the query computes (SELECT, HAVING, ORDER BY), once each. */
  readonly aggregates: readonly AggregateFn[];
  readonly columns: readonly AggregateColumn[];
  readonly having: Predicate<Group> | undefined;
  readonly order: readonly RowKey<{ group: Group; env: EvalEnv }>[] | undefined;
}

/** Field types Salesforce does not group by (describe's `groupable: false`) unless a date function wraps them. */
const NOT_GROUPABLE = new Set(['datetime', 'double', 'textarea']);

type Item = { readonly kind: ValueKind; readonly get: (group: Group) => string | number | boolean | null; readonly output: (group: Group, env: EvalEnv) => unknown; readonly picklist?: ReadonlyMap<string, number> };

/** True for a SELECT item, HAVING or ORDER BY function that makes a query an aggregate query. */
export function isAggregateItem(fn: FunctionExp): boolean {
  const name = (fn.functionName ?? '').toUpperCase();
  return isAggregateFunction(name) || name === 'GROUPING';
}

/**
 * Compiles the aggregate part of a query: GROUP BY (or GROUP BY ROLLUP of up to three fields), the SELECT list of
 * grouped fields, date functions of grouped expressions, aggregate functions and GROUPING(field), HAVING and
 * ORDER BY. Unaliased aggregates and functions are named `expr0`, `expr1`, … in SELECT order; a grouped field is
 * named after its last segment (`Owner.Name` → `Name`).
 * Throws MALFORMED_QUERY as Salesforce does for a selected or ordered field that is neither grouped nor aggregated
 * ("Field must be grouped or aggregated: Name"), a field that cannot be grouped, COUNT() with GROUP BY.
 * Source: "GROUP BY", "GROUP BY ROLLUP", "HAVING", "Aggregate Functions" and "Using Aliases with GROUP BY" in the
 * SOQL and SOSL Reference (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_groupby.htm).
 */
export function compileAggregatePlan(query: Query, type: SObjectType, soql: string, schema?: CrmSchema): AggregatePlan {
  const alias = query.sObjectAlias;
  const clauses: GroupByClause[] = query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
  let rollup = false;
  const groupItems: (string | FunctionExp)[] = [];
  for (const c of clauses) {
    if ('field' in c) {
      groupItems.push(c.field);
      continue;
    }
    const name = (c.fn.functionName ?? '').toUpperCase();
    if (name === 'ROLLUP') {
      rollup = true;
      groupItems.push(...((c.fn.parameters ?? []) as string[]));
    } else if (name === 'CUBE') {
      throw notSupported(soql, 'GROUP BY CUBE', 'Use GROUP BY or GROUP BY ROLLUP');
    } else {
      groupItems.push(c.fn);
    }
  }
  if (rollup && groupItems.length > 3) throw malformed('GROUP BY ROLLUP can contain at most 3 fields');
  const groupBy = groupItems.map((item) => {
    const expr = compileScalar(type, item, alias, soql, schema);
    if (expr.fn === undefined && NOT_GROUPABLE.has(expr.field.spec.type)) throw malformed(`field '${expr.path}' can not be grouped in a query call`);
    return expr;
  });
  const groupIndex = (path: string) => groupBy.findIndex((g) => g.path.toLowerCase() === path.toLowerCase());

  const aggregates = new Map<string, AggregateFn>();
  const aggregate = (fn: FunctionExp): AggregateFn => {
    const compiled = compileAggregate(fn, type, alias, soql, schema);
    const known = aggregates.get(compiled.text);
    if (known) return known;
    aggregates.set(compiled.text, compiled);
    return compiled;
  };

  /** A grouped expression, a GROUPING() or an aggregate, as a column value; `what` names it in errors. */
  const item = (it: string | FunctionExp, what: string, error: (w: string) => Error): Item => {
    if (typeof it !== 'string') {
      const name = (it.functionName ?? '').toUpperCase();
      if (isAggregateFunction(name)) {
        const a = aggregate(it);
        const read = (g: Group) => g.values.get(a.text) ?? { value: null, output: null };
        return { kind: a.kind, get: (g) => read(g).value, output: (g) => read(g).output };
      }
      if (name === 'GROUPING') {
        const [param] = it.parameters ?? [];
        const i = typeof param === 'string' ? groupIndex(compileScalar(type, param, alias, soql, schema).path) : -1;
        if (i < 0 || !rollup) throw malformed(`GROUPING() takes a field of GROUP BY ROLLUP: ${it.rawValue ?? 'GROUPING()'}`);
        return { kind: 'number', get: (g) => (g.rolledUp[i] ? 1 : 0), output: (g) => (g.rolledUp[i] ? 1 : 0) };
      }
    }
    const expr = compileScalar(type, it, alias, soql, schema);
    const i = groupIndex(expr.path);
    if (i < 0) throw error(what);
    const picklist = expr.fn === undefined && expr.field.spec.type === 'picklist' ? new Map((expr.field.spec.values ?? []).map((v, n) => [v, n])) : undefined;
    return {
      kind: expr.kind,
      get: (g) => g.keys[i] ?? null,
      output: (g, env) => (g.rolledUp[i] || g.records[0] === undefined ? null : expr.output(g.records[0], env)),
      ...(picklist ? { picklist } : {}),
    };
  };

  let exprIndex = 0;
  const columns: AggregateColumn[] = (query.fields ?? []).map((f: FieldType) => {
    switch (f.type) {
      case 'Field':
      case 'FieldRelationship': {
        const path = f.type === 'Field' ? f.field : [...f.relationships, f.field].join('.');
        const it = item(path, path, (w) => malformed(`Field must be grouped or aggregated: ${w}`));
        const name = ('alias' in f ? f.alias : undefined) ?? compileScalar(type, path, alias, soql, schema).field.field;
        return { name, read: it.output };
      }
      case 'FieldFunctionExpression': {
        const it = item(f, f.rawValue ?? f.functionName, (w) => malformed(`Field must be grouped or aggregated: ${w}`));
        return { name: f.alias ?? `expr${exprIndex++}`, read: it.output };
      }
      default:
        throw notSupported(soql, f.type === 'FieldSubquery' ? 'A child relationship subquery in an aggregate query' : 'TYPEOF in an aggregate query', 'Select grouped fields and aggregates only');
    }
  });
  if (columns.length === 0) throw malformed('unexpected token: FROM');

  let having: Predicate<Group> | undefined;
  if (query.having) {
    const tree = havingTree(soql);
    const subject = (c: ConditionWithValueQuery): ConditionSubject<Group> => {
      const it = 'fn' in c ? item(c.fn, c.fn.rawValue ?? '', (w) => malformed(`Field must be grouped or aggregated: ${w}`)) : 'field' in c ? item(c.field, c.field, (w) => malformed(`Field must be grouped or aggregated: ${w}`)) : undefined;
      if (!it) throw malformed('unexpected token: NOT');
      return { kind: it.kind, path: 'fn' in c ? (c.fn.rawValue ?? '') : 'field' in c ? c.field : '', get: (g) => it.get(g) };
    };
    having = compileWhere<Group>(tree, { soql, type, alias, usesNow: false, subject });
  }

  let order: RowKey<{ group: Group; env: EvalEnv }>[] | undefined;
  if (query.orderBy) {
    const items: OrderByClause[] = Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
    order = items.map((o) => {
      const written = 'field' in o ? o.field : (o.fn.rawValue ?? '');
      const it = item('field' in o ? o.field : o.fn, written, (w) => malformed(`Ordered field must be grouped or aggregated: ${w}`));
      const descending = o.order === 'DESC';
      return {
        get: ({ group }) => {
          const v = it.get(group);
          return typeof v === 'string' ? textSortKey(v, it.picklist, it.kind) : v;
        },
        descending,
        nullsFirst: o.nulls ? o.nulls === 'FIRST' : !descending,
      };
    });
  }

  return { kind: 'aggregate', groupBy, rollup, aggregates: [...aggregates.values()], columns, having, order };
}
