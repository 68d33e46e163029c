import type { ParsedPayload } from '../entrypoints/registry.ts';

/**
 * An inbound event as the intake accepted it: the payload already validated against its entry point's schema,
 * the receive time fixed by the simulated clock. `id` is unique per event: `<source>:<key>` for a delivery with an
 * idempotency key (delivering the same source and key twice changes nothing the second time), else one the intake
 * assigned (`intake-000001`, never containing a colon).
 */
export type ReceivedEvent = ParsedPayload & {
  readonly id: string;
  /** Whose idempotency keys these are: the entry point unless the sender named another source. */
  readonly source: string;
  /** The sender's idempotency key, when it sent one. */
  readonly key?: string;
  readonly receivedAt: number;
  /** An earlier delivery had this id (queued again only for a pipeline that deduplicates itself). */
  readonly repeat?: boolean;
  /** The delivery's `seq` in the world's delivery log. */
  readonly delivery?: number;
};
