import { SealedChunks, type OpenChunk } from './sealedChunks.ts';

/**
 * How a column of a {@link CompactLog} stores its values:
 * - `code`: values that repeat a lot (field names, user ids, workflows), each kept once and stored as a 4-byte code;
 * - `number`: numbers (times), 8 bytes each;
 * - `int32`: whole numbers from -2^31 to 2^31 - 1 (ids, positions), 4 bytes each;
 * - `value`: anything else that is data (strings, numbers, booleans, null, plain objects and arrays), kept as it is
 *   until its chunk is sealed (see {@link CompactLog}).
 * An `optional` column leaves the key out of an entry whose value is undefined.
 */
export type ColumnKind = 'code' | 'number' | 'int32' | 'value';

/** A column's kind, and whether an undefined value leaves the key out. */
export type ColumnSpec = ColumnKind | { readonly kind: ColumnKind; readonly optional: true };

/** The columns of a log of entries of type E: one spec per key. */
export type Columns<E> = { readonly [K in keyof E]-?: ColumnSpec };

/** Entries per chunk (a power of two): {@link CHUNK_BITS} bits of an index are the offset in its chunk. */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
/** Chunks left open behind the one being written (so recent entries are read and changed without decoding). */
const OPEN_BEHIND = 0;

interface Column {
  readonly key: string;
  /** Its place among the log's columns (and in a sealed row group). */
  readonly index: number;
  readonly kind: ColumnKind;
  readonly optional: boolean;
  /** Chunks of codes, numbers or values; full ones sealed. */
  readonly chunks: (OpenChunk | SealedChunks)[];
  /** `code` columns: the distinct values, by code, and their codes. */
  readonly values: unknown[];
  readonly codes: Map<unknown, number>;
}

/**
 * An append-only log of flat records (audit trails, activity logs, request logs) stored by column in chunks of 1,024
 * entries rather than as one object per entry, nothing for the garbage collector to trace per entry. Once the log has
 * moved past a chunk, its columns are sealed together (compressed, src/core/sealedChunks.ts): a few bytes an entry where an entry
 * held tens to hundreds, decoded again when read. Entries come back as fresh objects, equal to the ones appended
 * ({@link at}, {@link slice}); changing one changes nothing in the log. {@link truncate} drops the newest entries
 * (a rolled-back transaction).
 * @example
 * const log = new CompactLog<{ field: string; at: number }>({ field: 'code', at: 'number' });
 * log.append({ field: 'Email', at: 1 }); log.at(0) // { field: 'Email', at: 1 }
 */
export class CompactLog<E extends object> {
  readonly #columns: Column[];
  #length = 0;

  constructor(columns: Columns<E>) {
    this.#columns = Object.entries(columns as Record<string, ColumnSpec>).map(([key, spec], index) => {
      const kind = typeof spec === 'string' ? spec : spec.kind;
      return { key, index, kind, optional: typeof spec !== 'string', chunks: [], values: [undefined], codes: new Map([[undefined, 0]]) };
    });
  }

  /** Number of entries. */
  get length(): number {
    return this.#length;
  }

  /** Appends an entry; returns its index. */
  append(entry: E): number {
    const index = this.#length;
    const chunk = index >>> CHUNK_BITS;
    const offset = index & (CHUNK - 1);
    if (offset === 0 && chunk > OPEN_BEHIND) this.#seal(chunk - OPEN_BEHIND - 1);
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
    const chunk = index >>> CHUNK_BITS;
    const offset = index & (CHUNK - 1);
    const entry: Record<string, unknown> = {};
    for (const column of this.#columns) {
      const stored = chunkOf(column, chunk)[offset];
      const value = column.kind === 'code' ? column.values[stored as number] : stored;
      if (value !== undefined || !column.optional) entry[column.key] = value;
    }
    return entry as E;
  }

  /** One value of the entry at `index`, without reading the others. */
  value<K extends keyof E>(index: number, key: K): E[K] {
    const column = this.#columns.find((c) => c.key === key);
    if (!column || !Number.isInteger(index) || index < 0 || index >= this.#length) throw new RangeError(`Failed to read "${String(key)}" of entry ${index} of a log of ${this.#length}: pass a column of the log and an index from 0 to ${this.#length - 1}.`);
    const stored = chunkOf(column, index >>> CHUNK_BITS)[index & (CHUNK - 1)];
    return (column.kind === 'code' ? column.values[stored as number] : stored) as E[K];
  }

  /** Changes one value of the entry at `index` (a status answered after the entry was appended). Throws RangeError outside the log. */
  set<K extends keyof E>(index: number, key: K, value: E[K]): void {
    const column = this.#columns.find((c) => c.key === key);
    if (!column || !Number.isInteger(index) || index < 0 || index >= this.#length) throw new RangeError(`Failed to set "${String(key)}" of entry ${index} of a log of ${this.#length}: pass a column of the log and an index from 0 to ${this.#length - 1}.`);
    const offset = index & (CHUNK - 1);
    const stored = column.kind === 'code' ? codeOf(column, value) : column.kind === 'int32' ? int32(column, value) : value;
    const target = column.chunks[index >>> CHUNK_BITS]!;
    if (target instanceof SealedChunks) target.update(column.index, (chunk) => (chunk[offset] = stored));
    else target[offset] = stored;
  }

  /**
   * A reader of one column: `read(index)` is {@link value}`(index, key)` without looking the column up each time
   * (for scans over many entries). Reads past the end return undefined (or 0).
   */
  reader<K extends keyof E>(key: K): (index: number) => E[K] {
    const column = this.#columns.find((c) => c.key === key);
    if (!column) throw new RangeError(`Failed to read column "${String(key)}": the log has no such column; pass one of ${this.#columns.map((c) => c.key).join(', ')}.`);
    const { chunks, values } = column;
    // The chunk read last, held while this reader is: scans read one chunk many times running.
    let lastStored: OpenChunk | SealedChunks | undefined;
    let lastChunk: OpenChunk = [];
    const read = (index: number): unknown => {
      const stored = chunks[index >>> CHUNK_BITS];
      if (stored === undefined) return undefined;
      if (stored !== lastStored) {
        lastStored = stored;
        lastChunk = stored instanceof SealedChunks ? stored.open(column.index) : stored;
      }
      return lastChunk[index & (CHUNK - 1)];
    };
    if (column.kind === 'code') return (index) => values[(read(index) as number | undefined) ?? 0] as E[K];
    return read as (index: number) => E[K];
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
      // The chunks written next are open again.
      for (let c = Math.max(0, chunks - OPEN_BEHIND - 1); c < chunks; c++) column.chunks[c] = chunkOf(column, c);
      // Values past the end are left for the next appends to overwrite; references among them are let go now.
      if (column.kind === 'value' && chunks > 0) (column.chunks[chunks - 1] as unknown[]).fill(undefined, keep & (CHUNK - 1) || CHUNK);
    }
    this.#length = keep;
  }

  /** Seals chunk `chunk` of every column as one row group (a column whose values cannot be serialized keeps it open). */
  #seal(chunk: number): void {
    const group = SealedChunks.seal(this.#columns.map((column) => column.chunks[chunk] as OpenChunk));
    for (const column of this.#columns) if (group.sealed(column.index)) column.chunks[chunk] = group;
  }
}

/** A column's chunk, opened when sealed. */
function chunkOf(column: Column, chunk: number): OpenChunk {
  const stored = column.chunks[chunk]!;
  return stored instanceof SealedChunks ? stored.open(column.index) : stored;
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
