import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** A chunk of a column as it is written: a typed array of numbers or codes, or an array of any values. */
export type OpenChunk = Uint8Array | Uint32Array | Int32Array | Float64Array | unknown[];

type TypedArrayType = typeof Uint8Array | typeof Uint32Array | typeof Int32Array | typeof Float64Array;

/** How one chunk was laid out in the compressed bytes: a typed array's bytes, or values as node:v8 serializes them. */
type Layout = { readonly kind: 'typed'; readonly type: TypedArrayType; readonly length: number; readonly bytes: number } | { readonly kind: 'values'; readonly bytes: number } | { readonly kind: 'open' };

/**
 * Brotli at quality 6: about 15% smaller than deflate on the logs' chunks (paths, field values, ids) for about the
 * same time, and decoding stays fast whatever the quality.
 */
const QUALITY = 6;

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
 * value that was another entry's new one), so a group takes a few bytes an entry where it took tens. Reading
 * {@link open}s it: it is decompressed on first use and the result is held by a weak reference, so reads of nearby
 * entries decode once while the garbage collector may drop groups nobody is reading. Arrays of values go through
 * node:v8's serializer (the structured clone algorithm): values come back equal, not identical. A chunk holding a
 * value that cannot be cloned (a function, a symbol), or none, is not taken: {@link sealed} says which were.
 */
export class SealedChunks {
  #bytes: Uint8Array;
  #layouts: readonly Layout[];
  #decoded: WeakRef<readonly (OpenChunk | undefined)[]>;
  #generation = generation;

  private constructor(bytes: Uint8Array, layouts: readonly Layout[], chunks: readonly (OpenChunk | undefined)[]) {
    this.#bytes = bytes;
    this.#layouts = layouts;
    this.#decoded = new WeakRef(chunks);
  }

  /** The chunks compressed together (a chunk that cannot be serialized is left out: see {@link sealed}). */
  static seal(chunks: readonly (OpenChunk | undefined)[]): SealedChunks {
    const { bytes, layouts } = encode(chunks);
    return new SealedChunks(bytes, layouts, chunks.map((chunk, i) => (layouts[i]!.kind === 'open' ? undefined : chunk)));
  }

  /** Whether chunk `index` was taken (else the caller keeps it open). */
  sealed(index: number): boolean {
    return this.#layouts[index]!.kind !== 'open';
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
    const { bytes, layouts } = encode(decoded);
    if (layouts.some((layout, i) => (layout.kind === 'open') !== (this.#layouts[i]!.kind === 'open'))) throw new TypeError('Failed to seal a chunk again: a value written to it cannot be serialized. Store data (strings, numbers, plain objects and arrays).');
    this.#bytes = bytes;
    this.#layouts = layouts;
  }

  #open(): readonly (OpenChunk | undefined)[] {
    let decoded = this.#generation === generation ? this.#decoded.deref() : undefined;
    if (decoded === undefined) {
      decoded = decode(this.#bytes, this.#layouts);
      this.#decoded = new WeakRef(decoded);
      this.#generation = generation;
    }
    return decoded;
  }
}

function encode(chunks: readonly (OpenChunk | undefined)[]): { bytes: Uint8Array; layouts: Layout[] } {
  const parts: Uint8Array[] = [];
  const layouts = chunks.map((chunk): Layout => {
    if (chunk === undefined) return { kind: 'open' };
    if (!Array.isArray(chunk)) {
      parts.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      return { kind: 'typed', type: chunk.constructor as TypedArrayType, length: chunk.length, bytes: chunk.byteLength };
    }
    try {
      const bytes = serialize(chunk);
      parts.push(bytes);
      return { kind: 'values', bytes: bytes.length };
    } catch {
      return { kind: 'open' };
    }
  });
  const raw = Buffer.concat(parts);
  const compressed = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  // Copied out of zlib's result: a small Buffer may be a slice of a shared pool.
  return { bytes: new Uint8Array(compressed), layouts };
}

function decode(bytes: Uint8Array, layouts: readonly Layout[]): (OpenChunk | undefined)[] {
  const raw = brotliDecompressSync(bytes);
  let at = 0;
  return layouts.map((layout) => {
    if (layout.kind === 'open') return undefined;
    const part = raw.subarray(at, (at += layout.bytes));
    if (layout.kind === 'values') return deserialize(part) as unknown[];
    const typed = new layout.type(layout.length);
    new Uint8Array(typed.buffer).set(part);
    return typed;
  });
}
