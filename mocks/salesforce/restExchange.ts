import { jsonResponse } from '../jsonResponse.ts';
import type { WriteContext } from '../../src/systems/crm/crm.ts';
import type { Crm } from '../../src/systems/crm/crm.ts';
import { sfErrorBody } from './errorResponse.ts';
import type { QueryCursors } from './queryCursors.ts';

/** What the REST routes work on: the org and the open query cursors. */
export interface RestEnv {
  readonly crm: Crm;
  readonly cursors: QueryCursors;
}

/**
 * One REST call to `/services/data/vXX.X/…`, already authenticated and with its JSON body parsed. Both the MSW
 * handler and the composite endpoint (for its subrequests) build these, so both run the same routes.
 */
export interface RestRequest {
  readonly method: string;
  /** The path after `/services/data/vXX.X`, e.g. `/sobjects/Lead/00Q…`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Request headers (names case-insensitive). */
  readonly header: (name: string) => string | null;
  readonly body: unknown;
  /** `62.0` */
  readonly version: string;
  readonly userId: string;
  /** The transport's id of the HTTP request (msw's `requestId`), recorded in field history; subrequests share it. */
  readonly requestId?: string;
}

/** A REST answer before it becomes an HTTP response. `body` undefined means no body (204). */
export interface RestResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A REST answer with a JSON body. */
export function restJson(status: number, body: unknown, headers?: Record<string, string>): RestResponse {
  return { status, body, ...(headers === undefined ? {} : { headers }) };
}

/** A REST error answer with Salesforce's error array body. */
export function restError(status: number, errorCode: string, message: string, fields?: readonly string[]): RestResponse {
  return { status, body: sfErrorBody(errorCode, message, fields) };
}

/** The 404 Salesforce answers for unknown resources. */
export const NOT_FOUND_RESPONSE: RestResponse = restError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** 405 METHOD_NOT_ALLOWED listing the allowed methods. */
export function methodNotAllowed(method: string, allowed: readonly string[]): RestResponse {
  return restError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);
}

/**
 * The write context of a request: its user, the workflow (the `X-Leadsim-Workflow` header, else the client named in
 * `Sforce-Call-Options: client=<workflow>`, which jsforce sends from `callOptions: { client }`), the duplicate
 * rule header (`Sforce-Duplicate-Rule-Header: allowSave=true; includeRecordDetails=true; runAsCurrentUser=true`,
 * fields default false: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm),
 * and the assignment rule to run (see {@link autoAssign}).
 */
export function writeContext(req: RestRequest): WriteContext {
  const client =
    req.header('x-leadsim-workflow')?.trim() || /(?:^|[,;]\s*)client=([^,;]+)/.exec(req.header('sforce-call-options') ?? '')?.[1]?.trim() || undefined;
  const dup = req.header('sforce-duplicate-rule-header');
  const flag = (name: string) => dup !== null && new RegExp(`(?:^|[;,])\\s*${name}\\s*=\\s*true\\b`, 'i').test(dup);
  return {
    userId: req.userId,
    ...(client === undefined ? {} : { workflow: client }),
    ...(req.requestId === undefined ? {} : { requestId: req.requestId }),
    ...(dup === null ? {} : { duplicateRuleHeader: { allowSave: flag('allowSave'), includeRecordDetails: flag('includeRecordDetails') } }),
    ...autoAssign(req.header('sforce-auto-assign')),
  };
}

/**
 * The `Sforce-Auto-Assign` header as an assignment rule request: `TRUE` (any case) or no header runs the active rule
 * ("If the header is not provided in the request, the default value is TRUE"), `FALSE` runs none, an AssignmentRule
 * id runs that rule. Composite subrequests and collections inherit the request's header.
 * Source: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/headers_autoassign.htm
 */
export function autoAssign(header: string | null): Pick<WriteContext, 'assignmentRuleHeader'> {
  const value = header?.trim() ?? 'TRUE';
  if (/^false$/i.test(value)) return {};
  return { assignmentRuleHeader: /^true$/i.test(value) ? { useDefaultRule: true } : { assignmentRuleId: value } };
}

/** Turns a REST answer into the HTTP response, with extra headers (Sforce-Limit-Info). */
export function toHttpResponse(res: RestResponse, headers: Record<string, string>): Response {
  const all = { ...headers, ...res.headers };
  return jsonResponse(res.body, { status: res.status, headers: all });
}
