import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { createHandlerDispatcher } from '../transport/handlerDispatcher.ts';

/** A request no simulated API answered. */
export interface UnhandledRequest {
  readonly method: string;
  readonly url: string;
}

/** Interception of this process's outgoing HTTP for one world; `close` restores fetch, http and https. */
export interface InProcessInterception {
  /** Requests no simulated API answered since the last `takeUnhandled`. */
  takeUnhandled(): UnhandledRequest[];
  close(): void;
}

let server: ReturnType<typeof setupServer> | undefined;
let active: object | undefined;

/**
 * Intercepts every HTTP request this process makes (fetch, `http`, `https`: what jsforce 3.10.16, node-fetch, axios
 * and plain `fetch` use) with msw's `setupServer` and answers it with a world's simulated APIs. `onRequest` runs
 * before each one (the harness moves simulated time on). A request no simulated API answers gets a 501 naming it
 * and is kept for {@link InProcessInterception.takeUnhandled}: nothing ever leaves the process. One world at a time.
 * @throws Error when another world is intercepted already (close its harness first).
 */
export function interceptInProcess(handlers: readonly RequestHandler[], onRequest: () => void): InProcessInterception {
  if (active !== undefined) throw new Error('Failed to intercept HTTP for a pipeline in process: another in-process pipeline is attached to a world. Close its harness first (one in-process pipeline at a time).');
  const token = {};
  active = token;
  const unhandled: UnhandledRequest[] = [];
  const intercepting = server ?? setupServer();
  if (server === undefined) {
    intercepting.listen({ onUnhandledRequest: 'error' });
    server = intercepting;
  }
  // One msw handler for everything: the dispatch engine routes to the world's handlers (msw would match each of them
  // against every request), in the same order and with the same first-answer-wins rule.
  const dispatch = createHandlerDispatcher(handlers);
  intercepting.resetHandlers(
    http.all('*', async ({ request }) => {
      onRequest();
      const answer = await dispatch(request);
      if (answer) return answer;
      unhandled.push({ method: request.method, url: request.url });
      return HttpResponse.json(
        { error: 'UNHANDLED_REQUEST', message: `leadsim: no simulated API answers ${request.method} ${request.url}, and nothing leaves the process. Use the endpoints the environment gives (env.salesforce.instanceUrl, env.marketo.baseUrl, env.impartner.baseUrl).` },
        { status: 501 },
      );
    }),
  );
  return {
    takeUnhandled: () => unhandled.splice(0),
    close() {
      if (active !== token) return;
      active = undefined;
      server?.close();
      server = undefined;
    },
  };
}
