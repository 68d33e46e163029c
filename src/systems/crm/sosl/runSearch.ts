import { CRM_SCHEMA, type CrmSchema, type FieldType, type SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import { runQuery } from '../soql/runQuery.ts';
import { parseSosl, SoslSyntaxError, type SearchGroup, type SearchRequest } from './parseSosl.ts';
import { compileTerm, SearchTermError, type TermMatcher } from './searchTerm.ts';

/** A search's result, shaped for the REST `/search` response; or Salesforce's error code and message. */
export type SearchResult = { ok: true; searchRecords: Record<string, unknown>[] } | { ok: false; errorCode: string; message: string };

/** Options of `runSearch`. */
export interface RunSearchOptions {
  /** API version used in the records' `attributes.url`. Default `'62.0'`. */
  readonly apiVersion?: string;
  /** Simulated now (epoch ms), for date literals in a RETURNING WHERE. */
  readonly now?: number;
  /** The org's time zone. Default `'UTC'`. */
  readonly timeZone?: string;
}

/** Objects searched when RETURNING is omitted, in this order. */
const SEARCHABLE: readonly SObjectType[] = ['Account', 'Contact', 'Lead', 'Campaign', 'User'];

const NAME_FIELDS = new Set(['Name', 'FirstName', 'LastName', 'Company']);
const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['string', 'email', 'phone', 'url', 'textarea']);

/** The fields of `type` a search group looks in. Source: "IN SearchGroup", SOQL and SOSL Reference. */
function searchedFields(type: SObjectType, group: SearchGroup, schema: CrmSchema): string[] {
  return Object.entries(schema[type])
    .filter(([name, spec]) => (group === 'EMAIL' ? spec.type === 'email' : group === 'PHONE' ? spec.type === 'phone' : group === 'NAME' ? NAME_FIELDS.has(name) : TEXT_TYPES.has(spec.type)))
    .map(([name]) => name);
}

/** The live records of one type that match the term, as a RecordSource for the RETURNING query. */
function matchingSource(source: RecordSource, type: SObjectType, fields: readonly string[], matches: TermMatcher): RecordSource {
  const hits: SRecord[] = [];
  for (const r of source.records(type)) {
    const values = fields.map((f) => r[f]).filter((v): v is string => typeof v === 'string' && v !== '');
    if (values.length > 0 && matches(values)) hits.push(r);
  }
  return { records: (t) => (t === type ? hits : source.records(t)), byId: (id) => source.byId(id), ...(source.schema ? { schema: source.schema } : {}) };
}

/**
 * Runs a search request over a RecordSource: finds each RETURNING object's records whose searched fields match
 * the term, runs the object's field list and WHERE/ORDER BY/LIMIT/OFFSET as SOQL over them, and concatenates the
 * records in RETURNING order up to the overall limit (object limits count first, in order). Records have the
 * SOQL shape (`attributes` with type and url, the fields selected). Results keep creation order where Salesforce
 * would rank by relevance.
 */
export function runSearchRequest(request: SearchRequest, source: RecordSource, options: RunSearchOptions = {}): SearchResult {
  let matches: TermMatcher;
  try {
    matches = compileTerm(request.term);
  } catch (error) {
    if (error instanceof SearchTermError) return { ok: false, errorCode: error.errorCode, message: error.message };
    throw error;
  }
  const searchRecords: Record<string, unknown>[] = [];
  const specs = request.returning ?? SEARCHABLE.map((type) => ({ type, fields: 'Id', clauses: '' }));
  for (const spec of specs) {
    const remaining = request.limit - searchRecords.length;
    if (remaining <= 0) break;
    const scoped = matchingSource(source, spec.type, searchedFields(spec.type, request.group, source.schema ?? CRM_SCHEMA), matches);
    const result = runQuery(`SELECT ${spec.fields} FROM ${spec.type}${spec.clauses ? ` ${spec.clauses}` : ''}`, scoped, {
      apiVersion: options.apiVersion ?? '62.0',
      now: options.now ?? 0,
      timeZone: options.timeZone ?? 'UTC',
    });
    if (!result.ok) return { ok: false, errorCode: result.errorCode, message: result.message };
    searchRecords.push(...result.records.slice(0, remaining));
  }
  return { ok: true, searchRecords };
}

/**
 * Runs a SOSL statement (`FIND {ada@example.com} IN EMAIL FIELDS RETURNING Lead(Id, Email), Contact(Id, Email)`)
 * the way Salesforce's REST `/search?q=` does: `{ searchRecords: [...] }`, or MALFORMED_SEARCH for a statement or
 * term it refuses (and the SOQL errors of a RETURNING field list).
 * Source: "Search" and "Search for a String", REST API Developer Guide
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_search.htm).
 */
export function runSearch(sosl: string, source: RecordSource, options: RunSearchOptions = {}): SearchResult {
  let request: SearchRequest;
  try {
    request = parseSosl(sosl);
  } catch (error) {
    if (error instanceof SoslSyntaxError) return { ok: false, errorCode: error.errorCode, message: error.message };
    throw error;
  }
  return runSearchRequest(request, source, options);
}
