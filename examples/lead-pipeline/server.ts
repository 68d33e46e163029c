/**
 * Acme's lead pipeline as a service of its own (node:http), the way it runs behind our webhook gateway: POST a
 * delivery as JSON to /leads and it answers 200 (`{}` done, or `{ "rejected": reason }`), or 500 when it failed and
 * wants the delivery again. leadsim checks it from outside:
 *
 *   node --import tsx examples/lead-pipeline/server.ts 8787 &
 *   npx leadsim check --pipeline-url http://127.0.0.1:8787/leads --runs 50
 *
 * The first argument is the port (0 or none: any free one); the second, another module exporting `handle` to serve
 * instead (the broken variants). It prints `listening http://127.0.0.1:PORT/leads` once it accepts deliveries.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Delivery, PipelineEnv } from './src/env.ts';

type Handle = (delivery: Delivery, env: PipelineEnv) => Promise<unknown>;

const [port = '0', variant] = process.argv.slice(2);
const { handle } = (await import(variant === undefined ? './pipeline.ts' : pathToFileURL(resolve(variant)).href)) as { handle: Handle };

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/leads') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery & { endpoints: PipelineEnv };
        const answer = await handle({ id: String(req.headers['idempotency-key'] ?? body.id), entryPoint: body.entryPoint, payload: body.payload, receivedAt: body.receivedAt }, body.endpoints);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer ?? {}));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  });
});
server.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/leads\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
