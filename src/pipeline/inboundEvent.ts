import type { ParsedPayload } from '../entrypoints/registry.ts';

/**
 * An inbound event as the intake accepted it: the payload already validated against its entry point's schema,
 * the receive time fixed by the simulated clock. `id` is the delivery's idempotency key: delivering the same id
 * twice changes nothing the second time.
 */
export type ReceivedEvent = ParsedPayload & {
  readonly id: string;
  readonly receivedAt: number;
  /** An earlier delivery had this id (queued again only for a pipeline that deduplicates itself). */
  readonly repeat?: boolean;
  /** The delivery's `seq` in the world's delivery log. */
  readonly delivery?: number;
};
