import type { SimClock } from '../core/clock.ts';
import type { InputError } from '../core/errors.ts';
import { parsePayload, type PayloadSource } from '../entrypoints/registry.ts';
import type { ReceivedEvent } from './inboundEvent.ts';

/** What the intake answered to one delivery. */
export type IntakeReceipt =
  | { readonly ok: true; readonly event: ReceivedEvent; readonly duplicate: false }
  | { readonly ok: true; readonly eventId: string; readonly duplicate: true }
  | { readonly ok: false; readonly error: InputError };

/** The intake in a world snapshot. */
export interface IntakeState {
  readonly queue: readonly ReceivedEvent[];
  readonly seen: ReadonlyMap<string, ReceivedEvent>;
  readonly next: number;
  readonly duplicates: number;
  readonly refused: Intake['refused'];
}

/**
 * The one intake every entry point posts to. It validates each payload against its entry point's schema (bad
 * input is answered with the issues, never queued), stamps the receive time, and queues the event in arrival order.
 * A delivery whose id was already received is acknowledged and ignored: webhooks are delivered at least once.
 */
export class Intake {
  readonly #clock: SimClock;
  readonly #queue: ReceivedEvent[] = [];
  readonly #seen = new Map<string, ReceivedEvent>();
  #next = 1;
  /** Deliveries ignored because their id had been received before. */
  duplicates = 0;
  /** Deliveries refused because the payload did not fit its entry point: kept, never silently dropped. */
  readonly refused: { readonly entryPoint: string; readonly at: number; readonly error: InputError }[] = [];

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  /** Receives one delivery; `id` is the sender's idempotency key (one is assigned when absent). */
  receive(entryPoint: string, payload: unknown, options: { id?: string; receivedAt?: number } & PayloadSource = {}): IntakeReceipt {
    if (options.id !== undefined && this.#seen.has(options.id)) {
      this.duplicates += 1;
      return { ok: true, eventId: options.id, duplicate: true };
    }
    const parsed = parsePayload(entryPoint, payload, options);
    if (!parsed.ok) {
      this.refused.push({ entryPoint, at: this.#clock.now(), error: parsed.error });
      return parsed;
    }
    const { ok: _ok, ...valid } = parsed;
    const id = options.id ?? `intake-${String(this.#next++).padStart(6, '0')}`;
    const event = { ...valid, id, receivedAt: options.receivedAt ?? this.#clock.now() } as ReceivedEvent;
    this.#seen.set(id, event);
    this.#queue.push(event);
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

  /** The queue, the ids seen and the counters, copied: for a world snapshot. */
  snapshot(): IntakeState {
    return { queue: [...this.#queue], seen: new Map(this.#seen), next: this.#next, duplicates: this.duplicates, refused: [...this.refused] };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: IntakeState): void {
    this.#queue.length = 0;
    this.#queue.push(...state.queue);
    this.#seen.clear();
    for (const [id, event] of state.seen) this.#seen.set(id, event);
    this.#next = state.next;
    this.duplicates = state.duplicates;
    this.refused.length = 0;
    this.refused.push(...state.refused);
  }

  /** Every event ever accepted, by id. */
  get received(): ReadonlyMap<string, ReceivedEvent> {
    return this.#seen;
  }
}
