/**
 * Values by integer id, for tables whose ids come from a counter starting at 1 (Marketo leads, Impartner records):
 * an array indexed by id, one slot (8 bytes) a value, where a `Map<number, V>` costs 30–60 bytes an entry. A deleted
 * value leaves a hole. Iterates in id order, which is creation order while ids come from the counter.
 * @example
 * const leads = new IdTable<string>();
 * leads.set(1, 'a'); leads.set(3, 'c'); [...leads.values()] // ['a', 'c']
 */
export class IdTable<V> {
  readonly #slots: (V | undefined)[] = [];
  #size = 0;

  /** The value with this id, or undefined (also for an id that is not a positive integer). */
  get(id: number): V | undefined {
    return Number.isSafeInteger(id) && id > 0 ? this.#slots[id] : undefined;
  }

  /** Whether a value has this id. */
  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * Stores `value` (not undefined) under `id`, replacing the one there. Throws a RangeError for an id that is not a
   * positive integer.
   */
  set(id: number, value: V): void {
    if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`Failed to store "${id}": ids are integers from 1. Store values under the ids their counter handed out.`);
    if (this.#slots[id] === undefined) this.#size++;
    this.#slots[id] = value;
  }

  /** Removes the value with this id; false when there is none. */
  delete(id: number): boolean {
    if (this.get(id) === undefined) return false;
    this.#slots[id] = undefined;
    this.#size--;
    return true;
  }

  /** Every value, in id order. */
  *values(): IterableIterator<V> {
    for (const value of this.#slots) if (value !== undefined) yield value;
  }

  /** Number of values. */
  get size(): number {
    return this.#size;
  }

  /** Removes every value. */
  clear(): void {
    this.#slots.length = 0;
    this.#size = 0;
  }
}
