import type { SimClock } from '../core/clock.ts';
import type { DeliveryLog } from '../evidence/deliveryLog.ts';
import type { InputError } from '../core/errors.ts';
import { parsePayload, type PayloadSource } from '../entrypoints/registry.ts';
import type { ReceivedEvent } from './inboundEvent.ts';

/** What the intake answered to one delivery. */
export type IntakeReceipt =
  | { readonly ok: true; readonly event: ReceivedEvent; readonly duplicate: false }
  | { readonly ok: true; readonly eventId: string; readonly duplicate: true }
  | { readonly ok: false; readonly error: InputError };

/** Options of the {@link Intake}. */
export interface IntakeOptions {
  /** Where every delivery is recorded (accepted ones, and repeats with how they were answered). */
  readonly deliveries?: DeliveryLog;
  /**
   * Queue a repeated delivery (an id already received) for the pipeline again, marked `repeat`, instead of
   * acknowledging and ignoring it (default false): a pipeline of yours deduplicates deliveries itself.
   */
  readonly forwardRepeats?: boolean;
}

/**
 * The one intake every entry point posts to. It validates each payload against its entry point's schema (bad
 * input is answered with the issues, never queued), stamps the receive time, and queues the event in arrival order.
 * A delivery whose id was already received is acknowledged and ignored: webhooks are delivered at least once (or,
 * with `forwardRepeats`, queued again for a pipeline that deduplicates itself).
 */
export class Intake {
  readonly #clock: SimClock;
  readonly #deliveries: DeliveryLog | undefined;
  readonly #forwardRepeats: boolean;
  readonly #queue: ReceivedEvent[] = [];
  readonly #seen = new Map<string, ReceivedEvent>();
  #next = 1;
  /** Deliveries ignored because their id had been received before. */
  duplicates = 0;
  /** Deliveries refused because the payload did not fit its entry point: kept, never silently dropped. */
  readonly refused: { readonly entryPoint: string; readonly at: number; readonly error: InputError }[] = [];

  constructor(clock: SimClock, options: IntakeOptions = {}) {
    this.#clock = clock;
    this.#deliveries = options.deliveries;
    this.#forwardRepeats = options.forwardRepeats ?? false;
  }

  /** Receives one delivery; `id` is the sender's idempotency key (one is assigned when absent). */
  receive(entryPoint: string, payload: unknown, options: { id?: string; receivedAt?: number } & PayloadSource = {}): IntakeReceipt {
    const first = options.id === undefined ? undefined : this.#seen.get(options.id);
    if (first !== undefined && !this.#forwardRepeats) {
      this.duplicates += 1;
      const repeat = this.#deliveries?.receive({ id: first.id, entryPoint, payload, ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }) });
      if (repeat) this.#deliveries!.acknowledge(repeat, 'a repeat of a delivered id: acknowledged and ignored by the intake');
      return { ok: true, eventId: first.id, duplicate: true };
    }
    const parsed = parsePayload(entryPoint, payload, options);
    if (!parsed.ok) {
      this.refused.push({ entryPoint, at: this.#clock.now(), error: parsed.error });
      return parsed;
    }
    const { ok: _ok, ...valid } = parsed;
    const id = options.id ?? `intake-${String(this.#next++).padStart(6, '0')}`;
    const receivedAt = options.receivedAt ?? this.#clock.now();
    const delivery = this.#deliveries?.receive({ id, entryPoint, payload, receivedAt });
    const event = { ...valid, id, receivedAt, ...(first !== undefined ? { repeat: true } : {}), ...(delivery ? { delivery: delivery.seq } : {}) } as ReceivedEvent;
    if (first === undefined) this.#seen.set(id, event);
    else this.duplicates += 1;
    this.#queue.push(event);
    // A forwarded repeat is new work for the pipeline (the event says it is a repeat).
    return { ok: true, event, duplicate: false };
  }

  /** The oldest queued event, removed from the queue; undefined when the queue is empty. */
  take(): ReceivedEvent | undefined {
    return this.#queue.shift();
  }

  /** Events received and not yet taken. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Every event ever accepted, by id. */
  get received(): ReadonlyMap<string, ReceivedEvent> {
    return this.#seen;
  }
}
