import { CompactLog } from '../core/compactLog.ts';

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

/** How the log stores a delivery: by column (src/core/compactLog.ts). */
interface StoredDelivery {
  readonly id: string;
  readonly entryPoint: string;
  readonly payload: unknown;
  readonly receivedAt: number;
  /** The seq of the previous delivery made with this id, 0 for the first (a delivery is a repeat when it is not 0). */
  readonly previous: number;
}

/** How the log stores a handling: `delivery` 0 for none, `finishedAt` NaN while open. */
interface StoredHandling {
  readonly kind: Handling['kind'];
  readonly delivery: number;
  readonly id: string;
  readonly personId: string | undefined;
  readonly attempt: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly answer: DeliveryAnswer | undefined;
}

/** What the log knows of one id (a delivery's or a re-routing's): its first and last delivery (0 for none) and its handlings so far. */
interface StoredId {
  readonly first: number;
  readonly last: number;
  readonly handlings: number;
}

/**
 * The deliveries made to the pipeline and how it handled each: the evidence of what the pipeline was asked to do and
 * what it said. At most one handling is open at a time (`current`); deliveries are handled one after the other.
 *
 * Deliveries and handlings are stored by column (src/core/compactLog.ts), a month of traffic being a few hundred
 * thousand of each: every read ({@link delivery}, {@link handling}, {@link deliveries}, {@link handlings}) makes plain
 * objects again, equal to what was recorded, except the open handling, which is the live object its `begin…` returned.
 */
export class DeliveryLog {
  readonly #now: () => number;
  readonly #deliveries = new CompactLog<StoredDelivery>({ id: 'value', entryPoint: 'code', payload: 'value', receivedAt: 'number', previous: 'int32' });
  readonly #handlings = new CompactLog<StoredHandling>({ kind: 'code', delivery: 'int32', id: 'value', personId: 'code', attempt: 'int32', startedAt: 'number', finishedAt: 'number', answer: 'value' });
  /** Each id's index in {@link #ids}, in the order the ids were first seen. */
  readonly #idIndex = new Map<string, number>();
  readonly #ids = new CompactLog<StoredId>({ first: 'int32', last: 'int32', handlings: 'int32' });
  #current: Handling | undefined;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Records a delivery as the sender makes it. */
  receive(delivery: Pick<Delivery, 'id' | 'entryPoint' | 'payload'> & { readonly receivedAt?: number }): Delivery {
    const seq = this.#deliveries.length + 1;
    const { id, entryPoint, payload } = delivery;
    const receivedAt = delivery.receivedAt ?? this.#now();
    const known = this.#idIndex.get(id);
    const previous = known === undefined ? 0 : this.#ids.value(known, 'last');
    this.#deliveries.append({ id, entryPoint, payload, receivedAt, previous });
    if (known === undefined) this.#addId(id, seq, 0);
    else {
      if (previous === 0) this.#ids.set(known, 'first', seq);
      this.#ids.set(known, 'last', seq);
    }
    return { seq, id, entryPoint, payload, receivedAt, repeat: previous > 0 };
  }

  /**
   * Opens the handling of a delivery (the first one made with this id when `delivery` is an id's description; a
   * delivery nobody recorded is recorded now). Closes any handling left open.
   */
  beginDelivery(delivery: Delivery | (Pick<Delivery, 'id' | 'entryPoint' | 'payload'> & { readonly receivedAt?: number })): Handling {
    const known = 'seq' in delivery ? delivery : (this.#firstDelivery(delivery.id) ?? this.receive(delivery));
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

  /** Closes a handling with the pipeline's answer (the one its `begin…` returned, or one read back with the same `seq`). */
  end(handling: Handling, answer: DeliveryAnswer): void {
    handling.finishedAt = this.#now();
    handling.answer = answer.kind === 'done' ? DONE : answer;
    this.#handlings.set(handling.seq - 1, 'finishedAt', handling.finishedAt);
    this.#handlings.set(handling.seq - 1, 'answer', handling.answer);
    if (this.#current?.seq === handling.seq) this.#current = undefined;
  }

  /** The handling open right now, if any. */
  get current(): Handling | undefined {
    return this.#current;
  }

  /** Number of deliveries so far (the last one's `seq`). */
  get deliveryCount(): number {
    return this.#deliveries.length;
  }

  /** Number of handlings so far (the last one's `seq`). */
  get handlingCount(): number {
    return this.#handlings.length;
  }

  /** The delivery with this `seq` (1 is the first), as a new object; undefined outside the log. */
  delivery(seq: number): Delivery | undefined {
    if (!Number.isInteger(seq) || seq < 1 || seq > this.#deliveries.length) return undefined;
    const d = this.#deliveries.at(seq - 1);
    return { seq, id: d.id, entryPoint: d.entryPoint, payload: d.payload, receivedAt: d.receivedAt, repeat: d.previous > 0 };
  }

  /** The handling with this `seq` (1 is the first): the open one itself, any other as a new object; undefined outside the log. */
  handling(seq: number): Handling | undefined {
    if (!Number.isInteger(seq) || seq < 1 || seq > this.#handlings.length) return undefined;
    if (this.#current?.seq === seq) return this.#current;
    const h = this.#handlings.at(seq - 1);
    return { seq, kind: h.kind, delivery: h.delivery > 0 ? this.delivery(h.delivery) : undefined, id: h.id, personId: h.personId, attempt: h.attempt, startedAt: h.startedAt, finishedAt: Number.isNaN(h.finishedAt) ? undefined : h.finishedAt, answer: h.answer };
  }

  /** Every delivery, in order (new objects each read: to scan, prefer {@link deliveryCount} and {@link delivery}). */
  get deliveries(): readonly Delivery[] {
    const out: Delivery[] = [];
    for (let seq = 1; seq <= this.#deliveries.length; seq++) out.push(this.delivery(seq)!);
    return out;
  }

  /** Every handling, in order (new objects each read but the open one: to scan, prefer {@link handlingCount} and {@link handling}). */
  get handlings(): readonly Handling[] {
    return this.handlingsAfter(0);
  }

  /** The handlings after the first `count`, in order (as {@link handlings} reads them). */
  handlingsAfter(count: number): Handling[] {
    const out: Handling[] = [];
    for (let seq = Math.max(0, count) + 1; seq <= this.#handlings.length; seq++) out.push(this.handling(seq)!);
    return out;
  }

  /**
   * The deliveries and handlings so far, copied (for a world snapshot). An open handling is left out: restored, the
   * handlings after it (repeats acknowledged while it ran) take the seqs that follow.
   */
  snapshot(): DeliveryLogState {
    return { deliveries: this.deliveries, handlings: this.handlings.filter((h) => h !== this.#current) };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: DeliveryLogState): void {
    this.#deliveries.truncate(0);
    this.#handlings.truncate(0);
    this.#ids.truncate(0);
    this.#idIndex.clear();
    this.#current = undefined;
    for (const d of state.deliveries) this.receive(d);
    for (const h of state.handlings) {
      this.#handlings.append({ kind: h.kind, delivery: h.delivery?.seq ?? 0, id: h.id, personId: h.personId, attempt: h.attempt, startedAt: h.startedAt, finishedAt: h.finishedAt ?? Number.NaN, answer: h.answer });
      const known = this.#idIndex.get(h.id);
      if (known === undefined) this.#addId(h.id, 0, h.attempt);
      else this.#ids.set(known, 'handlings', h.attempt);
    }
  }

  /** The deliveries made with this id, in order. */
  deliveriesOf(id: string): readonly Delivery[] {
    const known = this.#idIndex.get(id);
    const out: Delivery[] = [];
    for (let seq = known === undefined ? 0 : this.#ids.value(known, 'last'); seq > 0; seq = this.#deliveries.value(seq - 1, 'previous')) out.push(this.delivery(seq)!);
    return out.reverse();
  }

  #firstDelivery(id: string): Delivery | undefined {
    const known = this.#idIndex.get(id);
    return known === undefined ? undefined : this.delivery(this.#ids.value(known, 'first'));
  }

  #addId(id: string, delivery: number, handlings: number): void {
    this.#idIndex.set(id, this.#ids.length);
    this.#ids.append({ first: delivery, last: delivery, handlings });
  }

  #begin(kind: Handling['kind'], id: string, delivery: Delivery | undefined, personId: string | undefined): Handling {
    if (this.#current) this.end(this.#current, { kind: 'failed', error: 'left open when the next handling began' });
    const handling = this.#handling(kind, id, delivery, personId);
    this.#current = handling;
    return handling;
  }

  #handling(kind: Handling['kind'], id: string, delivery: Delivery | undefined, personId: string | undefined): Handling {
    let known = this.#idIndex.get(id);
    if (known === undefined) {
      known = this.#ids.length;
      this.#addId(id, 0, 0);
    }
    const attempt = this.#ids.value(known, 'handlings') + 1;
    this.#ids.set(known, 'handlings', attempt);
    const startedAt = this.#now();
    this.#handlings.append({ kind, delivery: delivery?.seq ?? 0, id, personId, attempt, startedAt, finishedAt: Number.NaN, answer: undefined });
    return { seq: this.#handlings.length, kind, delivery, id, personId, attempt, startedAt, finishedAt: undefined, answer: undefined };
  }
}
