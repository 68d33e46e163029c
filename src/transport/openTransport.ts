import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { startLoopbackServer } from '../server/loopbackServer.ts';
import { SIM_ORIGINS } from '../world/credentials.ts';
import { createHandlerDispatcher } from './handlerDispatcher.ts';
import type { Transport, TransportKind } from './transport.ts';
import { UnhandledRequestError } from './unhandledRequestError.ts';

/** Opens a transport of `kind` onto `handlers`. Close it when done (the msw kind patches the global fetch). */
export async function openTransport(kind: TransportKind, handlers: readonly RequestHandler[]): Promise<Transport> {
  switch (kind) {
    case 'dispatch': {
      const dispatch = createHandlerDispatcher(handlers);
      return {
        kind,
        origins: SIM_ORIGINS,
        inProcessBodies: true,
        send: async (request) => {
          const response = await dispatch(request);
          if (!response) throw new UnhandledRequestError(request);
          return response;
        },
        close: async () => {},
      };
    }
    case 'msw': {
      const server = setupServer(...handlers);
      // 'error' makes msw fail the request (fetch rejects with msw's InternalError) and log which one: it never reaches the network.
      server.listen({ onUnhandledRequest: 'error' });
      return { kind, origins: SIM_ORIGINS, send: fetchAnswer, close: async () => server.close() };
    }
    case 'loopback': {
      const server = await startLoopbackServer(() => handlers);
      return loopbackTransport(server.origin, () => server.close());
    }
  }
}

/** A transport onto a loopback server already listening at `origin` (`leadsim serve`'s own pipeline uses it too). */
export function loopbackTransport(origin: string, close: () => Promise<void>): Transport {
  return { kind: 'loopback', origins: { salesforce: origin, marketo: origin, impartner: origin, intake: origin }, send: fetchAnswer, close };
}

/**
 * `fetch`, with "no answer" given as the dispatch transport gives it, so every transport behaves the same: a network
 * failure (a timeout or a lost response the fault layer injected, a connection the loopback server closed) resolves
 * to `Response.error()` (type "error", status 0) instead of rejecting with fetch's `TypeError` ("Failed to fetch"
 * under msw, "fetch failed" under undici). A request msw has no handler for rejects with {@link UnhandledRequestError}.
 */
async function fetchAnswer(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    if (error instanceof TypeError) return Response.error();
    throw new UnhandledRequestError(request);
  }
}
