import type { HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import type { Marketo } from '../../src/systems/map/marketo.ts';
import { failure, invalidData, marketoError, type MarketoResult } from '../../src/systems/map/marketoError.ts';
import { idList, idsFromInput, intParam, listParam, readJson } from './marketoRequest.ts';
import { pathInt, type MarketoCall } from './marketoRoute.ts';

/** `marketoRoute` with the Marketo and request ids already bound. */
export type BoundRoute = (run: (call: MarketoCall) => Promise<MarketoResult<unknown>> | MarketoResult<unknown>) => Parameters<typeof http.get>[1];

/** Handlers for static lists, program membership and the activity log. */
export function membershipHandlers(marketo: Marketo, route: BoundRoute): HttpHandler[] {
  return [
    http.post(
      '*/rest/v1/lists/:listId/leads.json',
      route(async ({ request, pathParams }) => {
        const listId = pathInt(pathParams, 'listId');
        if (listId === undefined) return failure(marketoError('1013'));
        // Lead ids come as `?id=1&id=2` (list-membership.md) or as a body `{input:[{id}]}`.
        const fromQuery = listParam(new URL(request.url).searchParams, 'id');
        if (fromQuery.length) {
          const leads = idList(fromQuery, 'id');
          return leads.ok ? marketo.addToList(listId, leads.ids) : failure(leads.error);
        }
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const leads = idsFromInput(body.body, 'id');
        return leads.ok ? marketo.addToList(listId, leads.ids) : failure(leads.error);
      }),
    ),
    http.delete(
      '*/rest/v1/lists/:listId/leads.json',
      route(async ({ request, params, pathParams }) => {
        const listId = pathInt(pathParams, 'listId');
        if (listId === undefined) return failure(marketoError('1013'));
        const fromQuery = listParam(params, 'id');
        if (fromQuery.length) {
          const leads = idList(fromQuery, 'id');
          return leads.ok ? marketo.removeFromList(listId, leads.ids) : failure(leads.error);
        }
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const leads = idsFromInput(body.body, 'id');
        return leads.ok ? marketo.removeFromList(listId, leads.ids) : failure(leads.error);
      }),
    ),
    // `/rest/v1/list/{id}/leads.json` is the older path of the same call (Get Leads By List Id).
    ...['*/rest/v1/lists/:listId/leads.json', '*/rest/v1/list/:listId/leads.json'].map((path) =>
      http.get(
        path,
        route(({ params, pathParams }) => {
          const listId = pathInt(pathParams, 'listId');
          if (listId === undefined) return failure(marketoError('1013'));
          const batchSize = intParam(params, 'batchSize');
          if (!batchSize.ok) return failure(batchSize.error);
          const nextPageToken = params.get('nextPageToken');
          return marketo.listMembers(listId, listParam(params, 'fields'), {
            ...(batchSize.value !== undefined ? { batchSize: batchSize.value } : {}),
            ...(nextPageToken ? { nextPageToken } : {}),
          });
        }),
      ),
    ),
    http.get(
      '*/rest/v1/lists/:listId/leads/ismember.json',
      route(({ params, pathParams }) => {
        const listId = pathInt(pathParams, 'listId');
        if (listId === undefined) return failure(marketoError('1013'));
        const leads = idList(listParam(params, 'id'), 'id');
        return leads.ok ? marketo.isMemberOfList(listId, leads.ids) : failure(leads.error);
      }),
    ),
    http.post(
      '*/rest/v1/programs/:programId/members/status.json',
      route(async ({ request, pathParams }) => {
        const programId = pathInt(pathParams, 'programId');
        if (programId === undefined) return failure(marketoError('1013'));
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const statusName = (body.body as { statusName?: unknown } | null)?.statusName;
        if (typeof statusName !== 'string') return failure(marketoError('1002', 'statusName'));
        const leads = idsFromInput(body.body, 'leadId');
        return leads.ok ? marketo.setProgramMemberStatus(programId, statusName, leads.ids) : failure(leads.error);
      }),
    ),
    http.get(
      '*/rest/v1/programs/:programId/members.json',
      route(({ params, pathParams }) => {
        const programId = pathInt(pathParams, 'programId');
        const filterType = params.get('filterType');
        if (!filterType) return failure(marketoError('1002', 'filterType'));
        const values = listParam(params, 'filterValues');
        if (values.length === 0) return failure(marketoError('1002', 'filterValues'));
        let filter: { leadIds?: number[]; statusNames?: string[] };
        if (filterType === 'leadId') {
          const leads = idList(values, 'filterValues');
          if (!leads.ok) return failure(leads.error);
          filter = { leadIds: leads.ids };
        } else if (filterType === 'statusName') filter = { statusNames: values };
        else return failure(invalidData(`Invalid filterType '${filterType}'`));
        const members = programId === undefined ? undefined : marketo.programMembers(programId, filter);
        if (!members) return failure({ code: '1013', message: `Program '${String(pathParams['programId'])}' not found` });
        return { ok: true, result: members.map((m, seq) => ({ seq, ...m })) };
      }),
    ),
    http.get(
      '*/rest/v1/activities/pagingtoken.json',
      route(({ params }) => {
        const since = params.get('sinceDatetime');
        if (!since) return failure(marketoError('1002', 'sinceDatetime'));
        const at = Date.parse(since);
        if (Number.isNaN(at)) return failure(marketoError('1001', since, 'Datetime'));
        return { ok: true, result: [], nextPageToken: marketo.activityPagingToken(at) };
      }),
    ),
    http.get(
      '*/rest/v1/activities.json',
      route(({ params }) => {
        const token = params.get('nextPageToken');
        if (!token) return failure(marketoError('1002', 'nextPageToken'));
        const types = idList(listParam(params, 'activityTypeIds'), 'activityTypeIds');
        if (!types.ok) return failure(types.error);
        if (types.ids.length === 0) return failure(marketoError('1002', 'activityTypeIds'));
        const leadIds = idList(listParam(params, 'leadIds'), 'leadIds');
        if (!leadIds.ok) return failure(leadIds.error);
        const batchSize = intParam(params, 'batchSize');
        if (!batchSize.ok) return failure(batchSize.error);
        return marketo.activities(token, {
          activityTypeIds: types.ids,
          ...(leadIds.ids.length ? { leadIds: leadIds.ids } : {}),
          ...(batchSize.value !== undefined ? { batchSize: batchSize.value } : {}),
        });
      }),
    ),
  ];
}
