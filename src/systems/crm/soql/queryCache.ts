/**
 * A small least-recently-used map: a hit moves the entry to the back, an insert past `capacity` evicts the front.
 * Map iteration order is insertion order, which makes this a few lines.
 */
export class QueryCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #capacity: number;

  /** @param capacity how many entries to keep (default 500). */
  constructor(capacity = 500) {
    this.#capacity = capacity;
  }

  /** The cached value for `key`, or undefined; marks it as recently used. */
  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Stores `value` under `key`, evicting the least recently used entry when full. */
  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  /** How many entries are cached. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries.clear();
  }
}
