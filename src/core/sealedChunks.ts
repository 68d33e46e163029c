import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** A chunk of a column as it is written: a typed array of numbers or codes, or an array of any values. */
export type OpenChunk = Uint8Array | Uint32Array | Int32Array | Float64Array | unknown[];

type TypedChunk = Exclude<OpenChunk, unknown[]>;
type TypedArrayType = typeof Uint8Array | typeof Uint32Array | typeof Int32Array | typeof Float64Array;

/** How a chunk is laid out in a group's bytes, by code: left open, values (node:v8), or a typed array's elements. */
const OPEN = 0;
const VALUES = 1;
const TYPED: readonly TypedArrayType[] = [Uint8Array, Uint32Array, Int32Array, Float64Array];
/** Added to a typed layout's code when the elements were stored as differences from the one before. */
const DELTA = 8;

/**
 * Brotli at quality 3: on the logs' chunks (paths, field values, ids) as fast as deflate at its fastest level and
 * 11% smaller (quality 6 is 16% smaller still but takes 3 times as long, on the main thread of a run); decoding is
 * fast whatever the quality.
 */
const QUALITY = 3;

/** Bumped by {@link forgetDecodedChunks}: a group decoded under an older generation decodes again. */
let generation = 0;

/**
 * Lets go of every group's decoded chunks at once: the next read of each decodes it again (the garbage collector
 * reclaims the decoded chunks nobody else holds). For a caller that knows reads are over, and for tests of decoding.
 */
export function forgetDecodedChunks(): void {
  generation++;
}

/**
 * The chunks of several columns for the same entries (a row group), full and kept compressed (node:zlib's Brotli):
 * logs a run keeps whole repeat themselves a lot (the same paths, fields and codes, times that grow slowly, an old
 * value that was another entry's new one), so a group takes a few bytes an entry where it took tens. Numbers are
 * stored as differences from the previous one when that is exact (times, counters and links grow slowly), and their
 * bytes transposed (every first byte, then every second, …) so the compressor sees runs. Reading {@link open}s a
 * group: it is decompressed on first use and the result is held by a weak reference, so reads of nearby entries
 * decode once while the garbage collector may drop groups nobody is reading. Arrays of values go through node:v8's
 * serializer (the structured clone algorithm): values come back equal, not identical. A chunk holding a value that
 * cannot be cloned (a function, a symbol), or none, is not taken: {@link sealed} says which were.
 */
export class SealedChunks {
  #bytes: Uint8Array;
  /** Per chunk: its layout code, and the length of its part of the uncompressed bytes. */
  #layouts: Uint8Array;
  #lengths: Uint32Array;
  #decoded: WeakRef<readonly (OpenChunk | undefined)[]> | undefined;
  #generation = generation;

  private constructor(encoded: Encoded) {
    this.#bytes = encoded.bytes;
    this.#layouts = encoded.layouts;
    this.#lengths = encoded.lengths;
  }

  /**
   * The chunks compressed together (a chunk that cannot be serialized is left out: see {@link sealed}). The chunks
   * given are not kept: the group holds its bytes alone until it is read.
   */
  static seal(chunks: readonly (OpenChunk | undefined)[]): SealedChunks {
    return new SealedChunks(encode(chunks));
  }

  /** Whether chunk `index` was taken (else the caller keeps it open). */
  sealed(index: number): boolean {
    return this.#layouts[index] !== OPEN;
  }

  /** Compressed bytes held (for measuring). */
  get byteLength(): number {
    return this.#bytes.byteLength;
  }

  /** Chunk `index`, decoded again unless a recent read's result is still alive. Change it only through {@link update}. */
  open(index: number): OpenChunk {
    return this.#open()[index]!;
  }

  /** Changes values of chunk `index` (`change` gets it decoded) and compresses the group again. */
  update(index: number, change: (chunk: OpenChunk) => void): void {
    const decoded = this.#open();
    change(decoded[index]!);
    const encoded = encode(decoded);
    if (encoded.layouts.some((layout, i) => (layout === OPEN) !== (this.#layouts[i] === OPEN))) throw new TypeError('Failed to seal a chunk again: a value written to it cannot be serialized. Store data (strings, numbers, plain objects and arrays).');
    this.#bytes = encoded.bytes;
    this.#layouts = encoded.layouts;
    this.#lengths = encoded.lengths;
  }

  #open(): readonly (OpenChunk | undefined)[] {
    let decoded = this.#generation === generation ? this.#decoded?.deref() : undefined;
    if (decoded === undefined) {
      decoded = decode(this.#bytes, this.#layouts, this.#lengths);
      this.#decoded = new WeakRef(decoded);
      this.#generation = generation;
    }
    return decoded;
  }
}

interface Encoded {
  readonly bytes: Uint8Array;
  readonly layouts: Uint8Array;
  readonly lengths: Uint32Array;
}

function encode(chunks: readonly (OpenChunk | undefined)[]): Encoded {
  const parts: Uint8Array[] = [];
  const layouts = new Uint8Array(chunks.length);
  const lengths = new Uint32Array(chunks.length);
  chunks.forEach((chunk, i) => {
    let part: Uint8Array | undefined;
    if (chunk === undefined) part = undefined;
    else if (Array.isArray(chunk)) {
      try {
        part = serialize(chunk);
        layouts[i] = VALUES;
      } catch {
        part = undefined;
      }
    } else {
      const type = TYPED.indexOf(chunk.constructor as TypedArrayType);
      const deltas = differences(chunk);
      part = transpose(deltas ?? chunk);
      layouts[i] = 2 + type + (deltas ? DELTA : 0);
    }
    if (part === undefined) return;
    parts.push(part);
    lengths[i] = part.length;
  });
  const raw = Buffer.concat(parts);
  const compressed = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  // Copied out of zlib's result: a small Buffer may be a slice of a shared pool.
  return { bytes: new Uint8Array(compressed), layouts, lengths };
}

function decode(bytes: Uint8Array, layouts: Uint8Array, lengths: Uint32Array): (OpenChunk | undefined)[] {
  const raw = brotliDecompressSync(bytes);
  let at = 0;
  return Array.from(layouts, (layout, i) => {
    if (layout === OPEN) return undefined;
    const part = raw.subarray(at, (at += lengths[i]!));
    if (layout === VALUES) return deserialize(part) as unknown[];
    const type = TYPED[(layout & (DELTA - 1)) - 2]!;
    const chunk = new type(part.length / type.BYTES_PER_ELEMENT);
    untranspose(part, new Uint8Array(chunk.buffer), type.BYTES_PER_ELEMENT);
    if (layout & DELTA) prefixSums(chunk);
    return chunk;
  });
}

/**
 * The chunk as differences from the element before (the first as itself), when adding them up gives every element
 * back exactly: always for 32-bit integers (they wrap), for doubles only when every one is a whole number below 2^52.
 * Undefined for bytes (left as they are) and doubles that are not.
 */
function differences(chunk: TypedChunk): TypedChunk | undefined {
  if (chunk instanceof Uint8Array) return undefined;
  if (chunk instanceof Float64Array && !chunk.every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 52)) return undefined;
  const out = new (chunk.constructor as TypedArrayType)(chunk.length);
  let before = 0;
  for (let i = 0; i < chunk.length; i++) {
    out[i] = chunk[i]! - before;
    before = chunk[i]!;
  }
  return out;
}

function prefixSums(chunk: TypedChunk): void {
  for (let i = 1; i < chunk.length; i++) chunk[i] = chunk[i]! + chunk[i - 1]!;
}

/** The elements' bytes, every element's first byte, then every second byte, … (a shuffle, as Blosc does). */
function transpose(chunk: TypedChunk): Uint8Array {
  const size = chunk.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (size === 1) return bytes;
  const out = new Uint8Array(bytes.length);
  const count = chunk.length;
  for (let i = 0; i < count; i++) for (let b = 0; b < size; b++) out[b * count + i] = bytes[i * size + b]!;
  return out;
}

function untranspose(part: Uint8Array, into: Uint8Array, size: number): void {
  if (size === 1) {
    into.set(part);
    return;
  }
  const count = part.length / size;
  for (let i = 0; i < count; i++) for (let b = 0; b < size; b++) into[i * size + b] = part[b * count + i]!;
}
