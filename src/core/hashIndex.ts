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
  return (h ^ (h >>> 16)) | 0;
}

/**
 * An index of values by a key each value gives itself (an email, an external id): a hash table with linear probing
 * that stores each value and its key's 32-bit hash, never the key. That is 12 bytes a slot, at most three quarters
 * full, where a `Map` costs 28 bytes a slot at most full, plus the key whenever it is a string made for the map. A
 * key's values are told apart from other keys' by the hash, then by `keyOf`. Deletes shift the values after them back
 * (no tombstones), which keeps each key's values in the order they were filed.
 * @example
 * const byEmail = new HashIndex<{ id: number; email: string }>({ keyOf: (p) => p.email, same: (a, b) => a.id === b.id });
 * byEmail.replace(undefined, { id: 1, email: 'a@x.test' }); byEmail.get('a@x.test') // [{ id: 1, email: 'a@x.test' }]
 */
export class HashIndex<V> {
  readonly #keyOf: (value: V) => string | undefined;
  readonly #same: (a: V, b: V) => boolean;
  readonly #compare: ((a: V, b: V) => number) | undefined;
  #values: (V | undefined)[] = new Array<V | undefined>(FIRST_CAPACITY);
  #hashes = new Int32Array(FIRST_CAPACITY);
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
    const hash = hashOf(key);
    const mask = this.#values.length - 1;
    const found: V[] = [];
    for (let i = hash & mask; this.#values[i] !== undefined; i = (i + 1) & mask) {
      const value = this.#values[i]!;
      if (this.#hashes[i] === hash && this.#keyOf(value) === key) found.push(value);
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
    this.#values = new Array<V | undefined>(FIRST_CAPACITY);
    this.#hashes = new Int32Array(FIRST_CAPACITY);
    this.#size = 0;
  }

  #add(key: string, value: V): void {
    const hash = hashOf(key);
    const mask = this.#values.length - 1;
    let i = hash & mask;
    for (; this.#values[i] !== undefined; i = (i + 1) & mask) {
      if (this.#hashes[i] === hash && this.#same(this.#values[i]!, value)) {
        this.#values[i] = value;
        return;
      }
    }
    this.#values[i] = value;
    this.#hashes[i] = hash;
    this.#size++;
    if (this.#size * 4 > this.#values.length * 3) this.#grow();
  }

  #remove(key: string, value: V): void {
    const hash = hashOf(key);
    const mask = this.#values.length - 1;
    let hole = hash & mask;
    while (this.#values[hole] !== undefined && !(this.#hashes[hole] === hash && this.#same(this.#values[hole]!, value))) hole = (hole + 1) & mask;
    if (this.#values[hole] === undefined) return;
    this.#size--;
    // Shift back each later value of the run that may sit in the hole (its home slot is not between the hole and it).
    for (let j = (hole + 1) & mask; this.#values[j] !== undefined; j = (j + 1) & mask) {
      const home = this.#hashes[j]! & mask;
      if (((j - home) & mask) < ((j - hole) & mask)) continue;
      this.#values[hole] = this.#values[j];
      this.#hashes[hole] = this.#hashes[j]!;
      hole = j;
    }
    this.#values[hole] = undefined;
  }

  /** Doubles the table. Refiles from just after an empty slot, so each run (and each key's values) keeps its order. */
  #grow(): void {
    const values = this.#values;
    const hashes = this.#hashes;
    const old = values.length;
    let start = 0;
    while (values[start] !== undefined) start++;
    this.#values = new Array<V | undefined>(old * 2);
    this.#hashes = new Int32Array(old * 2);
    const mask = old * 2 - 1;
    for (let k = 1; k <= old; k++) {
      const from = (start + k) % old;
      const value = values[from];
      if (value === undefined) continue;
      let i = hashes[from]! & mask;
      while (this.#values[i] !== undefined) i = (i + 1) & mask;
      this.#values[i] = value;
      this.#hashes[i] = hashes[from]!;
    }
  }
}
