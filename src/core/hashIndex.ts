/** Options of a {@link HashIndex}. */
export interface HashIndexOptions<V> {
  /** The key a value is filed under, or undefined when it is not filed; the same value must always give the same key. */
  readonly keyOf: (value: V) => string | undefined;
  /** Whether two values are the same item (default `===`): filing an item again replaces it in place. */
  readonly same?: (a: V, b: V) => boolean;
  /** The order {@link HashIndex.get} gives a key's values in (default: the order they were filed in). */
  readonly compare?: (a: V, b: V) => number;
}

/** Slots of a new or cleared index (a power of two). */
const FIRST_CAPACITY = 8;

/** FNV-1a over the UTF-16 code units, then murmur3's finalizer, so that the low bits a table uses are well mixed. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * An index of values by a key each value gives itself (an email, an external id): a hash table with linear probing
 * that stores only the values and reads each one's key back with `keyOf` when it needs it. That is 8 bytes a slot, at
 * most three quarters full, where a `Map` costs 28 bytes a slot at most full, plus the key whenever it is a string
 * made for the map. Deletes shift the values after them back (no tombstones), which keeps each key's values in the
 * order they were filed.
 * @example
 * const byEmail = new HashIndex<{ id: number; email: string }>({ keyOf: (p) => p.email, same: (a, b) => a.id === b.id });
 * byEmail.replace(undefined, { id: 1, email: 'a@x.test' }); byEmail.get('a@x.test') // [{ id: 1, email: 'a@x.test' }]
 */
export class HashIndex<V> {
  readonly #keyOf: (value: V) => string | undefined;
  readonly #same: (a: V, b: V) => boolean;
  readonly #compare: ((a: V, b: V) => number) | undefined;
  #slots: (V | undefined)[] = new Array<V | undefined>(FIRST_CAPACITY);
  #size = 0;

  constructor(options: HashIndexOptions<V>) {
    this.#keyOf = options.keyOf;
    this.#same = options.same ?? ((a, b) => a === b);
    this.#compare = options.compare;
  }

  /**
   * Follows a value replaced by another: `prev` (undefined: none) leaves the index, `next` (undefined: none) is filed
   * under its key. When both have the same key, `next` takes `prev`'s place among the key's values.
   */
  replace(prev: V | undefined, next: V | undefined): void {
    const before = prev === undefined ? undefined : this.#keyOf(prev);
    const after = next === undefined ? undefined : this.#keyOf(next);
    if (before !== undefined && (after !== before || !this.#same(prev!, next!))) this.#remove(before, prev!);
    if (after !== undefined) this.#add(after, next!);
  }

  /** The values filed under `key`, in the index's order (a new array); empty when there are none. */
  get(key: string): V[] {
    const mask = this.#slots.length - 1;
    const found: V[] = [];
    for (let i = hashOf(key) & mask; this.#slots[i] !== undefined; i = (i + 1) & mask) {
      const value = this.#slots[i]!;
      if (this.#keyOf(value) === key) found.push(value);
    }
    if (this.#compare && found.length > 1) found.sort(this.#compare);
    return found;
  }

  /** Number of values filed. */
  get size(): number {
    return this.#size;
  }

  /** Forgets every value. */
  clear(): void {
    this.#slots = new Array<V | undefined>(FIRST_CAPACITY);
    this.#size = 0;
  }

  /** The slot a value's probe starts at. */
  #home(value: V, mask: number): number {
    return hashOf(this.#keyOf(value)!) & mask;
  }

  #add(key: string, value: V): void {
    const mask = this.#slots.length - 1;
    let i = hashOf(key) & mask;
    for (; this.#slots[i] !== undefined; i = (i + 1) & mask) {
      if (this.#same(this.#slots[i]!, value)) {
        this.#slots[i] = value;
        return;
      }
    }
    this.#slots[i] = value;
    this.#size++;
    if (this.#size * 4 > this.#slots.length * 3) this.#grow();
  }

  #remove(key: string, value: V): void {
    const mask = this.#slots.length - 1;
    let hole = hashOf(key) & mask;
    while (this.#slots[hole] !== undefined && !this.#same(this.#slots[hole]!, value)) hole = (hole + 1) & mask;
    if (this.#slots[hole] === undefined) return;
    this.#size--;
    // Shift back each later value of the run that may sit in the hole (its home slot is not between the hole and it).
    for (let j = (hole + 1) & mask; this.#slots[j] !== undefined; j = (j + 1) & mask) {
      const home = this.#home(this.#slots[j]!, mask);
      if (((j - home) & mask) < ((j - hole) & mask)) continue;
      this.#slots[hole] = this.#slots[j];
      hole = j;
    }
    this.#slots[hole] = undefined;
  }

  /** Doubles the table. Refiles from just after an empty slot, so each run (and each key's values) keeps its order. */
  #grow(): void {
    const slots = this.#slots;
    const old = slots.length;
    let start = 0;
    while (slots[start] !== undefined) start++;
    this.#slots = new Array<V | undefined>(old * 2);
    const mask = old * 2 - 1;
    for (let k = 1; k <= old; k++) {
      const value = slots[(start + k) % old];
      if (value === undefined) continue;
      let i = this.#home(value, mask);
      while (this.#slots[i] !== undefined) i = (i + 1) & mask;
      this.#slots[i] = value;
    }
  }
}
