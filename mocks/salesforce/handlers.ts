/**
 * The simulated Salesforce behind MSW. Every pattern starts with `*` so the same handlers answer any origin
 * (`https://sim.my.salesforce.com`, a loopback server, or `getResponse` dispatch).
 *
 * | Call | Success | Errors |
 * |---|---|---|
 * | `POST /services/oauth2/token` (form) | 200 `{access_token, instance_url, id, token_type, issued_at, signature[, refresh_token]}` | 400 `invalid_grant` / `invalid_client_id`, 401 `invalid_client` |
 * | `GET /services/data` | 200 `[{label, url, version}]` (no auth, no Sforce-Limit-Info) | |
 * | `GET /services/data/vNN.N/limits` | 200 `{DailyApiRequests: {Max, Remaining}, DailyBulkApiBatches, DailyAsyncApexExecutions, …}` (orgLimits.ts) | |
 * | `GET …/query?q=`, `…/queryAll?q=`, `…/query/{locator}` | 200 `{totalSize, done, nextRecordsUrl?, records}` | 400 MALFORMED_QUERY / INVALID_FIELD / INVALID_TYPE / INVALID_QUERY_LOCATOR |
 * | `POST|PATCH|DELETE …/composite/sobjects`, `GET|POST …/composite/sobjects/{Type}` | 200 per-record `[{id, success, errors:[{statusCode, message, fields}]}]` / records | 400 EXCEEDED_ID_LIMIT |
 * | `POST …/composite` | 200 `{compositeResponse:[{body, httpHeaders, httpStatusCode, referenceId}]}` | PROCESSING_HALTED per subrequest |
 * | `GET …/sobjects`, `…/sobjects/{Type}/describe` | 200 describeGlobal / describe | 404 NOT_FOUND for unknown types |
 * | `POST …/sobjects/{Type}` | 201 `{id, success:true, errors:[]}` | 400 `[{message, errorCode, fields}]` |
 * | `GET …/sobjects/{Type}/{id}[?fields=]`, `PATCH` (204), `DELETE` (204) | | 404 NOT_FOUND / ENTITY_IS_DELETED, 405 |
 * | `GET /services/data/vNN.N` | 200 the resource list, with `identity` on the instance's host | |
 * | `GET|POST /id/{orgId}/{userId}`, `GET /services/oauth2/userinfo`, `POST /services/oauth2/revoke` | identity JSON, OpenID claims, 200 | 403 `Bad_OAuth_Token` |
 * | `PATCH|GET|DELETE …/sobjects/{Type}/{field}/{value}`, `PATCH …/composite/sobjects/{Type}/{field}` | upsert by external id / idLookup: 201, 200 (204 before v46), 300 | 404 NOT_FOUND |
 * | `GET …/sobjects/{Type}/updated/?start=&end=`, `…/deleted/` | 200 `{ids, latestDateCovered}` / `{deletedRecords, …}` | 400 INVALID_REPLICATION_DATE |
 * | `POST /services/Soap/u/NN.N` login, logout, getUserInfo, getServerTimestamp, convertLead, create, update | 200 `text/xml` | 500 SOAP fault `sf:INVALID_LOGIN`, `sf:INVALID_SESSION_ID` |
 * | any other path under a Salesforce host or `/services` | | 404 `[{errorCode: NOT_FOUND}]` (or unhandled when strict) |
 *
 * Every REST call needs `Authorization: Bearer <token>` (401 `INVALID_SESSION_ID` otherwise), counts toward the daily
 * limit (403 `REQUEST_LIMIT_EXCEEDED` "TotalRequests Limit exceeded." once reached) and answers with
 * `Sforce-Limit-Info: api-usage=N/LIMIT`. Malformed JSON is 400 `JSON_PARSER_ERROR`. Writes record
 * `X-Leadsim-Workflow` (or `Sforce-Call-Options: client=<workflow>`) as the workflow in the field history. Lead
 * creates and updates run the org's active assignment rule unless `Sforce-Auto-Assign: FALSE` (SOAP: only with an
 * `AssignmentRuleHeader`).
 */
import { HttpResponse, type HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import { authenticate, limitHeaders, type SalesforceMockContext } from './context.ts';
import { sfErrorBody, sfErrorResponse } from './errorResponse.ts';
import { identityHandlers, identityUrl, instanceOrigin } from './identity.ts';
import { jsonResponse } from '../jsonResponse.ts';
import { unknownPathHandlers, type UnknownPathResponder } from '../unknownPath.ts';
import { oauthHandlers } from './oauth.ts';
import { QueryCursors } from './queryCursors.ts';
import type { RestEnv } from './restExchange.ts';
import { toHttpResponse } from './restExchange.ts';
import { routeRest } from './restRouter.ts';
import { soapHandlers } from './soap.ts';
import { readJsonBody, requestUrl } from '../../src/core/inProcessBody.ts';

/** The newest API version the simulated org lists (Winter '26, generally available on the default simulated date). */
export const LATEST_API_VERSION = 65;

/**
 * `GET /services/data`: every version from 20.0 (Winter '11) to {@link LATEST_API_VERSION}, oldest first, labelled
 * by release (three a year: Winter, Spring, Summer; v62.0 is Winter '25), as
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm shows them. Every
 * `vNN.N` is served the same way.
 */
export const VERSIONS = Array.from({ length: LATEST_API_VERSION - 19 }, (_, i) => {
  const version = 20 + i;
  const k = version - 62;
  const season = ['Winter', 'Spring', 'Summer'][((k % 3) + 3) % 3];
  const year = String(25 + Math.floor(k / 3)).padStart(2, '0');
  return { label: `${season} '${year}`, url: `/services/data/v${version}.0`, version: `${version}.0` };
});

/** The resources `GET /services/data/vNN.N` lists that the simulation serves (resources_discoveryresource.htm). */
const RESOURCES = ['sobjects', 'query', 'queryAll', 'composite', 'limits', 'recent', 'search', 'parameterizedSearch', 'tooling', 'metadata', 'jobs', 'actions'] as const;

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);

/** Salesforce's answer to a path it does not know: 404 `[{message, errorCode: NOT_FOUND}]`. */
export const salesforceNotFound: UnknownPathResponder = () => jsonResponse(sfErrorBody('NOT_FOUND', 'The requested resource does not exist'), { status: 404 });

/** All Salesforce handlers for one simulated org: REST, composite, query, OAuth and SOAP convertLead. */
export function salesforceHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  const env: RestEnv = { crm: ctx.crm, cursors: new QueryCursors() };
  const rest = async ({ request, params, requestId }: { request: Request; params: Record<string, string | readonly string[] | undefined>; requestId?: string }): Promise<Response> => {
    const version = /^v(\d+\.\d)$/.exec(String(params['version']))?.[1];
    const url = requestUrl(request);
    const auth = authenticate(request, ctx);
    if (!auth.ok) return auth.response;
    if (version === undefined) return sfErrorResponse(404, 'NOT_FOUND', 'The requested resource does not exist', undefined, limitHeaders(ctx));
    if (!ctx.crm.apiUsage.consume()) return sfErrorResponse(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', undefined, limitHeaders(ctx));
    let body: unknown;
    if (BODY_METHODS.has(request.method)) {
      const read = await readJsonBody(request);
      if (!read.ok) return sfErrorResponse(400, 'JSON_PARSER_ERROR', `Unexpected character in the request body: ${read.error.message}`, undefined, limitHeaders(ctx));
      body = read.value;
    }
    const path = url.pathname.slice(url.pathname.indexOf(`/services/data/v${version}`) + `/services/data/v${version}`.length);
    if (path === '' || path === '/') {
      if (request.method !== 'GET') return sfErrorResponse(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${request.method}' not allowed. Allowed are GET,HEAD`, undefined, limitHeaders(ctx));
      const resources: Record<string, string> = Object.fromEntries(RESOURCES.map((name) => [name, `/services/data/v${version}/${name}`]));
      resources['identity'] = identityUrl(instanceOrigin(ctx, request.url), ctx.crm.orgId, auth.userId);
      return jsonResponse(resources, { headers: limitHeaders(ctx) });
    }
    if (path === '/recent' || path === '/recent/') return jsonResponse([], { headers: limitHeaders(ctx) });
    const res = routeRest(env, {
      method: request.method,
      path,
      query: url.searchParams,
      header: (name) => request.headers.get(name),
      body,
      version,
      userId: auth.userId,
      ...(requestId === undefined ? {} : { requestId }),
    });
    return toHttpResponse(res, limitHeaders(ctx));
  };
  return [
    http.all('*/services/data/:version', rest),
    http.all('*/services/data/:version/*', rest),
    http.get('*/services/data', () => HttpResponse.json(VERSIONS)),
    http.get('*/services/data/', () => HttpResponse.json(VERSIONS)),
    ...oauthHandlers(ctx),
    ...identityHandlers(ctx),
    ...soapHandlers(ctx),
    ...unknownPathHandlers({ salesforce: salesforceNotFound }, ctx.unknownPaths),
  ];
}
