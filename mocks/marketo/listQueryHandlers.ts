import type { HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import type { Marketo } from '../../src/systems/map/marketo.ts';
import { failure, marketoError } from '../../src/systems/map/marketoError.ts';
import { idList, idsFromInput, intParam, listParam, readJson } from './marketoRequest.ts';
import type { BoundRoute } from './membershipHandlers.ts';
import { pathInt } from './marketoRoute.ts';

/**
 * The lead database's list and program queries
 * (https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/ and the endpoint
 * reference developer.adobe.com/marketo-apis/api/mapi): `GET /rest/v1/lists.json` (id, name, programName,
 * batchSize, nextPageToken), `GET /rest/v1/lists/{id}.json` (1013 when missing), a lead's `listMembership.json` and `programMembership.json`, and the older
 * program status call `POST /rest/v1/leads/programs/{id}/status.json` (`{status, input:[{id}]}`). (The older
 * `GET /rest/v1/list/{id}/leads.json` is served with the newer path in membershipHandlers.ts.)
 */
export function listQueryHandlers(marketo: Marketo, route: BoundRoute): HttpHandler[] {
  return [
    http.get(
      '*/rest/v1/lists.json',
      route(({ params }) => {
        const ids = idList(listParam(params, 'id'), 'id');
        if (!ids.ok) return failure(ids.error);
        const batchSize = intParam(params, 'batchSize');
        if (!batchSize.ok) return failure(batchSize.error);
        const nextPageToken = params.get('nextPageToken');
        return marketo.lists(
          { ids: ids.ids, names: listParam(params, 'name'), programNames: listParam(params, 'programName') },
          { ...(batchSize.value !== undefined ? { batchSize: batchSize.value } : {}), ...(nextPageToken ? { nextPageToken } : {}) },
        );
      }),
    ),
    http.get(
      '*/rest/v1/lists/:listId.json',
      route(({ pathParams }) => {
        const listId = pathInt(pathParams, 'listId');
        const found = listId === undefined ? undefined : marketo.lists({ ids: [listId] });
        return found?.ok && found.result.length ? found : failure({ code: '1013', message: `Static list '${String(pathParams['listId'])}' not found` });
      }),
    ),
    http.get(
      '*/rest/v1/leads/:leadId/listMembership.json',
      route(({ pathParams }) => {
        const leadId = pathInt(pathParams, 'leadId');
        return leadId === undefined ? failure(marketoError('1001', String(pathParams['leadId']), 'Integer')) : marketo.listMembershipOf(leadId);
      }),
    ),
    http.get(
      '*/rest/v1/leads/:leadId/programMembership.json',
      route(({ pathParams }) => {
        const leadId = pathInt(pathParams, 'leadId');
        return leadId === undefined ? failure(marketoError('1001', String(pathParams['leadId']), 'Integer')) : marketo.programMembershipOf(leadId);
      }),
    ),
    http.post(
      '*/rest/v1/leads/programs/:programId/status.json',
      route(async ({ request, pathParams }) => {
        const programId = pathInt(pathParams, 'programId');
        if (programId === undefined) return failure(marketoError('1013'));
        const body = await readJson(request);
        if (!body.ok) return failure(body.error);
        const status = (body.body as { status?: unknown } | null)?.status;
        if (typeof status !== 'string') return failure(marketoError('1002', 'status'));
        const leads = idsFromInput(body.body, 'id');
        if (!leads.ok) return failure(leads.error);
        const changed = marketo.setProgramMemberStatus(programId, status, leads.ids);
        if (!changed.ok) return changed;
        return { ok: true, result: changed.result.map((r) => (r.status === 'skipped' ? { id: r.leadId, status: 'skipped', reasons: r.reasons } : { id: r.leadId, status: 'updated' })) };
      }),
    ),
  ];
}
