import type { RecordSource, SRecord } from '../recordSource.ts';
import { compileQuery, type CompiledQuery } from './compileQuery.ts';
import type { EvalEnv } from './compileWhere.ts';
import type { IndexedRecordSource, IndexHint } from './indexedRecordSource.ts';
import { CRM_SCHEMA, type CrmSchema, type SObjectType } from '../schema.ts';
import { QueryCache } from './queryCache.ts';
import { runAggregate } from './runAggregate.ts';
import { shapeRecord, type ChildrenReader } from './shapeRecord.ts';
import { malformed, SoqlFailure, type SoqlError } from './soqlError.ts';

/** Options of `runQuery`. */
export interface RunQueryOptions {
  /** Include recycle-bin records, as `/queryAll` does. Default false. */
  readonly includeDeleted?: boolean;
  /** API version used in the records' `attributes.url`. Default `'62.0'`. */
  readonly apiVersion?: string;
  /** Simulated now (epoch ms), needed only by queries using TODAY, YESTERDAY, LAST_N_DAYS:n and the like. */
  readonly now?: number;
  /** The org's time zone (IANA name) for date literals and convertTimezone(). Default `'UTC'`. */
  readonly timeZone?: string;
  /** The org's schema. Default: the source's (`source.schema`), else leadsim's own. */
  readonly schema?: CrmSchema;
}

/** Most AggregateResult rows one response may hold: aggregate queries have no queryMore. */
export const MAX_AGGREGATE_ROWS = 2000;

/** A query's result, shaped for the REST `/query` response; or Salesforce's error code and message. */
export type QueryResult =
  | { ok: true; records: Record<string, unknown>[]; totalSize: number; entity: string }
  | { ok: false; errorCode: SoqlError['errorCode']; message: string };

const caches = new WeakMap<CrmSchema, QueryCache<CompiledQuery | SoqlError>>();

/**
 * Compiled queries kept per schema. Few queries repeat word for word (most name one lead's email or id): 500 entries
 * served 4% of a 2,000-lead run's queries for 1.4 MB (about 2.7 KB each); queries that differ only in their WHERE
 * values already share their parsed template and plan (parseSoql.ts, compileQuery.ts), so a miss is cheap.
 */
const COMPILED_CACHE_SIZE = 100;

/**
 * The compiled form of `soql` in the org's `schema` (default: leadsim's own), from a small LRU cache per schema
 * keyed by the exact text (errors are cached too).
 */
export function compileCached(soql: string, schema: CrmSchema = CRM_SCHEMA): CompiledQuery | SoqlError {
  let cache = caches.get(schema);
  if (!cache) caches.set(schema, (cache = new QueryCache<CompiledQuery | SoqlError>(COMPILED_CACHE_SIZE)));
  let compiled = cache.get(soql);
  if (compiled === undefined) {
    try {
      compiled = compileQuery(soql, schema);
    } catch (error) {
      if (!(error instanceof SoqlFailure)) throw error;
      compiled = error.error;
    }
    cache.set(soql, compiled);
  }
  return compiled;
}

function isError(compiled: CompiledQuery | SoqlError): compiled is SoqlError {
  return 'ok' in compiled;
}

/** Index lookups for one hint: the candidate records, or undefined when the source has no index for the field. */
function lookUp(source: IndexedRecordSource, lookup: NonNullable<IndexedRecordSource['lookup']>, type: SObjectType, hint: IndexHint): Iterable<SRecord> | undefined {
  if (hint.values.length === 1) return lookup.call(source, type, hint.field, hint.values[0] as string);
  const byId = new Map<string, SRecord>();
  for (const value of hint.values) {
    const hits = lookup.call(source, type, hint.field, value);
    if (hits === undefined) return undefined;
    for (const r of hits) byId.set(r.Id, r);
  }
  // The simulator's ids come from zero-padded counters, so id order is creation order, as a scan would give.
  return [...byId.values()].sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
}

/** The records to test: an index lookup when the query pins a text field the source indexes, else a scan. */
function candidates(q: CompiledQuery, source: RecordSource, includeDeleted: boolean): Iterable<SRecord> {
  const lookup = (source as IndexedRecordSource).lookup;
  if (lookup && !includeDeleted) {
    for (const hint of q.hints) {
      const hits = lookUp(source, lookup, q.type, hint);
      if (hits !== undefined) return hits;
    }
  }
  return source.records(q.type, { includeDeleted });
}

/**
 * Answers parent-to-child subqueries for one run: indexes each child type by its parent reference once, then
 * filters, sorts and pages each parent's children. A parent without matching children gets null, as Salesforce's
 * REST API returns it; otherwise `{ totalSize, done: true, records }`.
 * Source: "Understanding Query Results" (parent-to-child), SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_results.htm).
 */
function childrenReader(source: RecordSource, env: EvalEnv, apiVersion: string): ChildrenReader {
  const indexes = new Map<string, Map<string, SRecord[]>>();
  return (node, parent) => {
    const q = node.query;
    const key = `${q.type}.${node.field}`;
    let index = indexes.get(key);
    if (!index) {
      index = new Map();
      for (const r of source.records(q.type)) {
        const id = r[node.field];
        if (typeof id !== 'string' || id === '') continue;
        const list = index.get(id);
        if (list) list.push(r);
        else index.set(id, [r]);
      }
      indexes.set(key, index);
    }
    let kids = index.get(parent.Id) ?? [];
    if (q.where) kids = kids.filter((r) => q.where?.(r, env));
    if (q.sort) kids = q.sort(kids, source);
    const page = kids.slice(q.offset, q.limit === undefined ? undefined : q.offset + q.limit);
    if (page.length === 0 || q.select.kind !== 'records') return null;
    const { shape } = q.select;
    return { totalSize: page.length, done: true, records: page.map((r) => shapeRecord(q.type, r, shape, source, apiVersion, undefined, q.schema)) };
  };
}

/**
 * Runs a SOQL query over a RecordSource, the way Salesforce's REST `/query` (or `/queryAll` with
 * `includeDeleted`) would: records in the REST shape, `totalSize` the number of records returned (for `COUNT()`, the
 * count, with no records). Compiled queries are cached by their text, so repeated queries cost one scan (or one
 * index lookup on an `IndexedRecordSource`).
 * @example runQuery("SELECT Id, Email FROM Lead WHERE Email = 'ada@example.com'", crm)
 */
export function runQuery(soql: string, source: RecordSource, options: RunQueryOptions = {}): QueryResult {
  const q = compileCached(soql, options.schema ?? source.schema ?? CRM_SCHEMA);
  if (isError(q)) return { ok: false, errorCode: q.errorCode, message: q.message };
  if (q.usesNow && options.now === undefined) {
    const { error } = malformed(`Failed to run query "${soql}": it uses a relative date literal but no simulated time was given. Pass options.now (epoch ms) to runQuery.`);
    return { ok: false, errorCode: error.errorCode, message: error.message };
  }
  const env: EvalEnv = { source, now: options.now ?? 0, timeZone: options.timeZone ?? 'UTC' };
  const apiVersion = options.apiVersion ?? '62.0';
  // Without ORDER BY, a records query can stop as soon as OFFSET + LIMIT records match.
  const stopAt = !q.sort && q.select.kind === 'records' && q.limit !== undefined ? q.offset + q.limit : Infinity;
  let matched: SRecord[] = [];
  if (stopAt > 0) {
    for (const record of candidates(q, source, options.includeDeleted ?? false)) {
      if (q.where && !q.where(record, env)) continue;
      matched.push(record);
      if (matched.length >= stopAt) break;
    }
  }
  if (q.sort) matched = q.sort(matched, source);
  const end = q.limit === undefined ? undefined : q.offset + q.limit;
  switch (q.select.kind) {
    case 'count': {
      const count = Math.max(0, Math.min(matched.length, end ?? Infinity) - q.offset);
      return { ok: true, records: [], totalSize: count, entity: q.type };
    }
    case 'aggregate': {
      const records = runAggregate(q.select, matched, env, q.offset, q.limit);
      // Source: Salesforce answers an aggregate query of more rows than one batch with this error (no queryMore).
      if (records.length > MAX_AGGREGATE_ROWS) return { ok: false, errorCode: 'EXCEEDED_ID_LIMIT', message: 'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch' };
      return { ok: true, records, totalSize: records.length, entity: q.type };
    }
    case 'records': {
      const page = matched.slice(q.offset, end);
      const { shape } = q.select;
      const children = shape.some((n) => n.kind === 'children') ? childrenReader(source, env, apiVersion) : undefined;
      const records = page.map((r) => shapeRecord(q.type, r, shape, source, apiVersion, children, q.schema));
      return { ok: true, records, totalSize: records.length, entity: q.type };
    }
  }
}
