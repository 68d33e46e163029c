import { ByteColumn } from './byteColumn.ts';

/** A token is `payload * TAGS + tag`, one varint. */
const TAGS = 8;
const CONSTANT = 0;
const INTEGER = 1;
const NEGATIVE = 2;
const FLOAT = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;
/** Constants, by payload; `undefined` is what {@link CompactJson.write} keeps of a value JSON leaves out. */
const CONSTANTS = [null, false, true, undefined] as const;
/** Integers up to this size are varints (their token stays an exact double); larger ones are 8-byte floats. */
const MAX_INTEGER = 2 ** 49;
/** Digit runs up to this long are stored as numbers; longer ones stay text. */
const MAX_DIGITS = 14;
/** How many strings with digits {@link CompactJson} remembers the tokens of (about 50 KB at most). */
const RECENT = 512;
/** Marks a digit run in a template's key (then a char for its width + 1; width 0: a number without leading zeros). */
const SLOT = '\u0000';

/**
 * A string as stored: whole when it has no digit run to take out; else the text around its runs and each run's width
 * (0: no leading zeros), `[text, width, text, …, text]`.
 */
type Template = string | readonly (string | number)[];

interface KeySet {
  readonly keys: readonly string[];
  /** A key `__proto__` must be defined, not assigned, to come back as JSON.parse gives it. */
  readonly proto: boolean;
  /** Per key, the last string written there and its tokens (a member often holds what it held in the last trace). */
  readonly last: (string | undefined)[];
  readonly lastTokens: (readonly number[] | undefined)[];
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * JSON values kept as bytes in a {@link ByteColumn}, for many similar values held a whole run (the evidence of
 * summarized traces): each value a token per node, object keys stored once per distinct key set, and strings stored
 * once per template, the text with its digit runs taken out and stored as numbers (`00QSm0000000069MAA`,
 * `turn 12, 3 eligible`), so ids and counters cost a few bytes where a string each costs tens.
 * Values read back as `JSON.parse(JSON.stringify(value))` would: a member whose value JSON leaves out is left out,
 * non-finite numbers are null, `toJSON` is used. A value JSON leaves out is kept as `undefined` at the top.
 * @example
 * const json = new CompactJson();
 * json.write({ id: '00QSm0000000069MAA' }); const at = json.column.commit();
 * json.column.seek(at); json.read() // { id: '00QSm0000000069MAA' }
 */
export class CompactJson {
  readonly column: ByteColumn;
  readonly #templates: Template[] = [];
  readonly #templateIds = new Map<string, number>();
  /** Strings holding the slot char itself are stored whole. */
  readonly #literalIds = new Map<string, number>();
  readonly #keySets: KeySet[] = [];
  /** Key set ids by first key ('' for none). */
  readonly #keySetIds = new Map<string, number[]>();
  /** A template's key as it is made (joined once, so the map keeps one flat string), and its numbers. */
  readonly #pieces: string[] = [];
  readonly #numbers: number[] = [];
  /** The tokens of strings with digits written lately (ids repeat within a trace and across traces). */
  readonly #recent = new Map<string, readonly number[]>();

  constructor(column: ByteColumn = new ByteColumn()) {
    this.column = column;
  }

  /** Appends `value` to the record being written in {@link column}. */
  write(value: unknown): void {
    switch (typeof value) {
      case 'string':
        return this.#string(value);
      case 'number':
        return this.#number(value);
      case 'boolean':
        return this.column.varint((value ? 2 : 1) * TAGS + CONSTANT);
      case 'object':
        return this.#object(value);
      case 'bigint':
        throw new TypeError('Failed to keep a value as JSON: a BigInt has no JSON form. Keep it as a string or a number.');
      default:
        return this.column.varint(3 * TAGS + CONSTANT);
    }
  }

  /** Reads the value at the column's read position (and moves past it). */
  read(): unknown {
    const column = this.column;
    const token = column.readVarint();
    const tag = token % TAGS;
    const payload = (token - tag) / TAGS;
    switch (tag) {
      case CONSTANT:
        return CONSTANTS[payload];
      case INTEGER:
        return payload;
      case NEGATIVE:
        return -payload;
      case FLOAT:
        return column.readFloat();
      case STRING:
        return this.#readString(payload);
      case ARRAY: {
        const array: unknown[] = [];
        for (let i = 0; i < payload; i++) array.push(this.read());
        return array;
      }
      default: {
        const { keys, proto } = this.#keySets[payload]!;
        const object: Record<string, unknown> = {};
        for (const key of keys) {
          if (proto && key === '__proto__') Object.defineProperty(object, key, { value: this.read(), enumerable: true, writable: true, configurable: true });
          else object[key] = this.read();
        }
        return object;
      }
    }
  }

  #number(value: number): void {
    if (!Number.isFinite(value)) return this.column.varint(CONSTANT);
    if (Number.isInteger(value) && Math.abs(value) < MAX_INTEGER) return this.column.varint(Math.abs(value) * TAGS + (value < 0 ? NEGATIVE : INTEGER));
    this.column.varint(FLOAT);
    this.column.float(value);
  }

  #object(value: object | null): void {
    const column = this.column;
    if (value === null) return column.varint(CONSTANT);
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return this.write((value as { toJSON(): unknown }).toJSON());
    if (Array.isArray(value)) {
      column.varint(value.length * TAGS + ARRAY);
      for (const item of value as unknown[]) this.write(omitted(item) ? null : item);
      return;
    }
    const fields = value as Record<string, unknown>;
    let keys = Object.keys(fields);
    if (keys.some((key) => omitted(fields[key]))) keys = keys.filter((key) => !omitted(fields[key]));
    const id = this.#keySet(keys);
    const set = this.#keySets[id]!;
    column.varint(id * TAGS + OBJECT);
    for (let i = 0; i < keys.length; i++) {
      const member = fields[keys[i]!];
      if (typeof member !== 'string') {
        this.write(member);
        continue;
      }
      let tokens = set.lastTokens[i];
      if (tokens === undefined || set.last[i] !== member) {
        tokens = this.#stringTokens(member);
        set.last[i] = member;
        set.lastTokens[i] = tokens;
      }
      for (const token of tokens) column.varint(token);
    }
  }

  /** The id of the key set `keys` (in this order); key sets are found by their first key, then compared key by key. */
  #keySet(keys: readonly string[]): number {
    const first = keys.length === 0 ? '' : keys[0]!;
    let ids = this.#keySetIds.get(first);
    if (ids === undefined) this.#keySetIds.set(first, (ids = []));
    for (const id of ids) {
      const known = this.#keySets[id]!.keys;
      if (known.length !== keys.length) continue;
      let same = true;
      for (let i = 1; same && i < keys.length; i++) same = known[i] === keys[i];
      if (same) return id;
    }
    const id = this.#keySets.push({ keys: [...keys], proto: keys.includes('__proto__'), last: [], lastTokens: [] }) - 1;
    ids.push(id);
    return id;
  }

  #string(text: string): void {
    for (const token of this.#stringTokens(text)) this.column.varint(token);
  }

  /** The tokens of a string: its template's, then the numbers of its digit runs. */
  #stringTokens(text: string): readonly number[] {
    let first = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0) return [this.#literal(text) * TAGS + STRING];
      if (first < 0 && code >= 48 && code <= 57) first = i;
    }
    if (first < 0) return [this.#template(text, text) * TAGS + STRING];
    const known = this.#recent.get(text);
    if (known !== undefined) return known;
    const pieces = this.#pieces;
    const numbers = this.#numbers;
    pieces.length = 0;
    numbers.length = 0;
    let last = 0;
    for (let i = first; i < text.length; i++) {
      if (!isDigit(text.charCodeAt(i))) continue;
      let end = i;
      let n = 0;
      for (; end < text.length && isDigit(text.charCodeAt(end)); end++) n = n * 10 + text.charCodeAt(end) - 48;
      const length = end - i;
      if (length <= MAX_DIGITS) {
        const width = length > 1 && text.charCodeAt(i) === 48 ? length : 0;
        pieces.push(text.slice(last, i), SLOT, String.fromCharCode(width + 1));
        numbers.push(n);
        last = end;
      }
      i = end - 1;
    }
    if (numbers.length === 0) return [this.#template(text, text) * TAGS + STRING];
    pieces.push(text.slice(last));
    const tokens = [this.#template(pieces.join(''), pieces) * TAGS + STRING, ...numbers];
    if (this.#recent.size >= RECENT) this.#recent.clear();
    this.#recent.set(text, tokens);
    return tokens;
  }

  /** The id of the template named `name`: `text` itself, or the pieces of a key made by {@link #string}. */
  #template(name: string, made: string | readonly string[]): number {
    let id = this.#templateIds.get(name);
    if (id === undefined) {
      let template: Template = name;
      if (typeof made !== 'string') {
        const parts: (string | number)[] = [made[0]!];
        for (let k = 1; k < made.length; k += 3) parts.push(made[k + 1]!.charCodeAt(0) - 1, made[k + 2]!);
        template = parts;
      }
      id = this.#templates.push(template) - 1;
      this.#templateIds.set(name, id);
    }
    return id;
  }

  #literal(text: string): number {
    let id = this.#literalIds.get(text);
    if (id === undefined) {
      id = this.#templates.push(text) - 1;
      this.#literalIds.set(text, id);
    }
    return id;
  }

  #readString(id: number): string {
    const template = this.#templates[id]!;
    if (typeof template === 'string') return template;
    let text = template[0] as string;
    for (let i = 1; i < template.length; i += 2) {
      const digits = String(this.column.readVarint());
      const width = template[i] as number;
      text += (width > digits.length ? digits.padStart(width, '0') : digits) + (template[i + 1] as string);
    }
    return text;
  }
}
