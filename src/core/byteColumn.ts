import { SealedChunks } from './sealedChunks.ts';

/** Bytes per chunk: records are packed into chunks this size (a record larger than one gets a chunk of its own). */
const CHUNK = 1 << 16;
/** A position is `chunk * SPAN + offset`: exact in a double for 2^29 chunks. */
const SPAN = 2 ** 24;
const TWO_POW_32 = 2 ** 32;
/** Full chunks left open behind the one being written (recent records are read back without decoding). */
const OPEN_BEHIND = 1;

/**
 * An append-only column of byte records for many small values kept a whole run (summarized traces): each record is
 * written with {@link byte}, {@link varint} and {@link float}, then {@link commit}ted into 64 KB chunks and named by
 * its position, a number. Reading seeks to a position and reads the same sequence back. A few bytes a value and
 * nothing for the garbage collector to trace, where an object or a string per value costs tens of bytes. Chunks the
 * column has moved past are sealed (compressed, src/core/sealedChunks.ts) and decoded again when read.
 * Not re-entrant: one record is written, and one read, at a time.
 * @example
 * const column = new ByteColumn();
 * column.varint(300); const at = column.commit();
 * column.seek(at); column.readVarint() // 300
 */
export class ByteColumn {
  readonly #chunks: (Uint8Array | SealedChunks)[] = [];
  #used = 0;
  #stored = 0;
  #scratch = new Uint8Array(256);
  #length = 0;
  #bytes: Uint8Array = new Uint8Array(0);
  #chunk = 0;
  #pos = 0;
  readonly #float = new Float64Array(1);
  readonly #floatBytes = new Uint8Array(this.#float.buffer);

  /** Bytes held in chunks (the allocated size of open ones, the deflated size of sealed ones; for measuring). */
  get size(): number {
    return this.#chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  }

  /** Bytes of the records committed. */
  get stored(): number {
    return this.#stored;
  }

  /** Appends one byte (0–255) to the record being written. */
  byte(value: number): void {
    if (this.#length === this.#scratch.length) {
      const grown = new Uint8Array(this.#scratch.length * 2);
      grown.set(this.#scratch);
      this.#scratch = grown;
    }
    this.#scratch[this.#length++] = value;
  }

  /** Appends a non-negative integer up to 2^53 as 1–8 bytes, 7 bits each (small numbers take one byte). */
  varint(value: number): void {
    if (value < TWO_POW_32) {
      let n = value >>> 0;
      while (n > 0x7f) {
        this.byte((n & 0x7f) | 0x80);
        n >>>= 7;
      }
      this.byte(n);
      return;
    }
    let n = value;
    while (n > 0x7f) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }

  /** Appends a double as its 8 bytes. */
  float(value: number): void {
    this.#float[0] = value;
    for (let i = 0; i < 8; i++) this.byte(this.#floatBytes[i]!);
  }

  /** Bytes written so far into the record being written (a mark for {@link prefixLength}). */
  get written(): number {
    return this.#length;
  }

  /** Puts before the bytes written since `mark` their count (a varint), so a reader can {@link skip} them. */
  prefixLength(mark: number): void {
    const length = this.#length - mark;
    this.varint(length);
    const prefix = this.#scratch.slice(mark + length, this.#length);
    this.#scratch.copyWithin(mark + prefix.length, mark, mark + length);
    this.#scratch.set(prefix, mark);
  }

  /** Stores the record written since the last commit; returns its position. */
  commit(): number {
    const length = this.#length;
    this.#length = 0;
    if (length >= SPAN) throw new RangeError(`Failed to store a record of ${length} bytes: a record holds less than ${SPAN} bytes. Keep less in one record.`);
    let chunk = this.#chunks[this.#chunks.length - 1] as Uint8Array | undefined;
    if (chunk === undefined || this.#used + length > chunk.length) {
      this.#sealBehind();
      chunk = new Uint8Array(Math.max(CHUNK, length));
      this.#chunks.push(chunk);
      this.#used = 0;
    }
    const offset = this.#used;
    chunk.set(this.#scratch.subarray(0, length), offset);
    this.#used += length;
    this.#stored += length;
    return (this.#chunks.length - 1) * SPAN + offset;
  }

  /** Seals the chunk {@link OPEN_BEHIND} behind the last (the one being written is never sealed). */
  #sealBehind(): void {
    const index = this.#chunks.length - 1 - OPEN_BEHIND;
    const chunk = this.#chunks[index];
    if (chunk instanceof Uint8Array) this.#chunks[index] = SealedChunks.seal([chunk]);
  }

  /** Moves reading to `position` (one {@link commit} returned, or one {@link position} gave). */
  seek(position: number): void {
    const chunk = Math.floor(position / SPAN);
    this.#chunk = chunk;
    const stored = this.#chunks[chunk]!;
    this.#bytes = stored instanceof SealedChunks ? (stored.open(0) as Uint8Array) : stored;
    this.#pos = position - chunk * SPAN;
  }

  /** Where reading is, as a position to {@link seek} back to. */
  get position(): number {
    return this.#chunk * SPAN + this.#pos;
  }

  /** Skips `count` bytes. */
  skip(count: number): void {
    this.#pos += count;
  }

  readByte(): number {
    return this.#bytes[this.#pos++]!;
  }

  readVarint(): number {
    const bytes = this.#bytes;
    let b = bytes[this.#pos++]!;
    if (b < 0x80) return b;
    let n = b & 0x7f;
    let scale = 0x80;
    do {
      b = bytes[this.#pos++]!;
      n += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b >= 0x80);
    return n;
  }

  readFloat(): number {
    for (let i = 0; i < 8; i++) this.#floatBytes[i] = this.#bytes[this.#pos++]!;
    return this.#float[0]!;
  }
}
