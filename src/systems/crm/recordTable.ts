import { madeIdCounter } from './ids.ts';
import type { SRecord } from './recordSource.ts';

/**
 * How far past the last slot a new record's counter may land and still be kept in the array (else: a Map). V8 turns
 * an array into a dictionary when a store lands 1,024 or more slots past its capacity; this stays below that.
 */
const MAX_GAP = 512;

/**
 * One type's stored records by Id, in insertion order. The ids the CRM makes (`makeId`: the type's prefix and a
 * counter from 1) are handed out in creation order, so the records sit in an array by their counter (8 bytes a
 * record, where a `Map` entry costs 30–60); the table turns into a Map, keeping its order, the first time a record
 * does not fit that (an id with another form, or one that would not come last).
 */
export class RecordTable {
  readonly #prefix: string;
  #byCounter: (SRecord | undefined)[] | undefined = [];
  #byId: Map<string, SRecord> | undefined;

  /** @param prefix - the type's key prefix (`00Q` for Lead). */
  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** The record with exactly this 18-character id, or undefined. */
  get(id: string): SRecord | undefined {
    if (this.#byId) return this.#byId.get(id);
    const n = madeIdCounter(this.#prefix, id);
    return n === undefined ? undefined : this.#byCounter![n];
  }

  /** Stores `record` under `id` (its Id): in place of the record with that id, else after every other. */
  set(id: string, record: SRecord): void {
    const slots = this.#byCounter;
    if (slots) {
      const n = madeIdCounter(this.#prefix, id);
      if (n !== undefined && (slots[n] !== undefined || (n >= slots.length && n <= slots.length + MAX_GAP))) {
        slots[n] = record;
        return;
      }
      this.#byId = new Map();
      for (const stored of slots) if (stored !== undefined) this.#byId.set(stored.Id, stored);
      this.#byCounter = undefined;
    }
    this.#byId!.set(id, record);
  }

  /** Removes the record with this id (a rolled-back insert). */
  delete(id: string): void {
    if (this.#byId) {
      this.#byId.delete(id);
      return;
    }
    const n = madeIdCounter(this.#prefix, id);
    if (n !== undefined) this.#byCounter![n] = undefined;
  }

  /** Every record, in insertion order. */
  *values(): IterableIterator<SRecord> {
    if (this.#byId) {
      yield* this.#byId.values();
      return;
    }
    for (const record of this.#byCounter!) if (record !== undefined) yield record;
  }

  /** Removes every record (and goes back to the array). */
  clear(): void {
    this.#byCounter = [];
    this.#byId = undefined;
  }
}
