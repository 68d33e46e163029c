import type { SObjectType } from '../../src/systems/crm/schema.ts';
import { resolveObject } from '../../src/systems/crm/soql/resolveField.ts';
import { runSearch, runSearchRequest, type SearchGroup, type SearchRequest, type SearchResult } from '../../src/systems/crm/sosl/index.ts';
import { methodNotAllowed, restError, restJson, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';

const GROUPS: Readonly<Record<string, SearchGroup>> = { ALL: 'ALL', NAME: 'NAME', EMAIL: 'EMAIL', PHONE: 'PHONE', SIDEBAR: 'ALL' };

function canonicalType(name: string): SObjectType | undefined {
  try {
    return resolveObject(name);
  } catch {
    return undefined;
  }
}

interface ParameterizedBody {
  readonly q?: unknown;
  readonly in?: unknown;
  readonly fields?: unknown;
  readonly sobjects?: unknown;
  readonly overallLimit?: unknown;
  readonly defaultLimit?: unknown;
}

/** A parameterized search (query string or JSON body) as a search request; a string is the error message. */
function parameterized(req: RestRequest): SearchRequest | string {
  const body = (req.method === 'POST' && typeof req.body === 'object' && req.body !== null ? req.body : {}) as ParameterizedBody;
  const q = req.method === 'POST' ? body.q : req.query.get('q');
  if (typeof q !== 'string' || q.trim() === '') return 'Missing or invalid parameter: q';
  const group = GROUPS[String((req.method === 'POST' ? body.in : req.query.get('in')) ?? 'ALL').toUpperCase()];
  if (!group) return 'Invalid parameter: in';
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : []).map((s) => s.trim()).filter(Boolean);
  const defaultFields = list(req.method === 'POST' ? body.fields : req.query.get('fields'));
  const defaultLimit = Number((req.method === 'POST' ? body.defaultLimit : req.query.get('defaultLimit')) ?? NaN);
  const entries: { name: string; fields: string[]; limit: number }[] =
    req.method === 'POST'
      ? (Array.isArray(body.sobjects) ? (body.sobjects as { name?: unknown; fields?: unknown; limit?: unknown }[]) : []).map((o) => ({ name: String(o.name ?? ''), fields: list(o.fields), limit: Number(o.limit ?? NaN) }))
      : req.query.getAll('sobject').map((name) => ({ name, fields: list(req.query.get(`${name}.fields`)), limit: Number(req.query.get(`${name}.limit`) ?? NaN) }));
  const returning = [];
  for (const e of entries) {
    const type = canonicalType(e.name);
    if (!type) return `sObject type '${e.name}' is not supported.`;
    const fields = e.fields.length ? e.fields : defaultFields.length ? defaultFields : ['Id'];
    const limit = Number.isInteger(e.limit) ? e.limit : Number.isInteger(defaultLimit) ? defaultLimit : undefined;
    returning.push({ type, fields: fields.join(', '), clauses: limit === undefined ? '' : `LIMIT ${limit}` });
  }
  const overall = Number((req.method === 'POST' ? body.overallLimit : req.query.get('overallLimit')) ?? NaN);
  return { term: q, group, returning: returning.length ? returning : undefined, limit: Number.isInteger(overall) ? Math.min(overall, 2000) : 2000 };
}

function answer(result: SearchResult): RestResponse {
  return result.ok ? restJson(200, { searchRecords: result.searchRecords }) : restError(400, result.errorCode, result.message);
}

/**
 * Routes `GET /search?q=<SOSL>` and `GET|POST /parameterizedSearch` (q, in, fields, sobject / sobjects,
 * `<Object>.fields`, `<Object>.limit`, defaultLimit, overallLimit): 200 `{ searchRecords: [...] }`, or 400
 * MALFORMED_SEARCH / the SOQL errors of a RETURNING list. Undefined when the path is not a search path.
 * Source: "Search" and "Parameterized Search", REST API Developer Guide
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search.htm).
 */
export function searchRoute(env: RestEnv, req: RestRequest): RestResponse | undefined {
  const match = /^\/(search|parameterizedSearch)\/?$/.exec(req.path);
  if (!match) return undefined;
  const options = { apiVersion: req.version, now: env.crm.clock.now(), timeZone: env.crm.timeZone };
  if (match[1] === 'search') {
    if (req.method !== 'GET') return methodNotAllowed(req.method, ['GET', 'HEAD']);
    return answer(runSearch(req.query.get('q') ?? '', env.crm, options));
  }
  if (req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed(req.method, ['GET', 'HEAD', 'POST']);
  const request = parameterized(req);
  if (typeof request === 'string') return restError(400, 'INVALID_SEARCH', request);
  return answer(runSearchRequest(request, env.crm, options));
}
