import type { ApiExchange, ApiRequest, ApiResponse } from '../clients/apiExchange.ts';
import { inProcessRequest, responseJson } from '../core/inProcessBody.ts';
import { syncLeadsRequestSchema } from '../systems/map/syncLeads.ts';
import { SIM_ORIGINS } from '../world/credentials.ts';
import type { World } from '../world/world.ts';
import { marketoEnvelope, RequestIds } from '../../mocks/marketo/marketoEnvelope.ts';
import { sfErrorBody } from '../../mocks/salesforce/errorResponse.ts';
import { QueryCursors } from '../../mocks/salesforce/queryCursors.ts';
import { routeRest } from '../../mocks/salesforce/restRouter.ts';
import type { RestEnv } from '../../mocks/salesforce/restExchange.ts';
import { createHandlerDispatcher } from './handlerDispatcher.ts';
import type { Transport } from './transport.ts';
import { UnhandledRequestError } from './unhandledRequestError.ts';

/** A transport whose clients skip HTTP: the benchmark's lower bound. `exchange` carries the pipeline's calls. */
export interface DirectTransport extends Transport {
  readonly exchange: ApiExchange;
  /** How many calls went to the systems directly, and how many through the handlers (the rare calls it does not serve). */
  readonly stats: { direct: number; viaHandlers: number };
}

const SF_REST = /\/services\/data\/v(\d+\.\d)(\/[^?#]*)/;

function header(headers: Readonly<Record<string, string>>, name: string): string | null {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key] as string;
  return null;
}

function bearer(headers: Readonly<Record<string, string>>): string | undefined {
  return /^(?:Bearer|OAuth)\s+(\S+)$/i.exec((header(headers, 'authorization') ?? '').trim())?.[1];
}

/**
 * Opens the `direct` transport on a world: the pipeline's hot calls (Salesforce REST and composite, Marketo identity
 * and lead sync) go straight to the systems' functions, the same ones the MSW handlers call (Salesforce's REST
 * router, Marketo's `syncLeads`), with the same authentication and API-limit accounting, but no Request, Response or
 * JSON text. Every other call, and `send` (the entry points' deliveries), goes through the handlers with the
 * dispatch engine. With a fault plan every call goes through the handlers, so faults still apply.
 */
export function openDirectTransport(world: World): DirectTransport {
  const dispatch = createHandlerDispatcher(world.handlers);
  const send = async (request: Request): Promise<Response> => {
    const response = await dispatch(request);
    if (!response) throw new UnhandledRequestError(request);
    return response;
  };
  const env: RestEnv = { crm: world.crm, cursors: new QueryCursors() };
  const requestIds = new RequestIds();
  const stats = { direct: 0, viaHandlers: 0 };

  const viaHandlers = async (call: ApiRequest): Promise<ApiResponse> => {
    stats.viaHandlers += 1;
    const response = await send(inProcessRequest(call.url, call, call.body));
    if (response.type === 'error') return { networkError: true };
    return { status: response.status, body: await responseJson(response) };
  };

  const salesforce = (call: ApiRequest, url: URL): ApiResponse | undefined => {
    const m = SF_REST.exec(url.pathname);
    if (!m) return undefined;
    const userId = world.crm.sessions.resolveToken(bearer(call.headers) ?? '');
    if (userId === undefined) return { status: 401, body: sfErrorBody('INVALID_SESSION_ID', 'Session expired or invalid') };
    if (!world.crm.apiUsage.consume()) return { status: 403, body: sfErrorBody('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.') };
    const res = routeRest(env, { method: call.method, path: m[2] as string, query: url.searchParams, header: (name) => header(call.headers, name), body: call.body, version: m[1] as string, userId });
    return { status: res.status, body: res.body };
  };

  const marketo = (call: ApiRequest, url: URL): ApiResponse | undefined => {
    const path = url.pathname;
    if (path.endsWith('/identity/oauth/token') && call.method === 'GET') {
      const q = url.searchParams;
      const issued = world.marketo.token(q.get('grant_type') ?? undefined, q.get('client_id') ?? undefined, q.get('client_secret') ?? undefined);
      return { status: issued.ok ? 200 : 401, body: issued.body };
    }
    if (!path.endsWith('/rest/v1/leads.json') || call.method !== 'POST' || url.searchParams.has('_method')) return undefined;
    const parsed = syncLeadsRequestSchema.safeParse(call.body);
    if (!parsed.success) return undefined;
    const requestId = requestIds.next();
    const auth = world.marketo.checkToken(/^Bearer\s+(.*)$/i.exec((header(call.headers, 'authorization') ?? '').trim())?.[1] ?? undefined);
    if (!auth.ok) return { status: 200, body: marketoEnvelope(requestId, { ok: false, errors: [auth.error] }) };
    const admitted = world.marketo.admitCall();
    if (!admitted.ok) return { status: 200, body: marketoEnvelope(requestId, { ok: false, errors: [admitted.error] }) };
    return { status: 200, body: marketoEnvelope(requestId, world.marketo.syncLeads(parsed.data)) };
  };

  const exchange: ApiExchange = async (call) => {
    if (world.faults) return viaHandlers(call);
    const url = new URL(call.url);
    const answer = call.system === 'salesforce' ? salesforce(call, url) : call.system === 'marketo' ? marketo(call, url) : undefined;
    if (!answer) return viaHandlers(call);
    stats.direct += 1;
    return answer;
  };

  return { kind: 'direct', origins: SIM_ORIGINS, inProcessBodies: true, send, exchange, stats, close: async () => {} };
}
