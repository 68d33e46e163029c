import type { CrmResult } from '../../src/systems/crm/crmError.ts';
import { externalIdField, matchByExternalId } from '../../src/systems/crm/externalIdLookup.ts';
import type { SRecord } from '../../src/systems/crm/recordSource.ts';
import type { SObjectType } from '../../src/systems/crm/schema.ts';
import { restErrorsFromCrm, statusForCrmErrors } from './errorResponse.ts';
import { methodNotAllowed, NOT_FOUND_RESPONSE, restError, restJson, writeContext, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';
import { firstUnknownField, recordAttributes, recordBody, restRecord, unknownReadField } from './sobjects.ts';

/** From API version 46.0 an upsert that updates answers 200 with a body; before, 204 (dome_upsert.htm). */
const UPSERT_BODY_SINCE = 46;

/** The 404 for a field that cannot identify records (not Id, an idLookup or an External ID field). */
export function notAnExternalId(field: string): RestResponse {
  return restError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${field}`);
}

/** The 300 Multiple Choices answer: the matching records' URLs. */
function multipleChoices(type: SObjectType, matches: readonly SRecord[], version: string): RestResponse {
  return restJson(300, matches.map((r) => recordAttributes(type, r.Id, version).url));
}

/**
 * The upsert of one record by an identifying field, shared by `PATCH /sobjects/{Type}/{field}/{value}` and the
 * collection upsert: no match creates the record with the field set to `value` (unless `updateOnly`), one match
 * updates it, several are refused. `fields` must not carry the identifying field with another value.
 */
export function upsertByExternalId(
  env: RestEnv,
  req: RestRequest,
  type: SObjectType,
  field: string,
  value: string,
  fields: Readonly<Record<string, unknown>>,
  options: { updateOnly?: boolean } = {},
): { kind: 'done'; result: CrmResult<{ id: string }>; created: boolean } | { kind: 'multiple'; matches: SRecord[] } | { kind: 'notFound' } {
  const body = { ...fields };
  const echoed = Object.keys(body).find((k) => k.toLowerCase() === field.toLowerCase());
  if (echoed !== undefined) {
    if (String(body[echoed] ?? '').trim().toLowerCase() !== value.trim().toLowerCase()) {
      return { kind: 'done', created: false, result: { ok: false, errors: [{ statusCode: 'INVALID_FIELD', message: `${field}: the value in the request body does not match the external ID in the URL (${value})`, fields: [field] }] } };
    }
    delete body[echoed];
  }
  const matches = matchByExternalId(env.crm, type, field, value);
  if (matches.length > 1) return { kind: 'multiple', matches };
  const ctx = writeContext(req);
  if (matches.length === 1) return { kind: 'done', created: false, result: env.crm.update(type, matches[0]!.Id, body, ctx) };
  if (options.updateOnly || field === 'Id') return { kind: 'notFound' };
  return { kind: 'done', created: true, result: env.crm.create(type, { ...body, [field]: value }, ctx) };
}

/**
 * `/sobjects/{Type}/{field}/{value}` (sObject Rows by External ID,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert_patch.htm):
 * - `PATCH` upserts: 201 `{id, success, errors, created: true}` when it creates, 200 `{…, created: false}` when it
 *   updates (204 before API 46.0), 300 with the matching records' URLs when several match, 404 with `updateOnly=true`
 *   and no match;
 * - `GET` reads the one matching record (300 for several, 404 for none), `DELETE` deletes it.
 * `field` must be `Id`, an idLookup field (Email, Name, Username …) or an External ID field, else 404.
 */
export function externalIdRoute(env: RestEnv, req: RestRequest, type: SObjectType, rawField: string, value: string): RestResponse {
  const field = rawField === 'Id' ? 'Id' : externalIdField(type, rawField, env.crm.schema);
  if (field === undefined) return notAnExternalId(rawField);
  switch (req.method) {
    case 'PATCH': {
      const fields = recordBody(req.body);
      if (!fields) return restError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject from a non-object value at [line:1, column:1]');
      const outcome = upsertByExternalId(env, req, type, field, value, fields, { updateOnly: req.query.get('updateOnly') === 'true' });
      if (outcome.kind === 'multiple') return multipleChoices(type, outcome.matches, req.version);
      if (outcome.kind === 'notFound') return NOT_FOUND_RESPONSE;
      const { result, created } = outcome;
      if (!result.ok) return restJson(statusForCrmErrors(result.errors), restErrorsFromCrm(result.errors));
      if (created) return restJson(201, { id: result.value.id, success: true, errors: [], created: true }, { Location: recordAttributes(type, result.value.id, req.version).url });
      return Number(req.version) >= UPSERT_BODY_SINCE ? restJson(200, { id: result.value.id, success: true, errors: [], created: false }) : { status: 204 };
    }
    case 'GET':
    case 'DELETE': {
      const matches = matchByExternalId(env.crm, type, field, value);
      if (matches.length > 1) return multipleChoices(type, matches, req.version);
      const match = matches[0];
      if (!match) return NOT_FOUND_RESPONSE;
      if (req.method === 'DELETE') {
        const result = env.crm.delete(type, match.Id, writeContext(req));
        return result.ok ? { status: 204 } : restJson(statusForCrmErrors(result.errors), restErrorsFromCrm(result.errors));
      }
      const fields = req.query.get('fields')?.split(',').map((f) => f.trim()).filter((f) => f !== '');
      const unknown = fields && firstUnknownField(env.crm, type, fields);
      if (unknown !== undefined) return unknownReadField(type, unknown);
      return restJson(200, restRecord(env.crm, type, match.Id, req.version, fields));
    }
    default:
      return methodNotAllowed(req.method, ['GET', 'PATCH', 'HEAD', 'DELETE']);
  }
}

/**
 * `POST /sobjects/{Type}/Id`: the API 37.0 special case that creates a record through the external ID resource, with
 * `Id` as the field and null as its value. 201 `{id, success, errors, created: true}`.
 */
export function createThroughIdRoute(env: RestEnv, req: RestRequest, type: SObjectType): RestResponse {
  const fields = recordBody(req.body);
  if (!fields) return restError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject from a non-object value at [line:1, column:1]');
  const result = env.crm.create(type, fields, writeContext(req));
  if (!result.ok) return restJson(statusForCrmErrors(result.errors), restErrorsFromCrm(result.errors));
  return restJson(201, { id: result.value.id, success: true, errors: [], created: true }, { Location: recordAttributes(type, result.value.id, req.version).url });
}
