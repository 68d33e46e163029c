import type { CrmResult } from '../../src/systems/crm/crmError.ts';
import { collectionErrorsFromCrm } from './errorResponse.ts';
import { notAnExternalId, upsertByExternalId } from './externalIdRoute.ts';
import { externalIdField } from '../../src/systems/crm/externalIdLookup.ts';
import type { SObjectType } from '../../src/systems/crm/schema.ts';
import { firstUnknownField, recordBody, restRecord, sobjectTypeOf, unknownReadField } from './sobjects.ts';
import { methodNotAllowed, NOT_FOUND_RESPONSE, restError, restJson, writeContext, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';

/** Most records one collection call may carry. */
export const COLLECTION_LIMIT = 200;

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

type Outcome = CrmResult<{ id: string; created?: boolean }>;
interface Operation {
  readonly id?: string;
  readonly run: () => Outcome;
}

/** Runs the operations in input order; with allOrNone, in one transaction that nothing survives if one fails. */
function runAll(env: RestEnv, operations: readonly Operation[], allOrNone: boolean): RestResponse {
  let outcomes: Outcome[] = [];
  if (allOrNone) {
    env.crm.transaction(() => {
      outcomes = operations.map((op) => op.run());
      return { ok: outcomes.every((o) => o.ok) };
    });
  } else {
    outcomes = operations.map((op) => op.run());
  }
  const failed = outcomes.some((o) => !o.ok);
  const items = outcomes.map((outcome, i) => {
    // A rolled-back create never got an id; updates and deletes echo the id they were given.
    const given = operations[i]!.id;
    const idPart = given === undefined ? {} : { id: given };
    if (!outcome.ok) return { ...idPart, success: false, errors: collectionErrorsFromCrm(outcome.errors) };
    if (allOrNone && failed) return { ...idPart, success: false, errors: [ROLLED_BACK] };
    const { id, created } = outcome.value;
    return { id, success: true, errors: [], ...(created === undefined ? {} : { created }) };
  });
  return restJson(200, items);
}

function tooMany(): RestResponse {
  return restError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`);
}

function invalid(message: string): Outcome {
  return { ok: false, errors: [{ statusCode: 'INVALID_FIELD', message, fields: [] }] };
}

function writeRoute(env: RestEnv, req: RestRequest, mode: 'create' | 'update'): RestResponse {
  const body = recordBody(req.body);
  const records = body?.['records'];
  if (!Array.isArray(records)) return restError(400, 'JSON_PARSER_ERROR', "Cannot deserialize the request: 'records' must be an array of sObjects");
  if (records.length > COLLECTION_LIMIT) return tooMany();
  const ctx = writeContext(req);
  const operations = records.map((raw): Operation => {
    const attributes = (raw as { attributes?: { type?: unknown } } | null)?.attributes;
    const type = typeof attributes?.type === 'string' ? sobjectTypeOf(attributes.type) : undefined;
    const fields = recordBody(raw) ?? {};
    const idKey = Object.keys(fields).find((k) => k.toLowerCase() === 'id');
    const id = idKey === undefined ? undefined : String(fields[idKey]);
    if (type === undefined) return { run: () => invalid('Must specify a valid sObject type in the attributes of each record') };
    if (mode === 'create') {
      if (id !== undefined) return { id, run: () => invalid('cannot specify Id in an insert call') };
      return { run: () => env.crm.create(type, fields, ctx) };
    }
    if (id === undefined) return { run: () => ({ ok: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }] }) };
    return { id, run: () => env.crm.update(type, id, fields, ctx) };
  });
  return runAll(env, operations, body?.['allOrNone'] === true);
}

/**
 * `PATCH /composite/sobjects/{Type}/{field}`: upserts each record by the identifying field it carries; items say
 * `created`. A record without the field, or whose value matches several records, fails on its own
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm).
 */
function upsertRoute(env: RestEnv, req: RestRequest, type: SObjectType, rawField: string): RestResponse {
  const field = rawField === 'Id' ? 'Id' : externalIdField(type, rawField, env.crm.schema);
  if (field === undefined) return notAnExternalId(rawField);
  const body = recordBody(req.body);
  const records = body?.['records'];
  if (!Array.isArray(records)) return restError(400, 'JSON_PARSER_ERROR', "Cannot deserialize the request: 'records' must be an array of sObjects");
  if (records.length > COLLECTION_LIMIT) return tooMany();
  const operations = records.map((raw): Operation => {
    const fields = recordBody(raw) ?? {};
    const key = Object.keys(fields).find((k) => k.toLowerCase() === field.toLowerCase());
    const value = key === undefined ? undefined : fields[key];
    if (value === undefined || value === null || value === '') return { run: () => ({ ok: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: `${field} not specified`, fields: [field] }] }) };
    return {
      run: () => {
        const outcome = upsertByExternalId(env, req, type, field, String(value), fields);
        if (outcome.kind === 'multiple') return { ok: false, errors: [{ statusCode: 'DUPLICATE_EXTERNAL_ID', message: `The external ID provided matches more than one record: ${outcome.matches.map((r) => r.Id).join(', ')}`, fields: [field] }] };
        if (outcome.kind === 'notFound') return { ok: false, errors: [{ statusCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] }] };
        return outcome.result.ok ? { ok: true, value: { id: outcome.result.value.id, created: outcome.created } } : outcome.result;
      },
    };
  });
  return runAll(env, operations, body?.['allOrNone'] === true);
}

function deleteRoute(env: RestEnv, req: RestRequest): RestResponse {
  const ids = (req.query.get('ids') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length > COLLECTION_LIMIT) return tooMany();
  const ctx = writeContext(req);
  const operations = ids.map((id): Operation => ({
    id,
    run: () => {
      const found = env.crm.byId(id);
      if (!found) return { ok: false, errors: [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }] };
      return env.crm.delete(found.type, id, ctx);
    },
  }));
  return runAll(env, operations, req.query.get('allOrNone') === 'true');
}

function retrieveRoute(env: RestEnv, req: RestRequest, typeName: string): RestResponse {
  const type = sobjectTypeOf(typeName);
  if (type === undefined) return NOT_FOUND_RESPONSE;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : []).map((s) => s.trim()).filter((s) => s !== '');
  const body = req.method === 'POST' ? (recordBody(req.body) ?? {}) : { ids: req.query.get('ids') ?? '', fields: req.query.get('fields') ?? '' };
  const ids = list(body['ids']);
  const fields = list(body['fields']);
  if (ids.length === 0 || fields.length === 0) return restError(400, 'MISSING_ARGUMENT', 'ids and fields are required');
  if (ids.length > 2000) return tooMany();
  const unknown = firstUnknownField(env.crm, type, fields);
  if (unknown !== undefined) return unknownReadField(type, unknown);
  return restJson(200, ids.map((id) => restRecord(env.crm, type, id, req.version, fields) ?? null));
}

/**
 * Routes the sObject Collections: `POST /composite/sobjects` (create), `PATCH` (update), `DELETE ?ids=` and
 * `GET|POST /composite/sobjects/{Type}` (retrieve). Answers 200 with per-record results in input order; errors use
 * `statusCode`; `allOrNone` rolls everything back. Returns undefined when the path is not a collections path.
 */
export function collectionsRoute(env: RestEnv, req: RestRequest): RestResponse | undefined {
  const match = /^\/composite\/sobjects(?:\/([^/]+))?(\/[^/]+)?\/?$/.exec(req.path);
  if (!match) return undefined;
  const [, typeName, extra] = match;
  if (extra !== undefined) {
    const type = typeName === undefined ? undefined : sobjectTypeOf(decodeURIComponent(typeName));
    if (type === undefined) return NOT_FOUND_RESPONSE;
    return req.method === 'PATCH' ? upsertRoute(env, req, type, decodeURIComponent(extra.slice(1))) : methodNotAllowed(req.method, ['PATCH']);
  }
  if (typeName !== undefined) {
    return req.method === 'GET' || req.method === 'POST' ? retrieveRoute(env, req, decodeURIComponent(typeName)) : methodNotAllowed(req.method, ['GET', 'POST']);
  }
  switch (req.method) {
    case 'POST':
      return writeRoute(env, req, 'create');
    case 'PATCH':
      return writeRoute(env, req, 'update');
    case 'DELETE':
      return deleteRoute(env, req);
    default:
      return methodNotAllowed(req.method, ['POST', 'PATCH', 'DELETE']);
  }
}
