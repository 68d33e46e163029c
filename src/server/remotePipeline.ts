import { request as httpRequest } from 'node:http';
import { InputError } from '../core/errors.ts';
import type { DeliveryAnswer } from '../evidence/deliveryLog.ts';
import { answerOfResult } from '../pipelines/pipelineContract.ts';
import { pipelineEnv } from '../pipelines/pipelineEnv.ts';
import { answerOrFailure, contractDelivery, type PipelineUnderTest } from '../pipelines/pipelineUnderTest.ts';
import type { World } from '../world/world.ts';
import { startLoopbackServer, type LoopbackServer } from './loopbackServer.ts';

/** Options of {@link remotePipeline}. */
export interface RemotePipelineOptions {
  /** Wall-clock ms one delivery may take before it counts as failed with no answer (default 30 000). */
  readonly timeoutMs?: number;
  /** Simulated ms each request of the pipeline takes (default 40, as the reference pipeline's calls do). */
  readonly callLatencyMs?: number;
  /** The CLI options that select it again, for replay lines (default `['--pipeline-url', url]`). */
  readonly replayArgs?: readonly string[];
}

/**
 * Your pipeline in its own process, reached at `url` (`http://127.0.0.1:PORT/path`): leadsim serves the simulated
 * APIs on a loopback port (one origin for Salesforce, Marketo, Impartner) and POSTs each delivery to `url` as JSON
 * `{ id, entryPoint, payload, receivedAt, attempt, repeat, endpoints }` with an `Idempotency-Key: <id>` header.
 * A 2xx answer means done (a JSON body `{ "rejected": "reason" }` is the pipeline's rejection); any other status,
 * a refused connection or no answer within the timeout fails the delivery, which leadsim delivers again later.
 * Every property run attaches a fresh world (the reset): `endpoints.world` changes and the old data is gone.
 * @throws InputError INVALID_ARGUMENT when `url` is not an http URL on a loopback host.
 */
export function remotePipeline(url: string, options: RemotePipelineOptions = {}): PipelineUnderTest {
  const target = loopbackUrl(url);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const latency = options.callLatencyMs ?? 40;
  let current: World | undefined;
  let server: Promise<LoopbackServer> | undefined;
  let attachedCount = 0;
  return {
    label: url,
    replayArgs: options.replayArgs ?? ['--pipeline-url', url],
    async attach(world, { worldNumber }) {
      current = world;
      attachedCount += 1;
      server ??= startLoopbackServer(() => current?.handlers ?? [], { onRequest: () => current?.clock.advance(latency) });
      const { origin } = await server;
      const env = pipelineEnv(world, { salesforce: origin, marketo: origin, impartner: origin, intake: origin }, worldNumber);
      return {
        env,
        async handle(delivery) {
          const handling = world.deliveries.beginDelivery(delivery);
          const answer = await answerOrFailure(async (): Promise<DeliveryAnswer> => {
            const reply = await post(target, JSON.stringify({ ...contractDelivery(delivery, handling.attempt), endpoints: env }), delivery.id, timeoutMs);
            return reply.status >= 200 && reply.status < 300 ? answerOfResult(parseJson(reply.body)) : { kind: 'failed', error: `HTTP ${reply.status}${reply.body ? `: ${reply.body.slice(0, 200)}` : ''}` };
          });
          world.deliveries.end(handling, answer);
          return answer;
        },
        async close() {
          attachedCount -= 1;
          if (attachedCount > 0 || server === undefined) return;
          const s = server;
          server = undefined;
          current = undefined;
          await (await s).close();
        },
      };
    },
  };
}

/** POSTs JSON with node:http (not fetch: nothing in-process may intercept it), resolving with the status and body. */
function post(url: URL, body: string, key: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The pipeline's URL, checked: http on a loopback host (leadsim sends nothing off this machine). */
function loopbackUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return parsed;
  throw new InputError('INVALID_ARGUMENT', {
    action: 'use the pipeline URL',
    file: '--pipeline-url',
    issues: [{ path: [], message: parsed ? `${parsed.protocol}//${parsed.host} is not plain HTTP on this machine` : 'not a URL', expected: 'http://127.0.0.1:PORT/path (or localhost, [::1])', got: url }],
  });
}
