/** Options of a {@link BucketMap}. */
export interface BucketMapOptions<V> {
  /** Whether two values are the same item (default `===`): adding an item again replaces it, removing finds it. */
  readonly same?: (a: V, b: V) => boolean;
  /** Keeps each bucket sorted by this order (default: insertion order). */
  readonly compare?: (a: V, b: V) => number;
  /** A bucket may hold the same item more than once (a count per item): adding appends, removing takes one. Default false. */
  readonly repeats?: boolean;
}

/**
 * A map from a key to a small bucket of values, for indexes where nearly every key holds one value (an email, an id):
 * a key with one value stores the value itself, a key with more stores an array. That costs one map entry per key,
 * where a `Map<K, Set<V>>` or `Map<K, Map<id, V>>` costs a whole collection per key (about 100–300 bytes each).
 * Values must not be arrays themselves (an array is how a bucket of several is told apart).
 * @example
 * const byEmail = new BucketMap<string, number>();
 * byEmail.add('a@x.test', 1); byEmail.add('a@x.test', 2); byEmail.get('a@x.test') // [1, 2]
 */
export class BucketMap<K, V> {
  readonly #map = new Map<K, V | V[]>();
  readonly #same: (a: V, b: V) => boolean;
  readonly #compare: ((a: V, b: V) => number) | undefined;
  readonly #repeats: boolean;

  constructor(options: BucketMapOptions<V> = {}) {
    this.#same = options.same ?? ((a, b) => a === b);
    this.#compare = options.compare;
    this.#repeats = options.repeats ?? false;
  }

  /** Adds `value` to the bucket of `key`; replaces the same item when the bucket has it (see `same`, `repeats`). */
  add(key: K, value: V): void {
    const bucket = this.#map.get(key);
    if (bucket === undefined) {
      this.#map.set(key, value);
      return;
    }
    const values = Array.isArray(bucket) ? bucket : [bucket];
    const at = this.#repeats ? -1 : values.findIndex((v) => this.#same(v, value));
    if (at >= 0) values[at] = value;
    else values.push(value);
    if (this.#compare && values.length > 1) values.sort(this.#compare);
    this.#map.set(key, values.length === 1 ? values[0]! : values);
  }

  /** Removes the item `value` names (see `same`; one of them with `repeats`) from the bucket of `key`; drops the key with its last value. */
  remove(key: K, value: V): void {
    const bucket = this.#map.get(key);
    if (bucket === undefined) return;
    if (!Array.isArray(bucket)) {
      if (this.#same(bucket, value)) this.#map.delete(key);
      return;
    }
    const at = bucket.findIndex((v) => this.#same(v, value));
    if (at < 0) return;
    bucket.splice(at, 1);
    if (bucket.length === 1) this.#map.set(key, bucket[0]!);
  }

  /** The values of `key`'s bucket (a new array, in the bucket's order); empty when there are none. */
  get(key: K): V[] {
    const bucket = this.#map.get(key);
    return bucket === undefined ? [] : Array.isArray(bucket) ? [...bucket] : [bucket];
  }

  /** Whether `key` has at least one value. */
  has(key: K): boolean {
    return this.#map.has(key);
  }

  /** Whether the bucket of `key` holds the item `value` names (see `same`). */
  holds(key: K, value: V): boolean {
    const bucket = this.#map.get(key);
    if (bucket === undefined) return false;
    return Array.isArray(bucket) ? bucket.some((v) => this.#same(v, value)) : this.#same(bucket, value);
  }

  /** Number of keys. */
  get size(): number {
    return this.#map.size;
  }

  /** Drops every key. */
  clear(): void {
    this.#map.clear();
  }
}
