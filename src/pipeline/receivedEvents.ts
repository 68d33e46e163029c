import { parsePayload } from '../entrypoints/registry.ts';
import type { ReceivedEvent } from './inboundEvent.ts';
import type { KeptEvents } from './keptEvents.ts';

/**
 * An accepted event as the intake keeps it: the event with its payload as it was delivered (the schemas only validate
 * and strip, so parsing it again gives the parsed payload back; a restored event keeps the parsed one, which parses
 * to itself). The parsed copy is not kept beside it: a month of traffic would hold every payload twice.
 */
export type KeptEvent = Omit<ReceivedEvent, 'payload'> & { readonly payload: unknown };

/** The event a kept one stands for: its payload parsed again by its entry point's schema. */
export function receivedEvent(kept: KeptEvent): ReceivedEvent {
  const parsed = parsePayload(kept.entryPoint, kept.payload);
  if (!parsed.ok) throw new Error(`Failed to read event "${kept.id}": its payload no longer fits the ${kept.entryPoint} schema (${parsed.error.message}). This is a bug in leadsim.`);
  return { ...kept, payload: parsed.payload } as ReceivedEvent;
}

/**
 * Every event the intake accepted, by event id, read as a map: each read makes the {@link ReceivedEvent} (a new
 * object each time, equal to the one the intake queued) from what the intake keeps.
 */
export class ReceivedEvents implements ReadonlyMap<string, ReceivedEvent> {
  readonly #kept: KeptEvents;

  constructor(kept: KeptEvents) {
    this.#kept = kept;
  }

  get size(): number {
    return this.#kept.size;
  }

  get(id: string): ReceivedEvent | undefined {
    const kept = this.#kept.kept(id);
    return kept === undefined ? undefined : receivedEvent(kept);
  }

  has(id: string): boolean {
    return this.#kept.has(id);
  }

  keys(): MapIterator<string> {
    return this.#kept.keys();
  }

  *values(): MapIterator<ReceivedEvent> {
    for (const id of this.#kept.keys()) yield receivedEvent(this.#kept.kept(id)!);
  }

  *entries(): MapIterator<[string, ReceivedEvent]> {
    for (const id of this.#kept.keys()) yield [id, receivedEvent(this.#kept.kept(id)!)];
  }

  [Symbol.iterator](): MapIterator<[string, ReceivedEvent]> {
    return this.entries();
  }

  forEach(callback: (event: ReceivedEvent, id: string, map: ReadonlyMap<string, ReceivedEvent>) => void, thisArg?: unknown): void {
    for (const [id, event] of this.entries()) callback.call(thisArg, event, id, this);
  }
}
