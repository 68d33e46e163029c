import { CompactLog } from '../core/compactLog.ts';
import type { DeliveryLog } from '../evidence/deliveryLog.ts';
import type { KeptEvent } from './receivedEvents.ts';

/**
 * How an accepted event is stored, by column: `keyed` says the id is `<source>:<key>` (the key is read back from it),
 * `delivery` is 0 when none was recorded, `payload` is undefined when the delivery log holds it (see {@link KeptEvents}).
 */
interface StoredEvent {
  readonly entryPoint: string;
  readonly source: string;
  readonly keyed: boolean;
  readonly receivedAt: number;
  readonly delivery: number;
  readonly payload: unknown;
}

/**
 * The events the intake accepted, by id, in the order it accepted them: a map entry from id to position per event
 * and the rest by column (src/core/compactLog.ts), where an object per event cost about a hundred bytes more. The
 * payload as delivered is kept once: in the delivery log when the intake recorded the delivery there (read back
 * through its `seq`), else here. Each {@link kept} read makes the event again.
 */
export class KeptEvents {
  readonly #index = new Map<string, number>();
  readonly #log = new CompactLog<StoredEvent>({ entryPoint: 'code', source: 'code', keyed: 'code', receivedAt: 'number', delivery: 'int32', payload: 'value' });
  readonly #deliveries: DeliveryLog | undefined;

  /** @param deliveries - the log the intake records deliveries in, whose payloads it does not keep twice. */
  constructor(deliveries: DeliveryLog | undefined) {
    this.#deliveries = deliveries;
  }

  get size(): number {
    return this.#index.size;
  }

  has(id: string): boolean {
    return this.#index.has(id);
  }

  /** The ids, oldest first. */
  keys(): MapIterator<string> {
    return this.#index.keys();
  }

  /**
   * Keeps an accepted event (a keyed one's id must be `<source>:<key>`). `inDeliveryLog`: its payload is the one the
   * delivery log recorded as delivery `event.delivery`, and is read from there.
   */
  add(event: KeptEvent, inDeliveryLog: boolean): void {
    if (event.key !== undefined && event.id !== `${event.source}:${event.key}`) throw new Error(`Failed to keep event "${event.id}": a keyed event's id is "<source>:<key>" ("${event.source}:${event.key}"). This is a bug in leadsim.`);
    const byLog = inDeliveryLog && this.#deliveries !== undefined && event.delivery !== undefined;
    this.#index.set(event.id, this.#log.length);
    this.#log.append({ entryPoint: event.entryPoint, source: event.source, keyed: event.key !== undefined, receivedAt: event.receivedAt, delivery: event.delivery ?? 0, payload: byLog ? undefined : event.payload });
  }

  /** The event kept with this id, as a new object. */
  kept(id: string): KeptEvent | undefined {
    const index = this.#index.get(id);
    if (index === undefined) return undefined;
    const s = this.#log.at(index);
    const payload = s.payload === undefined && s.delivery > 0 ? this.#deliveries?.delivery(s.delivery)?.payload : s.payload;
    const key = s.keyed ? id.slice(s.source.length + 1) : undefined;
    return { entryPoint: s.entryPoint, payload, id, source: s.source, ...(key !== undefined ? { key } : {}), receivedAt: s.receivedAt, ...(s.delivery > 0 ? { delivery: s.delivery } : {}) } as KeptEvent;
  }

  /** Forgets every event. */
  clear(): void {
    this.#index.clear();
    this.#log.truncate(0);
  }
}
