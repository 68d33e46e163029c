import type { FieldType, Query } from 'soql-parser-js';
import { CRM_SCHEMA, type CrmSchema, type SObjectType } from '../schema.ts';
import { compileAggregatePlan, isAggregateItem, type AggregatePlan } from './aggregatePlan.ts';
import { compileWhere, type Predicate } from './compileWhere.ts';
import { indexHints, type IndexHint } from './indexedRecordSource.ts';
import { compileOrderBy, type RecordSorter } from './orderBy.ts';
import { parseSoqlTemplate } from './parseSoql.ts';
import { QueryCache } from './queryCache.ts';
import { resolveField, resolveObject, type ResolvedField } from './resolveField.ts';
import { findChildRelationship } from '../childRelationships.ts';
import { buildShape, type ChildrenNode, type ShapeNode } from './shapeRecord.ts';
import { malformed, notSupported, unknownChildRelationship } from './soqlError.ts';
import { whereTree } from './whereTree.ts';

/** What a query returns: records, `COUNT()` (a bare count), or AggregateResult rows. */
export type SelectPlan = { readonly kind: 'records'; readonly shape: readonly ShapeNode[] } | { readonly kind: 'count' } | AggregatePlan;

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
  /** The org's schema the query was compiled in. */
  readonly schema: CrmSchema;
}

/** The field names FIELDS(ALL|STANDARD|CUSTOM) stands for, in describe order; custom fields end in `__c`. */
function fieldsFunction(type: SObjectType, which: string, schema: CrmSchema): string[] {
  const names = Object.keys(schema[type]);
  const kind = which.toUpperCase();
  if (kind === 'ALL') return names;
  if (kind === 'CUSTOM') return names.filter((n) => n.endsWith('__c'));
  if (kind === 'STANDARD') return names.filter((n) => !n.endsWith('__c'));
  throw malformed(`unexpected token: '${which}'`);
}

/**
 * The SELECT list of a records query. FIELDS(ALL), FIELDS(CUSTOM) and FIELDS(STANDARD) expand to the object's
 * fields; the first two need LIMIT 200 or less ("The SOQL FIELDS function must have a LIMIT of at most 200",
 * MALFORMED_QUERY), and a field selected twice, also through FIELDS(), is "duplicate field selected: Id".
 * Source: "FIELDS()" in the SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_fields.htm).
 */
function compileSelect(query: Query, type: SObjectType, soql: string, nested: boolean, schema: CrmSchema): SelectPlan {
  const fields: readonly FieldType[] = query.fields ?? [];
  const isFn = (f: FieldType): f is Extract<FieldType, { type: 'FieldFunctionExpression' }> => f.type === 'FieldFunctionExpression';
  const bareCount = fields.find((f) => isFn(f) && f.functionName.toUpperCase() === 'COUNT' && f.parameters.length === 0);
  if (bareCount) {
    // "COUNT() must be the only element in the SELECT list"; "You can't use COUNT() with GROUP BY" (API 19.0+).
    if (fields.length > 1) throw malformed(`Failed to run query "${soql}": COUNT() must be the only element in the SELECT list. Select COUNT() alone, or COUNT(Id) with the other fields.`);
    if (query.groupBy) throw malformed(`Failed to run query "${soql}": COUNT() can't be used with GROUP BY. Use COUNT(Id) instead.`);
    return { kind: 'count' };
  }
  if (query.groupBy || fields.some((f) => isFn(f) && isAggregateItem(f))) return compileAggregatePlan(query, type, soql, schema);
  if (query.having) throw malformed('HAVING needs GROUP BY');
  const resolved: ResolvedField[] = [];
  const subqueries: { node: ChildrenNode; afterFields: number }[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const field = resolveField(type, path, query.sObjectAlias, schema);
    const key = field.path.toLowerCase();
    if (seen.has(key)) throw malformed(`duplicate field selected: ${field.path}`);
    seen.add(key);
    resolved.push(field);
  };
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
        if (f.functionName.toUpperCase() === 'FIELDS') {
          const [which] = f.parameters;
          const all = fieldsFunction(type, typeof which === 'string' ? which : '', schema);
          if (String(which).toUpperCase() !== 'STANDARD' && (query.limit === undefined || query.limit > 200)) throw malformed('The SOQL FIELDS function must have a LIMIT of at most 200');
          all.forEach(add);
          continue;
        }
        throw notSupported(soql, `The function ${f.functionName}() in a query without GROUP BY`, 'Select plain fields, aggregate functions, or COUNT() alone');
      case 'FieldSubquery': {
        if (nested) throw notSupported(soql, 'A subquery inside a subquery', 'Query the grandchildren separately');
        const sub = f.subquery;
        const rel = findChildRelationship(type, sub.relationshipName);
        if (!rel?.relationshipName) throw unknownChildRelationship(sub.relationshipName);
        const key = rel.relationshipName.toLowerCase();
        if (seen.has(key)) throw malformed(`duplicate field selected: ${rel.relationshipName}`);
        seen.add(key);
        const index = subqueries.filter((s) => s.node.query.where !== undefined).length;
        const query = compileParsed({ ...sub, sObject: rel.childSObject }, soql, index, true, schema);
        subqueries.push({ node: { kind: 'children', relationshipName: rel.relationshipName, field: rel.field, query }, afterFields: resolved.length });
        continue;
      }
      case 'FieldTypeof':
        throw notSupported(soql, 'TYPEOF', 'Select the relationship fields directly (Owner.Name)');
    }
    add(path);
  }
  const shape: ShapeNode[] = buildShape(resolved);
  // Each subquery's result sits where it was selected, after the columns of the fields before it.
  for (const { node, afterFields } of [...subqueries].reverse()) shape.splice(buildShape(resolved.slice(0, afterFields)).length, 0, node);
  return { kind: 'records', shape };
}

/** How many WHERE clauses come before the query's own in its text: those of subqueries in its SELECT list. */
function whereIndex(query: Query): number {
  return (query.fields ?? []).filter((f) => f.type === 'FieldSubquery' && f.subquery.where !== undefined).length;
}

/** Compiles a parsed (sub)query; `whereAt` is the index of its WHERE among the text's WHERE clauses. */
function compileParsed(query: Query, soql: string, whereAt: number, nested: boolean, schema: CrmSchema): CompiledQuery {
  if (query.withDataCategory) throw notSupported(soql, 'WITH DATA CATEGORY', 'Remove the clause');
  if (query.usingScope) throw notSupported(soql, 'USING SCOPE', 'Remove the clause');
  const type = resolveObject(query.sObject ?? '');
  const alias = query.sObjectAlias;
  const select = compileSelect(query, type, soql, nested, schema);
  if (nested && select.kind !== 'records') throw notSupported(soql, 'An aggregate or COUNT() in a subquery', 'Select fields in the subquery');
  const clause = compileWhereClause(query, soql, type, whereAt, schema);
  const sort = query.orderBy && select.kind === 'records' ? compileOrderBy(query.orderBy, type, soql, alias, schema) : undefined;
  const children = select.kind === 'records' ? select.shape.filter((n): n is ChildrenNode => n.kind === 'children') : [];
  return {
    type,
    select,
    where: clause.where,
    usesNow: clause.usesNow || children.some((c) => c.query.usesNow),
    sort,
    limit: query.limit,
    offset: query.offset ?? 0,
    hints: clause.hints,
    schema,
  };
}

/** A query's own WHERE, compiled: the predicate, whether it needs the simulated now, and the index hints. */
function compileWhereClause(query: Query, soql: string, type: SObjectType, whereAt: number, schema: CrmSchema): Pick<CompiledQuery, 'where' | 'usesNow' | 'hints'> {
  const alias = query.sObjectAlias;
  const ctx = { soql, type, alias, schema, usesNow: false };
  const tree = query.where ? whereTree(query.where, soql, { rule: 'whereClause', index: whereAt }) : undefined;
  const where = tree ? compileWhere(tree, ctx) : undefined;
  return { where, usesNow: ctx.usesNow, hints: tree ? indexHints(tree, type, alias, schema) : [] };
}

/** A compiled query without its own WHERE (shared by every query of one template), and whether the rest needs now. */
interface SharedPlan {
  readonly plan: Omit<CompiledQuery, 'where' | 'usesNow' | 'hints'>;
  readonly restUsesNow: boolean;
}

/** The shared plans of each org's schema (a plan resolves its fields in one schema). */
const sharedPlans = new WeakMap<CrmSchema, QueryCache<SharedPlan>>();

/**
 * Parses and compiles a SOQL query: resolves the object and every field against the org's schema (default:
 * leadsim's own, CRM_SCHEMA; case-insensitively),
 * rebuilds and compiles the WHERE into a predicate, compiles ORDER BY. Throws a `SoqlFailure` (MALFORMED_QUERY,
 * INVALID_FIELD, INVALID_TYPE) for bad or unsupported queries.
 */
export function compileQuery(soql: string, schema: CrmSchema = CRM_SCHEMA): CompiledQuery {
  const { query, whereTemplate } = parseSoqlTemplate(soql);
  const whereAt = whereIndex(query);
  let plans = sharedPlans.get(schema);
  if (!plans) sharedPlans.set(schema, (plans = new QueryCache<SharedPlan>(200)));
  // Queries that differ only in their WHERE's values (one per lead: `WHERE Email = '…'`) share the rest of the plan.
  const shared = whereTemplate === undefined ? undefined : plans.get(whereTemplate);
  if (shared) {
    const clause = compileWhereClause(query, soql, shared.plan.type, whereAt, schema);
    return { ...shared.plan, ...clause, usesNow: clause.usesNow || shared.restUsesNow };
  }
  const compiled = compileParsed(query, soql, whereAt, false, schema);
  if (whereTemplate !== undefined) {
    const { where: _where, usesNow: _usesNow, hints: _hints, ...plan } = compiled;
    const children = plan.select.kind === 'records' ? plan.select.shape.filter((n): n is ChildrenNode => n.kind === 'children') : [];
    plans.set(whereTemplate, { plan, restUsesNow: children.some((c) => c.query.usesNow) });
  }
  return compiled;
}
