import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves MSW handlers on a loopback port through msw's `getResponse`, for clients MSW cannot intercept (undici-
 * based ones such as the latest jsforce, other languages, Postman). Binds to 127.0.0.1 only. A request no handler
 * matches gets a 501 naming it; a simulated network error closes the connection.
 */
export async function startLoopbackServer(handlers: () => readonly RequestHandler[], options: { port?: number } = {}): Promise<LoopbackServer> {
  let origin = '';
  const server = createServer((req, res) => {
    void handle(req, res, origin, handlers).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'LEADSIM_INTERNAL', message: error instanceof Error ? error.message : String(error) }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, origin: string, handlers: () => readonly RequestHandler[]): Promise<void> {
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
  const response = await getResponse([...handlers()], request);
  if (!response) {
    res.writeHead(501, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'UNHANDLED_REQUEST', message: `No simulated API handles ${method} ${req.url}. See the README's endpoint list.` }));
    return;
  }
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  res.writeHead(response.status, outHeaders);
  res.end(Buffer.from(await response.arrayBuffer()));
}
