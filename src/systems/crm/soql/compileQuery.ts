import type { FieldType, Query } from 'soql-parser-js';
import type { SObjectType } from '../schema.ts';
import { compileWhere, type Predicate } from './compileWhere.ts';
import { indexHints, type IndexHint } from './indexedRecordSource.ts';
import { compileOrderBy, type RecordSorter } from './orderBy.ts';
import { parseSoql } from './parseSoql.ts';
import { resolveField, resolveObject, type ResolvedField } from './resolveField.ts';
import { buildShape, type ShapeNode } from './shapeRecord.ts';
import { malformed, notSupported } from './soqlError.ts';
import { whereTree } from './whereTree.ts';

/** What a query returns: records, `COUNT()` (a bare count), or `COUNT(field)` (one aggregate row). */
export type SelectPlan =
  | { readonly kind: 'records'; readonly shape: readonly ShapeNode[] }
  | { readonly kind: 'count' }
  | { readonly kind: 'countField'; readonly alias: string; readonly field: ResolvedField };

/** A parsed, validated and compiled query, ready to run against any RecordSource (and cached by its text). */
export interface CompiledQuery {
  readonly type: SObjectType;
  readonly select: SelectPlan;
  readonly where: Predicate | undefined;
  /** The WHERE uses TODAY-style literals and needs the simulated now. */
  readonly usesNow: boolean;
  readonly sort: RecordSorter | undefined;
  readonly limit: number | undefined;
  readonly offset: number;
  /** Field/value pins an IndexedRecordSource may serve without a scan, in clause order. */
  readonly hints: readonly IndexHint[];
}

function compileSelect(fields: readonly FieldType[], type: SObjectType, soql: string): SelectPlan {
  const counts = fields.filter((f) => f.type === 'FieldFunctionExpression' && f.functionName.toUpperCase() === 'COUNT');
  if (counts.length > 0) {
    if (fields.length > 1) throw malformed(`Failed to run query "${soql}": COUNT() must be the only item in the SELECT list in the leadsim Salesforce simulator. Select COUNT() alone or drop it.`);
    const count = counts[0] as Extract<FieldType, { type: 'FieldFunctionExpression' }>;
    const param = count.parameters[0];
    if (param === undefined) return { kind: 'count' };
    if (typeof param !== 'string') throw notSupported(soql, 'A function inside COUNT()', 'Count a field');
    return { kind: 'countField', alias: count.alias ?? 'expr0', field: resolveField(type, param) };
  }
  const resolved: ResolvedField[] = [];
  const seen = new Set<string>();
  for (const f of fields) {
    let path: string;
    switch (f.type) {
      case 'Field':
        path = f.field;
        break;
      case 'FieldRelationship':
        path = [...f.relationships, f.field].join('.');
        break;
      case 'FieldFunctionExpression':
        throw notSupported(soql, `The function ${f.functionName}()`, 'Select plain fields, or COUNT() alone');
      case 'FieldSubquery':
        throw notSupported(soql, 'A child relationship subquery', 'Query the child object separately');
      case 'FieldTypeof':
        throw notSupported(soql, 'TYPEOF', 'Select the relationship fields directly (Owner.Name)');
    }
    const field = resolveField(type, path);
    const key = field.path.toLowerCase();
    if (seen.has(key)) throw malformed(`duplicate field selected: ${field.path}`);
    seen.add(key);
    resolved.push(field);
  }
  return { kind: 'records', shape: buildShape(resolved) };
}

/**
 * Parses and compiles a SOQL query: resolves the object and every field against CRM_SCHEMA (case-insensitively),
 * rebuilds and compiles the WHERE into a predicate, compiles ORDER BY. Throws a `SoqlFailure` (MALFORMED_QUERY,
 * INVALID_FIELD, INVALID_TYPE) for bad or unsupported queries.
 */
export function compileQuery(soql: string): CompiledQuery {
  const query: Query = parseSoql(soql);
  if (query.groupBy) throw notSupported(soql, 'GROUP BY', 'Query the records and group them in code');
  if (query.having) throw notSupported(soql, 'HAVING', 'Query the records and filter the groups in code');
  if (query.withDataCategory) throw notSupported(soql, 'WITH DATA CATEGORY', 'Remove the clause');
  if (query.usingScope) throw notSupported(soql, 'USING SCOPE', 'Remove the clause');
  const type = resolveObject(query.sObject ?? '');
  const alias = query.sObjectAlias;
  const select = compileSelect(query.fields ?? [], type, soql);
  const ctx = { soql, type, alias, usesNow: false };
  const tree = query.where ? whereTree(query.where, soql) : undefined;
  const where = tree ? compileWhere(tree, ctx) : undefined;
  const sort = query.orderBy ? compileOrderBy(query.orderBy, type, soql, alias) : undefined;
  return {
    type,
    select,
    where,
    usesNow: ctx.usesNow,
    sort,
    limit: query.limit,
    offset: query.offset ?? 0,
    hints: tree ? indexHints(tree, type, alias) : [],
  };
}
