/**
 * Salesforce record ids: a 3-character key prefix, 12 more characters, and an 18-character form that appends a
 * 3-character checksum so that ids survive case-insensitive systems. The simulator makes ids from counters, so the
 * same sequence of creates always yields the same ids.
 */

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;

/**
 * The 18-character form of a 15-character id: for each 5-character chunk, bit i is set when character i is an
 * upper-case letter, and the chunk's 5 bits pick one character of `A–Z0–5`.
 * @example to18('00QSm0000000001') // '00QSm0000000001AAC'
 */
export function to18(id15: string): string {
  if (!ID15.test(id15)) throw new RangeError(`Failed to convert id "${id15}": it is not 15 alphanumeric characters. Pass a 15-character Salesforce id.`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return id15 + suffix;
}

/** True for a well-formed 15-character id, or an 18-character id whose checksum matches its first 15 characters. */
export function isValidId(id: string): boolean {
  if (ID15.test(id)) return true;
  return ID18.test(id) && to18(id.slice(0, 15)) === id;
}

/** The 18-character form of a valid 15- or 18-character id, or undefined when `id` is not a valid id. */
export function normalizeId(id: string): string | undefined {
  if (!isValidId(id)) return undefined;
  return id.length === 15 ? to18(id) : id;
}

/** Builds the n-th id for a key prefix: `<prefix>Sm` + the counter in 10 digits, as an 18-character id. */
export function makeId(prefix: string, n: number): string {
  return to18(`${prefix}Sm${String(n).padStart(10, '0')}`);
}

/**
 * The counter `n` of an id {@link makeId} made for `prefix` (`makeId(prefix, n) === id`), or undefined for any other
 * id (another prefix, another form, a wrong checksum). Reads the characters in place: cheap enough for every lookup.
 * @example madeIdCounter('00Q', makeId('00Q', 42)) // 42
 */
export function madeIdCounter(prefix: string, id: string): number | undefined {
  if (id.length !== 18 || !id.startsWith(prefix) || prefix.length !== 3 || id.charCodeAt(3) !== 83 || id.charCodeAt(4) !== 109) return undefined;
  let n = 0;
  for (let i = 5; i < 15; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    if (id.charCodeAt(15 + chunk) !== CHECKSUM_ALPHABET.charCodeAt(bits)) return undefined;
  }
  return n;
}

/** Hands out ids per key prefix from counters that start at 1. */
export class IdFactory {
  readonly #counters = new Map<string, number>();

  /** The next 18-character id for `prefix` (e.g. `00Q`). */
  next(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return makeId(prefix, n);
  }

  /** The counters, copied (for a world snapshot). */
  snapshot(): ReadonlyMap<string, number> {
    return new Map(this.#counters);
  }

  /** Puts back counters taken by {@link snapshot}. */
  restore(counters: ReadonlyMap<string, number>): void {
    this.#counters.clear();
    for (const [prefix, n] of counters) this.#counters.set(prefix, n);
  }
}
