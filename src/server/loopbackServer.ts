import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { UNKNOWN_PATH_HEADER } from '../../mocks/unknownPath.ts';

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` (`https://` with TLS). */
  readonly origin: string;
  close(): Promise<void>;
}

/** What the server tells its observer about each request it answered. */
export interface LoopbackExchange {
  readonly request: Request;
  readonly status: number;
  /** The vendor whose catch-all answered (a path it does not know), or `none` when no handler did. */
  readonly unhandled: string | undefined;
  /** Wall-clock milliseconds the answer took. */
  readonly ms: number;
}

/** Options of {@link startLoopbackServer}. */
export interface LoopbackOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Checked before the handlers see a request: a response refuses it (see requestGate.ts), undefined lets it in. */
  readonly gate?: (request: Request) => Response | undefined;
  /** Called before each request is dispatched (e.g. to bring simulated time up to date). */
  readonly onRequest?: (request: Request) => void;
  /** Called after each request is answered. */
  readonly onExchange?: (exchange: LoopbackExchange) => void;
}

/**
 * Serves MSW handlers on a loopback port through msw's `getResponse`, for clients MSW cannot intercept (undici-
 * based ones such as the latest jsforce, other languages, Postman). Binds to 127.0.0.1 only; HTTP, or HTTPS with
 * `tls`. A request no handler matches gets a 404 naming it and the path prefixes the simulated APIs live under; a
 * vendor catch-all's answer (a path the vendor does not know) is passed on without its marker header and reported
 * as unhandled to `onExchange`; a simulated network error closes the connection.
 */
export async function startLoopbackServer(handlers: () => readonly RequestHandler[], options: LoopbackOptions = {}): Promise<LoopbackServer> {
  let origin = '';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res, origin, handlers, options).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'LEADSIM_INTERNAL', message: error instanceof Error ? error.message : String(error) }));
    });
  };
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    // Stops taking connections, lets requests already in flight finish (an intake delivery is either answered or
    // not taken), then cuts what is left after a second.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, origin: string, handlers: () => readonly RequestHandler[], options: LoopbackOptions): Promise<void> {
  const started = performance.now();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  const request = new Request(origin + (req.url ?? '/'), { method, headers, ...(body ? { body } : {}) });
  const refused = options.gate?.(request);
  if (!refused) options.onRequest?.(request);
  const response = refused ?? (await getResponse([...handlers()], request));
  const report = (status: number, unhandled: string | undefined) => options.onExchange?.({ request, status, unhandled, ms: performance.now() - started });
  if (!response) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: 'UNHANDLED_REQUEST',
        message: `No simulated API handles ${method} ${req.url}. Salesforce lives under /services and /id, Marketo under /rest and /identity, Impartner under /api and /prm, the pipeline under /intake, the admin API under /__leadsim. See the README's endpoint list.`,
      }),
    );
    report(404, 'none');
    return;
  }
  if (response.type === 'error') {
    res.destroy();
    report(0, undefined);
    return;
  }
  const unhandled = response.headers.get(UNKNOWN_PATH_HEADER) ?? undefined;
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== UNKNOWN_PATH_HEADER) outHeaders[name] = value;
  });
  res.writeHead(response.status, response.statusText, outHeaders);
  res.end(Buffer.from(await response.arrayBuffer()));
  report(response.status, unhandled);
}
