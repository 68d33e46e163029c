/**
 * How a column of a {@link CompactLog} stores its values:
 * - `code`: values that repeat a lot (field names, user ids, workflows), each kept once and stored as a 4-byte code;
 * - `number`: numbers (times), 8 bytes each;
 * - `int32`: whole numbers from -2^31 to 2^31 - 1 (ids, positions), 4 bytes each;
 * - `value`: anything else, kept as it is (a reference: strings shared with the records cost nothing more).
 * An `optional` column leaves the key out of an entry whose value is undefined.
 */
export type ColumnKind = 'code' | 'number' | 'int32' | 'value';

/** A column's kind, and whether an undefined value leaves the key out. */
export type ColumnSpec = ColumnKind | { readonly kind: ColumnKind; readonly optional: true };

/** The columns of a log of entries of type E: one spec per key. */
export type Columns<E> = { readonly [K in keyof E]-?: ColumnSpec };

const CHUNK = 4096;

interface Column {
  readonly key: string;
  readonly kind: ColumnKind;
  readonly optional: boolean;
  /** Chunks of codes, numbers or values. */
  readonly chunks: (Uint32Array | Float64Array | Int32Array | unknown[])[];
  /** `code` columns: the distinct values, by code, and their codes. */
  readonly values: unknown[];
  readonly codes: Map<unknown, number>;
}

/**
 * An append-only log of flat records (audit trails, activity logs) stored by column in fixed-size chunks rather than
 * as one object per entry: about a third of the memory, and nothing for the garbage collector to trace per entry.
 * Entries come back as fresh objects, equal to the ones appended ({@link at}, {@link slice}); changing one changes
 * nothing in the log. {@link truncate} drops the newest entries (a rolled-back transaction).
 * @example
 * const log = new CompactLog<{ field: string; at: number }>({ field: 'code', at: 'number' });
 * log.append({ field: 'Email', at: 1 }); log.at(0) // { field: 'Email', at: 1 }
 */
export class CompactLog<E extends object> {
  readonly #columns: Column[];
  #length = 0;

  constructor(columns: Columns<E>) {
    this.#columns = Object.entries(columns as Record<string, ColumnSpec>).map(([key, spec]) => {
      const kind = typeof spec === 'string' ? spec : spec.kind;
      return { key, kind, optional: typeof spec !== 'string', chunks: [], values: [undefined], codes: new Map([[undefined, 0]]) };
    });
  }

  /** Number of entries. */
  get length(): number {
    return this.#length;
  }

  /** Appends an entry; returns its index. */
  append(entry: E): number {
    const index = this.#length;
    const chunk = index >>> 12;
    const offset = index & (CHUNK - 1);
    for (const column of this.#columns) {
      if (offset === 0) column.chunks.push(newChunk(column.kind));
      const value = (entry as Record<string, unknown>)[column.key];
      const target = column.chunks[chunk]!;
      if (column.kind === 'code') (target as Uint32Array)[offset] = codeOf(column, value);
      else if (column.kind === 'int32') (target as Int32Array)[offset] = int32(column, value);
      else if (column.kind === 'number') (target as Float64Array)[offset] = value as number;
      else (target as unknown[])[offset] = value;
    }
    this.#length = index + 1;
    return index;
  }

  /** The entry at `index` (0 is the oldest), as a new object. Throws RangeError outside the log. */
  at(index: number): E {
    if (!Number.isInteger(index) || index < 0 || index >= this.#length) throw new RangeError(`Failed to read entry ${index} of a log of ${this.#length}: pass an index from 0 to ${this.#length - 1}.`);
    const chunk = index >>> 12;
    const offset = index & (CHUNK - 1);
    const entry: Record<string, unknown> = {};
    for (const column of this.#columns) {
      const stored = column.chunks[chunk]![offset];
      const value = column.kind === 'code' ? column.values[stored as number] : stored;
      if (value !== undefined || !column.optional) entry[column.key] = value;
    }
    return entry as E;
  }

  /** One value of the entry at `index`, without reading the others. */
  value<K extends keyof E>(index: number, key: K): E[K] {
    const column = this.#columns.find((c) => c.key === key);
    if (!column || !Number.isInteger(index) || index < 0 || index >= this.#length) throw new RangeError(`Failed to read "${String(key)}" of entry ${index} of a log of ${this.#length}: pass a column of the log and an index from 0 to ${this.#length - 1}.`);
    const stored = column.chunks[index >>> 12]![index & (CHUNK - 1)];
    return (column.kind === 'code' ? column.values[stored as number] : stored) as E[K];
  }

  /** Changes one value of the entry at `index` (a status answered after the entry was appended). Throws RangeError outside the log. */
  set<K extends keyof E>(index: number, key: K, value: E[K]): void {
    const column = this.#columns.find((c) => c.key === key);
    if (!column || !Number.isInteger(index) || index < 0 || index >= this.#length) throw new RangeError(`Failed to set "${String(key)}" of entry ${index} of a log of ${this.#length}: pass a column of the log and an index from 0 to ${this.#length - 1}.`);
    const target = column.chunks[index >>> 12]!;
    const offset = index & (CHUNK - 1);
    if (column.kind === 'code') (target as Uint32Array)[offset] = codeOf(column, value);
    else if (column.kind === 'int32') (target as Int32Array)[offset] = int32(column, value);
    else if (column.kind === 'number') (target as Float64Array)[offset] = value as number;
    else (target as unknown[])[offset] = value;
  }

  /**
   * A reader of one column: `read(index)` is {@link value}`(index, key)` without looking the column up each time
   * (for scans over many entries). Reads past the end return undefined (or 0).
   */
  reader<K extends keyof E>(key: K): (index: number) => E[K] {
    const column = this.#columns.find((c) => c.key === key);
    if (!column) throw new RangeError(`Failed to read column "${String(key)}": the log has no such column; pass one of ${this.#columns.map((c) => c.key).join(', ')}.`);
    const { chunks, values } = column;
    if (column.kind === 'code') return (index) => values[(chunks[index >>> 12] as Uint32Array | undefined)?.[index & (CHUNK - 1)] ?? 0] as E[K];
    return (index) => (chunks[index >>> 12] as unknown[] | undefined)?.[index & (CHUNK - 1)] as E[K];
  }

  /** Entries `start` (inclusive) to `end` (exclusive), oldest first, as new objects. */
  slice(start = 0, end = this.#length): E[] {
    const out: E[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.#length); i++) out.push(this.at(i));
    return out;
  }

  /** Drops every entry after the first `length` (the newest first). */
  truncate(length: number): void {
    if (length >= this.#length) return;
    const keep = Math.max(0, length);
    const chunks = Math.ceil(keep / CHUNK);
    for (const column of this.#columns) {
      column.chunks.length = chunks;
      // Values past the end are left for the next appends to overwrite; references among them are let go now.
      if (column.kind === 'value' && chunks > 0) (column.chunks[chunks - 1] as unknown[]).fill(undefined, keep & (CHUNK - 1) || CHUNK);
    }
    this.#length = keep;
  }
}

function newChunk(kind: ColumnKind): Column['chunks'][number] {
  switch (kind) {
    case 'code':
      return new Uint32Array(CHUNK);
    case 'number':
      return new Float64Array(CHUNK);
    case 'int32':
      return new Int32Array(CHUNK);
    case 'value':
      return new Array<unknown>(CHUNK);
  }
}

function int32(column: Column, value: unknown): number {
  if (typeof value !== 'number' || (value | 0) !== value) throw new RangeError(`Failed to append "${column.key}" ${String(value)} to a log: the column holds whole numbers from -2147483648 to 2147483647. Declare the column 'number' or 'value'.`);
  return value;
}

function codeOf(column: Column, value: unknown): number {
  let code = column.codes.get(value);
  if (code === undefined) {
    code = column.values.length;
    column.values.push(value);
    column.codes.set(value, code);
  }
  return code;
}
