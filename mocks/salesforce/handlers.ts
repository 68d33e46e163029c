/**
 * The simulated Salesforce behind MSW. Every pattern starts with `*` so the same handlers answer any origin
 * (`https://sim.my.salesforce.com`, a loopback server, or `getResponse` dispatch).
 *
 * | Call | Success | Errors |
 * |---|---|---|
 * | `POST /services/oauth2/token` (form) | 200 `{access_token, instance_url, id, token_type, issued_at, signature[, refresh_token]}` | 400 `invalid_grant` / `invalid_client_id`, 401 `invalid_client` |
 * | `GET /services/data` | 200 `[{label, url, version}]` (no auth, no Sforce-Limit-Info) | |
 * | `GET /services/data/vNN.N/limits` | 200 `{DailyApiRequests: {Max, Remaining}}` | |
 * | `GET …/query?q=`, `…/queryAll?q=`, `…/query/{locator}` | 200 `{totalSize, done, nextRecordsUrl?, records}` | 400 MALFORMED_QUERY / INVALID_FIELD / INVALID_TYPE / INVALID_QUERY_LOCATOR |
 * | `POST|PATCH|DELETE …/composite/sobjects`, `GET|POST …/composite/sobjects/{Type}` | 200 per-record `[{id, success, errors:[{statusCode, message, fields}]}]` / records | 400 EXCEEDED_ID_LIMIT |
 * | `POST …/composite` | 200 `{compositeResponse:[{body, httpHeaders, httpStatusCode, referenceId}]}` | PROCESSING_HALTED per subrequest |
 * | `GET …/sobjects`, `…/sobjects/{Type}/describe` | 200 describeGlobal / describe | 404 NOT_FOUND for unknown types |
 * | `POST …/sobjects/{Type}` | 201 `{id, success:true, errors:[]}` | 400 `[{message, errorCode, fields}]` |
 * | `GET …/sobjects/{Type}/{id}[?fields=]`, `PATCH` (204), `DELETE` (204) | | 404 NOT_FOUND / ENTITY_IS_DELETED, 405 |
 * | `POST /services/Soap/u/NN.N` convertLead | 200 `text/xml` convertLeadResponse | 500 SOAP fault `sf:INVALID_SESSION_ID` |
 *
 * Every REST call needs `Authorization: Bearer <token>` (401 `INVALID_SESSION_ID` otherwise), counts toward the daily
 * limit (403 `REQUEST_LIMIT_EXCEEDED` "TotalRequests Limit exceeded." once reached) and answers with
 * `Sforce-Limit-Info: api-usage=N/LIMIT`. Malformed JSON is 400 `JSON_PARSER_ERROR`. Writes record
 * `X-Leadsim-Workflow` (or `Sforce-Call-Options: client=<workflow>`) as the workflow in the field history.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { authenticate, limitHeaders, type SalesforceMockContext } from './context.ts';
import { sfErrorResponse } from './errorResponse.ts';
import { oauthHandlers } from './oauth.ts';
import { QueryCursors } from './queryCursors.ts';
import type { RestEnv } from './restExchange.ts';
import { toHttpResponse } from './restExchange.ts';
import { routeRest } from './restRouter.ts';
import { soapHandlers } from './soap.ts';

/** API versions `GET /services/data` lists (jsforce may ask for any `vNN.N`; all are served the same way). */
const VERSIONS = [
  { label: "Winter '25", url: '/services/data/v62.0', version: '62.0' },
  { label: "Spring '25", url: '/services/data/v63.0', version: '63.0' },
  { label: "Summer '25", url: '/services/data/v64.0', version: '64.0' },
];

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);

/** All Salesforce handlers for one simulated org: REST, composite, query, OAuth and SOAP convertLead. */
export function salesforceHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  const env: RestEnv = { crm: ctx.crm, cursors: new QueryCursors() };
  return [
    http.all('*/services/data/:version/*', async ({ request, params, requestId }) => {
      const version = /^v(\d+\.\d)$/.exec(String(params['version']))?.[1];
      const url = new URL(request.url);
      const auth = authenticate(request, ctx);
      if (!auth.ok) return auth.response;
      if (version === undefined) return sfErrorResponse(404, 'NOT_FOUND', 'The requested resource does not exist', undefined, limitHeaders(ctx));
      if (!ctx.crm.apiUsage.consume()) return sfErrorResponse(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', undefined, limitHeaders(ctx));
      let body: unknown;
      if (BODY_METHODS.has(request.method)) {
        const text = await request.text();
        try {
          body = text.trim() === '' ? undefined : JSON.parse(text);
        } catch (error) {
          return sfErrorResponse(400, 'JSON_PARSER_ERROR', `Unexpected character in the request body: ${(error as Error).message}`, undefined, limitHeaders(ctx));
        }
      }
      const path = url.pathname.slice(url.pathname.indexOf(`/services/data/v${version}`) + `/services/data/v${version}`.length);
      const res = routeRest(env, {
        method: request.method,
        path,
        query: url.searchParams,
        header: (name) => request.headers.get(name),
        body,
        version,
        userId: auth.userId,
        requestId,
      });
      return toHttpResponse(res, limitHeaders(ctx));
    }),
    http.get('*/services/data', () => HttpResponse.json(VERSIONS)),
    ...oauthHandlers(ctx),
    ...soapHandlers(ctx),
  ];
}
