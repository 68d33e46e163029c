import { BucketMap } from '../core/bucketMap.ts';

/**
 * How the pipeline answered one handling of a delivery:
 * - `done`: processed (an in-process `handle` resolved without `{ rejected }`, or a 2xx from a pipeline URL);
 * - `rejected`: the pipeline's own rejection, with its reason (`{ rejected: reason }`);
 * - `failed`: it threw, answered non-2xx or not at all: the sender will deliver it again (at-least-once);
 * - `ignored`: acknowledged without processing, as a repeat of an id already delivered (the reference pipeline's intake).
 */
export type DeliveryAnswer =
  | { readonly kind: 'done' }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'ignored'; readonly reason: string };

/** The answer of most handlings, kept once rather than once per handling. */
const DONE: DeliveryAnswer = Object.freeze({ kind: 'done' });

/** One delivery made to the pipeline: what the sender posted, with its idempotency key, as the sender logs it. */
export interface Delivery {
  /** 1, 2, 3, … in the order deliveries were made. */
  readonly seq: number;
  /** The idempotency key: the same event delivered again has the same id. */
  readonly id: string;
  readonly entryPoint: string;
  /** The vendor payload, as posted. */
  readonly payload: unknown;
  /** Simulated time the delivery was made, epoch ms. */
  readonly receivedAt: number;
  /** An earlier delivery had this id (an at-least-once sender delivering it again). */
  readonly repeat: boolean;
}

/**
 * One stretch of time in which the pipeline handled something: a delivery (each try: leadsim delivers a failed one
 * again later), or, for the reference pipeline only, a routing re-run (rule 7) or the routing after a partner
 * recall. Every request a system receives in between names the handling (`SystemRequest.handling`).
 */
export interface Handling {
  /** 1, 2, 3, … in order; requests name it. */
  readonly seq: number;
  readonly kind: 'delivery' | 'rerun' | 'recall';
  /** The delivery handled (for `kind: 'delivery'`). */
  readonly delivery: Delivery | undefined;
  /** The delivery's id, or the re-run's id. */
  readonly id: string;
  /** For a re-run or a recall: the person routed again. */
  readonly personId: string | undefined;
  /** 1 for the first handling of a delivery id, 2 for the next, … */
  readonly attempt: number;
  readonly startedAt: number;
  finishedAt: number | undefined;
  answer: DeliveryAnswer | undefined;
}

/** The delivery log in a world snapshot. */
export interface DeliveryLogState {
  readonly deliveries: readonly Delivery[];
  readonly handlings: readonly Handling[];
}

/**
 * The deliveries made to the pipeline and how it handled each: the evidence of what the pipeline was asked to do and
 * what it said. At most one handling is open at a time (`current`); deliveries are handled one after the other.
 */
export class DeliveryLog {
  readonly #now: () => number;
  readonly #deliveries: Delivery[] = [];
  readonly #handlings: Handling[] = [];
  /** The deliveries of each id, in order (one as itself, see BucketMap). */
  readonly #byId = new BucketMap<string, Delivery>();
  readonly #attempts = new Map<string, number>();
  #current: Handling | undefined;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Records a delivery as the sender makes it. */
  receive(delivery: Pick<Delivery, 'id' | 'entryPoint' | 'payload'> & { readonly receivedAt?: number }): Delivery {
    const entry: Delivery = { seq: this.#deliveries.length + 1, id: delivery.id, entryPoint: delivery.entryPoint, payload: delivery.payload, receivedAt: delivery.receivedAt ?? this.#now(), repeat: this.#byId.has(delivery.id) };
    this.#deliveries.push(entry);
    this.#byId.add(delivery.id, entry);
    return entry;
  }

  /**
   * Opens the handling of a delivery (the first one made with this id when `delivery` is an id's description; a
   * delivery nobody recorded is recorded now). Closes any handling left open.
   */
  beginDelivery(delivery: Delivery | (Pick<Delivery, 'id' | 'entryPoint' | 'payload'> & { readonly receivedAt?: number })): Handling {
    const known = 'seq' in delivery ? delivery : (this.#byId.get(delivery.id)[0] ?? this.receive(delivery));
    return this.#begin('delivery', known.id, known, undefined);
  }

  /** Opens the handling of a routing re-run or a recall (the reference pipeline's own, not a delivery). */
  beginReroute(kind: 'rerun' | 'recall', id: string, personId: string): Handling {
    return this.#begin(kind, id, undefined, personId);
  }

  /**
   * Records a delivery answered at once without processing (a repeat the intake acknowledged and ignored): a closed
   * handling that is never `current`, so a handling in progress keeps its requests.
   */
  acknowledge(delivery: Delivery, reason: string): Handling {
    const handling = this.#handling('delivery', delivery.id, delivery, undefined);
    this.end(handling, { kind: 'ignored', reason });
    return handling;
  }

  /** Closes a handling with the pipeline's answer. */
  end(handling: Handling, answer: DeliveryAnswer): void {
    handling.finishedAt = this.#now();
    handling.answer = answer.kind === 'done' ? DONE : answer;
    if (this.#current === handling) this.#current = undefined;
  }

  /** The handling open right now, if any. */
  get current(): Handling | undefined {
    return this.#current;
  }

  /** Every delivery, in order. */
  get deliveries(): readonly Delivery[] {
    return this.#deliveries;
  }

  /** Every handling, in order. */
  get handlings(): readonly Handling[] {
    return this.#handlings;
  }

  /** The deliveries and handlings so far, copied (for a world snapshot; an open handling is left out). */
  snapshot(): DeliveryLogState {
    return { deliveries: [...this.#deliveries], handlings: this.#handlings.filter((h) => h !== this.#current).map((h) => ({ ...h })) };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: DeliveryLogState): void {
    this.#deliveries.splice(0, this.#deliveries.length, ...state.deliveries);
    this.#handlings.splice(0, this.#handlings.length, ...state.handlings.map((h) => ({ ...h })));
    this.#byId.clear();
    for (const d of this.#deliveries) this.#byId.add(d.id, d);
    this.#attempts.clear();
    for (const h of this.#handlings) this.#attempts.set(h.id, h.attempt);
    this.#current = undefined;
  }

  /** The deliveries made with this id, in order. */
  deliveriesOf(id: string): readonly Delivery[] {
    return this.#byId.get(id);
  }

  #begin(kind: Handling['kind'], id: string, delivery: Delivery | undefined, personId: string | undefined): Handling {
    if (this.#current) this.end(this.#current, { kind: 'failed', error: 'left open when the next handling began' });
    const handling = this.#handling(kind, id, delivery, personId);
    this.#current = handling;
    return handling;
  }

  #handling(kind: Handling['kind'], id: string, delivery: Delivery | undefined, personId: string | undefined): Handling {
    const attempt = (this.#attempts.get(id) ?? 0) + 1;
    this.#attempts.set(id, attempt);
    const handling: Handling = { seq: this.#handlings.length + 1, kind, delivery, id, personId, attempt, startedAt: this.#now(), finishedAt: undefined, answer: undefined };
    this.#handlings.push(handling);
    return handling;
  }
}
