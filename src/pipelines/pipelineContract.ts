import type { DeliveryAnswer } from '../evidence/deliveryLog.ts';

/**
 * One delivery, as your pipeline receives it (in process, the first argument of `handle`; out of process, the JSON
 * body of the POST):
 * - `id`: the idempotency key. A repeat of the same event (an at-least-once sender) has the same id: deliver it
 *   twice and nothing may change the second time. Ids never repeat across fresh worlds.
 * - `entryPoint`: `web-form`, `chat`, `ad-vendor`, `list-upload`, `sales-created`, `partner-portal`, `trial-sign-up`.
 * - `payload`: the vendor payload, as the vendor posted it (README, "Test your own pipeline": the payload of each
 *   entry point).
 * - `receivedAt`: when it was delivered, ISO-8601 in simulated time (`2026-01-05T09:01:00.000Z`).
 * - `attempt`: 1, or more when leadsim delivers again one your pipeline failed (threw, non-2xx, no answer).
 * - `repeat`: true when an earlier delivery had this id.
 */
export interface PipelineDelivery {
  readonly id: string;
  readonly entryPoint: string;
  readonly payload: unknown;
  readonly receivedAt: string;
  readonly attempt: number;
  readonly repeat: boolean;
}

/**
 * Where the simulated systems answer and how to authenticate: the same object `leadsim serve` prints on its first
 * stdout line. In process the origins are the simulated vendors' own hosts, intercepted (nothing leaves the
 * process); out of process they are the loopback server's. `world` changes with every fresh world (each property
 * run): key any cache you keep across deliveries by it.
 */
export interface PipelineEnv {
  readonly salesforce: { readonly instanceUrl: string; readonly loginUrl: string; readonly accessToken: string; readonly version: string; readonly username: string };
  readonly marketo: { readonly baseUrl: string; readonly identityUrl: string; readonly clientId: string; readonly clientSecret: string };
  readonly impartner: { readonly baseUrl: string; readonly apiKey: string; readonly tenantId: string };
  readonly intake: { readonly url: string };
  readonly seed: number;
  readonly world: number;
}

/**
 * What `handle` may return: nothing (or anything without `rejected`) means done with this delivery;
 * `{ rejected: reason }` is the pipeline's own rejection (bad input, spam, a domain it refuses), with its reason.
 * Throwing means failed: leadsim delivers the event again later, as an at-least-once sender does.
 */
export type PipelineResult = void | undefined | null | { readonly rejected?: unknown; readonly reason?: unknown } | Readonly<Record<string, unknown>>;

/** Your pipeline in process: an async function of one delivery and the environment. */
export type PipelineHandle = (delivery: PipelineDelivery, env: PipelineEnv) => PipelineResult | Promise<PipelineResult>;

/** A pipeline module: it exports `handle` (or a default export that is one, or has one). */
export interface PipelineModule {
  readonly handle: PipelineHandle;
}

/** How leadsim reads what `handle` returned (or what a pipeline URL answered) as the delivery's answer. */
export function answerOfResult(result: unknown): DeliveryAnswer {
  if (result === null || typeof result !== 'object' || !('rejected' in result)) return { kind: 'done' };
  const { rejected, reason } = result as { rejected?: unknown; reason?: unknown };
  if (rejected === undefined || rejected === false || rejected === null) return { kind: 'done' };
  const text = typeof rejected === 'string' ? rejected : typeof reason === 'string' ? reason : rejected === true ? '' : JSON.stringify(rejected);
  return { kind: 'rejected', reason: text };
}
