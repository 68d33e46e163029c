import type { SimClock } from '../core/clock.ts';
import { formatPath, InputError } from '../core/errors.ts';
import type { DeliveryLog } from '../evidence/deliveryLog.ts';
import { isEntryPoint, parsePayload, type PayloadSource } from '../entrypoints/registry.ts';
import type { ReceivedEvent } from './inboundEvent.ts';
import { KeptEvents } from './keptEvents.ts';
import { ReceivedEvents, receivedEvent } from './receivedEvents.ts';
import { tooDeepPath } from '../core/jsonDepth.ts';
import { idempotencyKeyIssue, INTAKE_LIMITS } from './intakeLimits.ts';
import { payloadDifferences, type PayloadDifference } from './payloadDifferences.ts';

/** A key used again with another payload: the event the key names, and where the two payloads differ. */
export interface IdempotencyConflict {
  readonly eventId: string;
  readonly source: string;
  readonly key: string;
  /** When the event the key names was received (simulated epoch ms). */
  readonly receivedAt: number;
  readonly differences: readonly PayloadDifference[];
}

/** What the intake answered to one delivery. */
export type IntakeReceipt =
  | { readonly ok: true; readonly event: ReceivedEvent; readonly duplicate: false }
  | { readonly ok: true; readonly eventId: string; readonly duplicate: true }
  | { readonly ok: false; readonly error: InputError; readonly conflict?: IdempotencyConflict };

/** Options of {@link Intake.receive}. */
export interface ReceiveOptions extends PayloadSource {
  /** The sender's idempotency key; the intake assigns an id when absent. */
  readonly key?: string;
  /** Whose keys these are (default: the entry point): the same key from two sources names two events. */
  readonly source?: string;
  /** Simulated receive time (default: now). */
  readonly receivedAt?: number;
}

/** A delivery the intake refused at the door: kept, never silently dropped. */
export interface IntakeRefusal {
  readonly entryPoint: string;
  readonly at: number;
  readonly error: InputError;
}

/** The intake in a world snapshot. */
export interface IntakeState {
  readonly queue: readonly ReceivedEvent[];
  readonly events: ReadonlyMap<string, ReceivedEvent>;
  readonly raw: ReadonlyMap<string, unknown>;
  readonly next: number;
  readonly duplicates: number;
  readonly refused: Intake['refused'];
}

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
 * The event id of a keyed delivery: `<source>:<key>`. Ids the intake assigns (`intake-000001`) have no colon, so a
 * client's key never names an assigned id, and the same key from two sources names two events.
 */
export function keyedEventId(source: string, key: string): string {
  return `${source}:${key}`;
}

/**
 * The one intake every entry point posts to. At the door it checks the idempotency key (length, characters), the
 * payload's depth and its entry point's schema; what fails is refused with the issues and nothing is queued.
 * Accepted events get their receive time and are queued in arrival order.
 *
 * Idempotency keys are scoped to their source (the entry point by default): a delivery whose source and key were
 * received before is acknowledged and ignored when its payload is the same (webhooks are delivered at least once),
 * and refused as a conflict (IDEMPOTENCY_KEY_REUSED, naming the first event and the differences) when it is not.
 * A first delivery that was refused reserves nothing: the key can be sent again with a payload that fits.
 *
 * Every delivery is recorded in the delivery log when one is given; with `forwardRepeats`, a repeat is queued again
 * (marked `repeat`) for a pipeline that deduplicates itself, instead of being acknowledged and ignored here.
 */
export class Intake {
  readonly #clock: SimClock;
  readonly #deliveries: DeliveryLog | undefined;
  readonly #forwardRepeats: boolean;
  readonly #queue: ReceivedEvent[] = [];
  /** Every accepted event by id, with its payload as delivered: what a repeat is compared with (see KeptEvents). */
  readonly #events: KeptEvents;
  readonly #received: ReceivedEvents;
  readonly #listeners: ((event: ReceivedEvent) => void)[] = [];
  #next = 1;
  /** Deliveries ignored because their source and key had been received before with the same payload. */
  duplicates = 0;
  /** Deliveries refused at the door (bad key, too deep, payload that does not fit, key reused with another payload). */
  readonly refused: IntakeRefusal[] = [];

  constructor(clock: SimClock, options: IntakeOptions = {}) {
    this.#clock = clock;
    this.#deliveries = options.deliveries;
    this.#forwardRepeats = options.forwardRepeats ?? false;
    this.#events = new KeptEvents(this.#deliveries);
    this.#received = new ReceivedEvents(this.#events);
  }

  /** Receives one delivery of `payload` for `entryPoint`. */
  receive(entryPoint: string, payload: unknown, options: ReceiveOptions = {}): IntakeReceipt {
    if (!isEntryPoint(entryPoint)) {
      const unknown = parsePayload(entryPoint, payload, options);
      if (!unknown.ok) return this.#refuse(entryPoint, unknown.error);
    }
    const source = options.source ?? entryPoint;
    const key = options.key;
    const keyIssue = key === undefined ? undefined : idempotencyKeyIssue(key);
    if (keyIssue) return this.#refuse(entryPoint, new InputError('INVALID_IDEMPOTENCY_KEY', { action: 'receive the delivery', issues: [keyIssue], hint: 'Send a shorter key of printable ASCII characters (a UUID is 36).' }));
    const deep = tooDeepPath(payload, INTAKE_LIMITS.maxDepth);
    if (deep) {
      return this.#refuse(
        entryPoint,
        new InputError('PAYLOAD_TOO_DEEP', {
          action: `read the ${entryPoint} payload`,
          issues: [{ path: deep, message: `nested more than ${INTAKE_LIMITS.maxDepth} levels deep`, expected: `at most ${INTAKE_LIMITS.maxDepth} levels of objects and arrays` }],
          hint: 'Send the vendor payload as it is; no entry point nests that deep.',
        }),
      );
    }
    const eventId = key === undefined ? undefined : keyedEventId(source, key);
    const earlier = eventId === undefined ? undefined : this.#events.kept(eventId);
    if (earlier && eventId !== undefined && key !== undefined) {
      const differences = payloadDifferences(earlier.payload, payload);
      if (differences.length === 0) {
        this.duplicates += 1;
        const repeat = this.#deliveries?.receive({ id: eventId, entryPoint, payload, ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }) });
        if (this.#forwardRepeats) this.#queue.push({ ...receivedEvent(earlier), repeat: true, ...(repeat ? { delivery: repeat.seq } : {}) } as ReceivedEvent);
        else if (repeat) this.#deliveries!.acknowledge(repeat, 'a repeat of a delivered event: acknowledged and ignored by the intake');
        return { ok: true, eventId, duplicate: true };
      }
      const conflict: IdempotencyConflict = { eventId, source, key, receivedAt: earlier.receivedAt, differences };
      const error = new InputError('IDEMPOTENCY_KEY_REUSED', {
        action: 'receive the delivery',
        issues: differences.map((d) => ({ path: d.path, message: `differs from event ${eventId} received first with this key`, expected: d.first, got: d.now })),
        hint: `The key "${key}" from ${source} already names event ${eventId} with another payload (${differences.map((d) => formatPath(d.path)).join(', ')}). Send a new key for a new event, or the same payload to repeat a delivery.`,
      });
      return this.#refuse(entryPoint, error, conflict);
    }
    const parsed = parsePayload(entryPoint, payload, options);
    if (!parsed.ok) return this.#refuse(entryPoint, parsed.error);
    const { ok: _ok, ...valid } = parsed;
    const id = eventId ?? `intake-${String(this.#next++).padStart(6, '0')}`;
    const receivedAt = options.receivedAt ?? this.#clock.now();
    const delivery = this.#deliveries?.receive({ id, entryPoint, payload, receivedAt });
    const event = { ...valid, id, source, ...(key !== undefined ? { key } : {}), receivedAt, ...(delivery ? { delivery: delivery.seq } : {}) } as ReceivedEvent;
    this.#events.add({ ...event, payload }, delivery !== undefined);
    this.#queue.push(event);
    for (const listener of this.#listeners) listener(event);
    return { ok: true, event, duplicate: false };
  }

  /** Calls `listener` with every event the intake accepts from now on (not repeats, not refusals). */
  onAccept(listener: (event: ReceivedEvent) => void): void {
    this.#listeners.push(listener);
  }

  /** The event a source's key names, if one was accepted. */
  find(source: string, key: string): ReceivedEvent | undefined {
    return this.#received.get(keyedEventId(source, key));
  }

  /** The payload of a keyed event as it was delivered (before its schema parsed it), if the intake keeps one. */
  deliveredPayload(eventId: string): unknown {
    const kept = this.#events.kept(eventId);
    return kept?.key === undefined ? undefined : kept.payload;
  }

  /** The oldest queued event, removed from the queue; undefined when the queue is empty. */
  take(): ReceivedEvent | undefined {
    return this.#queue.shift();
  }

  /** Events received and not yet taken. */
  get pending(): number {
    return this.#queue.length;
  }

  /** The queue, the events and payloads received, and the counters, copied: for a world snapshot. */
  snapshot(): IntakeState {
    const raw = new Map<string, unknown>();
    for (const id of this.#events.keys()) {
      const kept = this.#events.kept(id)!;
      if (kept.key !== undefined) raw.set(id, kept.payload);
    }
    return { queue: [...this.#queue], events: new Map(this.#received), raw, next: this.#next, duplicates: this.duplicates, refused: [...this.refused] };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: IntakeState): void {
    this.#queue.length = 0;
    this.#queue.push(...state.queue);
    this.#events.clear();
    for (const [id, event] of state.events) this.#events.add({ ...event, id, payload: state.raw.has(id) ? state.raw.get(id) : event.payload }, false);
    this.#next = state.next;
    this.duplicates = state.duplicates;
    this.refused.length = 0;
    this.refused.push(...state.refused);
  }

  /** Every event ever accepted, by event id (each read makes the event anew from what the intake keeps). */
  get received(): ReadonlyMap<string, ReceivedEvent> {
    return this.#received;
  }

  #refuse(entryPoint: string, error: InputError, conflict?: IdempotencyConflict): IntakeReceipt {
    this.refused.push({ entryPoint, at: this.#clock.now(), error });
    return { ok: false, error, ...(conflict ? { conflict } : {}) };
  }
}
