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
      // 'error' makes msw fail the request (fetch rejects) and log which one: it never reaches the network.
      server.listen({ onUnhandledRequest: 'error' });
      return { kind, origins: SIM_ORIGINS, send: (request) => fetch(request), close: async () => server.close() };
    }
    case 'loopback': {
      const server = await startLoopbackServer(() => handlers);
      const o = server.origin;
      return { kind, origins: { salesforce: o, marketo: o, impartner: o, intake: o }, send: (request) => fetch(request), close: () => server.close() };
    }
  }
}
