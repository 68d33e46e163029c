import { HttpHandler, type RequestHandler } from 'msw';
import type { LoggedSystem, SystemRequestLog } from '../src/evidence/systemRequestLog.ts';
import type { Crm } from '../src/systems/crm/crm.ts';
import { rawResolverOf, setRawResolver } from './inProcessHttp.ts';
import { requestUrl } from '../src/core/inProcessBody.ts';

/** Set on the copy of a request whose answer the fault layer will lose, so its log entry says so. */
export const ANSWER_LOST_HEADER = 'x-leadsim-answer-lost';

type Resolver = (info: { request: Request; requestId: string } & Record<string, unknown>) => unknown;

/** What the recorder reads a request's credential with. */
export interface RecordRequestsContext {
  readonly requests: SystemRequestLog;
  readonly crm: Pick<Crm, 'sessions'>;
}

/**
 * Wraps a system's MSW handlers (or catch-alls that tell the system by the URL) so every request they answer is
 * written to the world's request log: system, method,
 * path, simulated time, credential, the delivery being handled, and the status answered (see SystemRequestLog). The
 * handlers keep their method and path, so the dispatch engine still compiles them; a handler that passes a request
 * on leaves its entry for the next one.
 */
export function recordRequests(system: LoggedSystem | ((url: URL) => LoggedSystem), handlers: readonly RequestHandler[], ctx: RecordRequestsContext): RequestHandler[] {
  return handlers.map((handler) => {
    if (!(handler instanceof HttpHandler)) return handler;
    const original = (handler as unknown as { resolver: Resolver }).resolver;
    const options = (handler as unknown as { options?: ConstructorParameters<typeof HttpHandler>[3] }).options;
    const recording = (inner: Resolver): Resolver => async (info) => {
      const url = requestUrl(info.request);
      const owner = typeof system === 'function' ? system(url) : system;
      const entry = ctx.requests.begin({ id: info.requestId, system: owner, method: info.request.method, path: url.pathname + url.search, credential: credentialOf(owner, info.request, url, ctx) });
      if (info.request.headers.get(ANSWER_LOST_HEADER) !== null) entry.fault = 'lostResponse';
      try {
        const result = await inner(info);
        if (result instanceof Response) entry.status = result.type === 'error' ? 0 : result.status;
        return result;
      } catch (thrown) {
        if (thrown instanceof Response) entry.status = thrown.type === 'error' ? 0 : thrown.status;
        throw thrown;
      }
    };
    const wrapped = new HttpHandler(handler.info.method, handler.info.path, recording(original) as never, options);
    // A handler that answers the dispatch transport with carried bodies keeps doing so, logged the same way.
    const carrying = rawResolverOf(handler);
    if (carrying) setRawResolver(wrapped, recording(carrying as Resolver) as (info: Record<string, unknown>) => unknown);
    return wrapped;
  });
}

/** Who a request authenticates as: Salesforce's session user, Marketo's API client, Impartner's API key. */
function credentialOf(system: LoggedSystem, request: Request, url: URL, ctx: RecordRequestsContext): string | undefined {
  const auth = request.headers.get('authorization')?.trim() ?? '';
  switch (system) {
    case 'salesforce': {
      const token = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(auth)?.[1];
      return token === undefined ? undefined : ctx.crm.sessions.resolveToken(token);
    }
    case 'marketo':
      return /^Bearer\s+\S+/i.test(auth) || url.searchParams.has('access_token') ? 'marketo-api-client' : undefined;
    case 'impartner':
      return /^prm-key\s+(\S+)$/i.exec(auth)?.[1];
    case 'intake':
      return undefined;
  }
}
