import { HttpResponse, type HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import type { Marketo } from '../../src/systems/map/marketo.ts';
import { failure, invalidData, marketoError, type MarketoResult } from '../../src/systems/map/marketoError.ts';
import { submitFormRequestSchema } from '../../src/systems/map/submitForm.ts';
import { syncLeadsRequestSchema } from '../../src/systems/map/syncLeads.ts';
import { RequestIds } from './marketoEnvelope.ts';
import { membershipHandlers } from './membershipHandlers.ts';
import { methodTunnel } from './methodTunnel.ts';
import { assetHandlers } from './assetHandlers.ts';
import { listQueryHandlers } from './listQueryHandlers.ts';
import { marketoEnvelope } from './marketoEnvelope.ts';
import { jsonResponse } from '../jsonResponse.ts';
import { unknownPathHandlers, type UnknownPathResponder } from '../unknownPath.ts';
import { idList, idsFromInput, intParam, listParam, readJson, readParams, type MarketoParams } from './marketoRequest.ts';
import { marketoRoute, pathInt, type MarketoMockContext } from './marketoRoute.ts';

/**
 * MSW handlers that speak Marketo's REST API for a simulated {@link Marketo}, on any host
 * (`https://123-ABC-456.mktorest.com` or anything else): identity, leads, forms, lists, programs and activities.
 *
 * @example
 * const server = setupServer(...marketoHandlers({ marketo }));
 */
export function marketoHandlers(ctx: MarketoMockContext): HttpHandler[] {
  const { marketo } = ctx;
  const ids = ctx.requestIds ?? new RequestIds();
  const route = marketoRoute.bind(null, marketo, ids);

  const identity = async ({ request }: { request: Request }): Promise<Response> => {
    const params = await readParams(request, new URL(request.url));
    const issued = marketo.token(params.get('grant_type') ?? undefined, params.get('client_id') ?? undefined, params.get('client_secret') ?? undefined);
    return HttpResponse.json(issued.body, { status: issued.ok ? 200 : 401 });
  };

  const handlers: HttpHandler[] = [
    http.get('*/identity/oauth/token', identity),
    http.post('*/identity/oauth/token', identity),

    http.get('*/rest/v1/leads/describe.json', route(() => ({ ok: true, result: marketo.describeLeads() }))),
    http.get('*/rest/v1/leads.json', route(({ params }) => find(marketo, params))),
    http.post(
      '*/rest/v1/leads.json',
      route(async ({ request, params }) => {
        if (params.get('_method')?.toUpperCase() === 'GET') return find(marketo, params);
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const parsed = syncLeadsRequestSchema.safeParse(body.body);
        if (!parsed.success) return failure(describeBodyProblem(parsed.error.issues[0]));
        return marketo.syncLeads(parsed.data);
      }),
    ),
    ...['*/rest/v1/leads/delete.json', '*/rest/v1/leads.json'].map((path) =>
      (path.endsWith('delete.json') ? http.post : http.delete)(
        path,
        route(async ({ request, url }) => {
          const fromQuery = listParam(url.searchParams, 'id');
          if (fromQuery.length) {
            const ids = idList(fromQuery, 'id');
            return ids.ok ? marketo.deleteLeads(ids.ids) : failure(ids.error);
          }
          const body = await readJson(request);
          if (!body.ok) return failure(body.error);
          const leads = idsFromInput(body.body, 'id');
          return leads.ok ? marketo.deleteLeads(leads.ids) : failure(leads.error);
        }),
      ),
    ),
    http.get('*/rest/v1/activities/types.json', route(() => marketo.activityTypes())),
    http.get(
      '*/rest/v1/lead/:id.json',
      route(({ params, pathParams }) => {
        const id = pathInt(pathParams, 'id');
        if (id === undefined) return failure(marketoError('1001', String(pathParams['id']), 'Integer'));
        return marketo.getLead(id, listParam(params, 'fields'));
      }),
    ),
    http.post(
      '*/rest/v1/leads/submitForm.json',
      route(async ({ request }) => {
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const parsed = submitFormRequestSchema.safeParse(body.body);
        if (!parsed.success) return failure(describeBodyProblem(parsed.error.issues[0]));
        return marketo.submitForm(parsed.data);
      }),
    ),
    http.post(
      '*/rest/v1/leads/push.json',
      route(async ({ request }) => {
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const b = body.body as { programName?: unknown; lookupField?: unknown; input?: unknown };
        if (typeof b.programName !== 'string') return failure(marketoError('1002', 'programName'));
        if (!Array.isArray(b.input)) return failure(marketoError('1002', 'input'));
        return marketo.pushLeads({ programName: b.programName, ...(typeof b.lookupField === 'string' ? { lookupField: b.lookupField } : {}), input: b.input as Record<string, unknown>[] });
      }),
    ),

    ...membershipHandlers(marketo, route),
    ...listQueryHandlers(marketo, route),
    ...assetHandlers(marketo, (run) => marketoRoute(marketo, ids, run, { asset: true })),
  ];
  return [
    ...handlers,
    ...methodTunnel(handlers, ids),
    // Every other path under a Marketo host (or /rest, /identity, /bulk on a shared origin): 610 in the envelope, HTTP 200
    // (error-codes.md: response-level errors return 200; 610 "The URI in the call did not match a REST API resource type").
    ...unknownPathHandlers({ marketo: marketoNotFound(ids) }, ctx.unknownPaths),
  ];
}

/** Marketo's answer to a path it does not know: 610 in the envelope, HTTP 200. */
export function marketoNotFound(ids: RequestIds): UnknownPathResponder {
  return () => jsonResponse(marketoEnvelope(ids.next(), { ok: false, errors: [marketoError('610')] }));
}

function find(marketo: Marketo, params: MarketoParams): MarketoResult<unknown> {
  const filterType = params.get('filterType');
  if (!filterType) return failure(marketoError('1002', 'filterType'));
  const batchSize = intParam(params, 'batchSize');
  if (!batchSize.ok) return failure(batchSize.error);
  const nextPageToken = params.get('nextPageToken');
  return marketo.findLeads(filterType, listParam(params, 'filterValues'), listParam(params, 'fields'), {
    ...(batchSize.value !== undefined ? { batchSize: batchSize.value } : {}),
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}

function describeBodyProblem(issue: { path: readonly PropertyKey[]; message: string } | undefined) {
  if (!issue) return invalidData('Invalid request body');
  const path = issue.path.map(String).join('.');
  if (issue.path.length === 1 && /required|undefined/i.test(issue.message)) return marketoError('1002', path);
  return invalidData(`Invalid value for '${path || 'body'}': ${issue.message}`);
}
