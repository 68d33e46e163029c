import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** A chunk of a column as it is written: a typed array of numbers or codes, or an array of any values. */
export type OpenChunk = Uint8Array | Uint32Array | Int32Array | Float64Array | unknown[];

type TypedArrayType = typeof Uint8Array | typeof Uint32Array | typeof Int32Array | typeof Float64Array;

/** How the chunk was laid out before it was deflated: a typed array's bytes, or values as node:v8 serializes them. */
type Layout = { readonly kind: 'typed'; readonly type: TypedArrayType; readonly length: number } | { readonly kind: 'values' };

/**
 * A full chunk of an append-only column, kept deflated (node:zlib, raw deflate): logs a run keeps whole repeat
 * themselves a lot (the same paths, fields and codes, times that grow slowly), so a chunk takes a few bytes an
 * entry where it took tens. Reading {@link open}s it: the chunk is inflated again on first use and the result is held
 * by a weak reference, so scans over nearby entries decode once while the garbage collector may drop decoded
 * chunks nobody is reading. An array of values is sealed through node:v8's serializer (the structured clone
 * algorithm): values come back equal, not identical; {@link seal} declines a chunk holding a value it cannot
 * clone (a function, a symbol), which then stays as it is.
 */
export class SealedChunk {
  #bytes: Uint8Array;
  readonly #layout: Layout;
  #decoded: WeakRef<OpenChunk>;

  private constructor(bytes: Uint8Array, layout: Layout, decoded: OpenChunk) {
    this.#bytes = bytes;
    this.#layout = layout;
    this.#decoded = new WeakRef(decoded);
  }

  /** The chunk deflated, or undefined when its values cannot be serialized. */
  static seal(chunk: OpenChunk): SealedChunk | undefined {
    const layout = layoutOf(chunk);
    const bytes = encode(chunk, layout);
    return bytes === undefined ? undefined : new SealedChunk(bytes, layout, chunk);
  }

  /** Deflated bytes held (for measuring). */
  get byteLength(): number {
    return this.#bytes.byteLength;
  }

  /** The chunk's values (decoded again unless a recent read's result is still alive). Change it only through {@link update}. */
  open(): OpenChunk {
    const decoded = this.#decoded.deref();
    if (decoded !== undefined) return decoded;
    const fresh = decode(this.#bytes, this.#layout);
    this.#decoded = new WeakRef(fresh);
    return fresh;
  }

  /** Changes values of the chunk (`change` gets the decoded chunk) and deflates it again. */
  update(change: (chunk: OpenChunk) => void): void {
    const chunk = this.open();
    change(chunk);
    const bytes = encode(chunk, this.#layout);
    if (bytes === undefined) throw new TypeError('Failed to seal a chunk again: a value written to it cannot be serialized. Store data (strings, numbers, plain objects and arrays).');
    this.#bytes = bytes;
  }
}

function layoutOf(chunk: OpenChunk): Layout {
  if (Array.isArray(chunk)) return { kind: 'values' };
  return { kind: 'typed', type: chunk.constructor as TypedArrayType, length: chunk.length };
}

function encode(chunk: OpenChunk, layout: Layout): Uint8Array | undefined {
  let raw: Uint8Array;
  if (layout.kind === 'typed') {
    const typed = chunk as Exclude<OpenChunk, unknown[]>;
    raw = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  } else {
    try {
      raw = serialize(chunk);
    } catch {
      return undefined;
    }
  }
  // Copied out of zlib's result: a small Buffer may be a slice of a shared pool.
  return new Uint8Array(deflateRawSync(raw));
}

function decode(bytes: Uint8Array, layout: Layout): OpenChunk {
  const raw = inflateRawSync(bytes);
  if (layout.kind === 'values') return deserialize(raw) as unknown[];
  const typed = new layout.type(layout.length);
  new Uint8Array(typed.buffer).set(raw);
  return typed;
}
