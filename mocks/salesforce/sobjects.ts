import type { Crm } from '../../src/systems/crm/crm.ts';
import { isValidId } from '../../src/systems/crm/ids.ts';
import { SOBJECT_TYPES, type SObjectType } from '../../src/systems/crm/schema.ts';
import { canonicalField } from '../../src/systems/crm/validateFields.ts';
import { restErrorsFromCrm, statusForCrmErrors } from './errorResponse.ts';
import { createThroughIdRoute, externalIdRoute } from './externalIdRoute.ts';
import { replicationRoute } from './replicationRoute.ts';
import { methodNotAllowed, NOT_FOUND_RESPONSE, restError, restJson, writeContext, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';

/** The object type named in a URL (case-insensitive, like Salesforce), or undefined. */
export function sobjectTypeOf(name: string): SObjectType | undefined {
  const lower = name.toLowerCase();
  return SOBJECT_TYPES.find((type) => type.toLowerCase() === lower);
}

/** `{ type, url }` of a record, as every REST record carries it. */
export function recordAttributes(type: SObjectType, id: string, version: string): { type: SObjectType; url: string } {
  return { type, url: `/services/data/v${version}/sobjects/${type}/${id}` };
}

/** The INVALID_FIELD answer for an unknown field in a read (`?fields=` or a retrieve). */
export function unknownReadField(type: SObjectType, field: string): RestResponse {
  return restError(
    400,
    'INVALID_FIELD',
    `No such column '${field}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** A record in the REST shape (`attributes` first), all fields or `Id` + `fields`; undefined when not live. */
export function restRecord(crm: Crm, type: SObjectType, id: string, version: string, fields?: readonly string[]): Record<string, unknown> | undefined {
  const record = crm.get(type, id, fields);
  if (!record) return undefined;
  return { attributes: recordAttributes(type, String(record['Id']), version), ...record };
}

/** The first name among `fields` that the org's schema does not have, if any. */
export function firstUnknownField(crm: Crm, type: SObjectType, fields: readonly string[]): string | undefined {
  return fields.find((field) => canonicalField(type, field, crm.schema) === undefined);
}

/** A JSON object body without `attributes`, or undefined when the body is not an object (JSON_PARSER_ERROR). */
export function recordBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { attributes: _attributes, ...fields } = body as Record<string, unknown>;
  return fields;
}

const NOT_AN_OBJECT = restError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject from a non-object value at [line:1, column:1]');

/**
 * Routes `/limits` and `/sobjects…`: describeGlobal, describe, create (201 `{id,success,errors}`), retrieve
 * (`?fields=`), update (204) and delete (204); `updated`/`deleted` (replicationRoute.ts); rows by external id
 * (`/sobjects/{Type}/{field}/{value}`, externalIdRoute.ts). Returns undefined when the path is not one of these.
 */
export function sobjectsRoute(env: RestEnv, req: RestRequest): RestResponse | undefined {
  const { crm } = env;
  if (req.path === '/limits' || req.path === '/limits/') {
    if (req.method !== 'GET') return methodNotAllowed(req.method, ['GET', 'HEAD']);
    const used = crm.apiUsage.used;
    return restJson(200, { DailyApiRequests: { Max: crm.apiUsage.limit, Remaining: Math.max(0, crm.apiUsage.limit - used) } });
  }
  const segments = req.path.split('/').filter((s) => s !== '');
  if (segments[0] !== 'sobjects') return undefined;
  if (segments.length === 1) return req.method === 'GET' ? restJson(200, crm.describeGlobal()) : methodNotAllowed(req.method, ['GET', 'HEAD']);
  const type = sobjectTypeOf(decodeURIComponent(segments[1]!));
  if (type === undefined) return NOT_FOUND_RESPONSE;
  if (segments.length === 2) return typeRoute(env, req, type);
  if (segments.length === 3 && segments[2] === 'describe') {
    return req.method === 'GET' ? restJson(200, crm.describe(type)) : methodNotAllowed(req.method, ['GET', 'HEAD']);
  }
  if (segments.length === 3 && (segments[2] === 'updated' || segments[2] === 'deleted')) return replicationRoute(env, req, type, segments[2]);
  if (segments.length === 3 && segments[2] === 'Id' && req.method === 'POST') return createThroughIdRoute(env, req, type);
  if (segments.length === 3) return recordRoute(env, req, type, decodeURIComponent(segments[2]!));
  if (segments.length === 4) return externalIdRoute(env, req, type, decodeURIComponent(segments[2]!), decodeURIComponent(segments[3]!));
  return NOT_FOUND_RESPONSE;
}

function typeRoute(env: RestEnv, req: RestRequest, type: SObjectType): RestResponse {
  if (req.method === 'GET') {
    const describe = env.crm.describe(type);
    const { fields: _fields, childRelationships: _c, recordTypeInfos: _r, ...objectDescribe } = describe;
    return restJson(200, { objectDescribe, recentItems: [] });
  }
  if (req.method !== 'POST') return methodNotAllowed(req.method, ['HEAD', 'GET', 'POST']);
  const fields = recordBody(req.body);
  if (!fields) return NOT_AN_OBJECT;
  const result = env.crm.create(type, fields, writeContext(req));
  if (!result.ok) return restJson(statusForCrmErrors(result.errors), restErrorsFromCrm(result.errors));
  return restJson(201, { id: result.value.id, success: true, errors: [] }, { Location: recordAttributes(type, result.value.id, req.version).url });
}

function recordRoute(env: RestEnv, req: RestRequest, type: SObjectType, id: string): RestResponse {
  const { crm } = env;
  if (!isValidId(id)) return restError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`);
  switch (req.method) {
    case 'GET': {
      const fields = req.query.get('fields')?.split(',').map((f) => f.trim()).filter((f) => f !== '');
      const unknown = fields && firstUnknownField(crm, type, fields);
      if (unknown !== undefined) return unknownReadField(type, unknown);
      const record = restRecord(crm, type, id, req.version, fields);
      return record ? restJson(200, record) : NOT_FOUND_RESPONSE;
    }
    case 'PATCH': {
      const fields = recordBody(req.body);
      if (!fields) return NOT_AN_OBJECT;
      const result = crm.update(type, id, fields, writeContext(req));
      return result.ok ? { status: 204 } : restJson(statusForCrmErrors(result.errors), restErrorsFromCrm(result.errors));
    }
    case 'DELETE': {
      const result = crm.delete(type, id, writeContext(req));
      return result.ok ? { status: 204 } : restJson(statusForCrmErrors(result.errors), restErrorsFromCrm(result.errors));
    }
    default:
      return methodNotAllowed(req.method, ['GET', 'PATCH', 'HEAD', 'DELETE']);
  }
}
