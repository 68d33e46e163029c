import { delegateToReal } from './delegateToReal.ts';

/** A header name (an HTTP token) and value (no NUL, CR or LF), as the Fetch standard accepts them. */
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\0\r\n]/;
/** HTTP whitespace around a value, which `Headers` strips (https://fetch.spec.whatwg.org/#concept-header-value-normalize). */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** Valid header names seen, lower-cased: a client sends the same few names on every call. */
const names = new Map<string, string>();

function lowerCaseName(name: string): string {
  let lower = names.get(name);
  if (lower === undefined) {
    if (!NAME.test(name)) throw new TypeError(`Headers.append: "${name}" is an invalid header name.`);
    lower = name.toLowerCase();
    if (names.size < 1000) names.set(name, lower);
  }
  return lower;
}

/**
 * What `new Headers(init)` would be for the headers a client sets on an in-process request, answering `get` and
 * `has` from a plain map and building the real Headers only when anything else is asked of it (iteration, `set`,
 * …); from then on every call reads the real one, so a change made through it is seen by `get` too.
 */
class LazyHeaders {
  readonly #init: Readonly<Record<string, string>>;
  readonly #byName = new Map<string, string>();
  #real: Headers | undefined;

  constructor(init: Readonly<Record<string, string>>) {
    this.#init = init;
    for (const name of Object.keys(init)) {
      const raw = init[name] as string;
      const value = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.replace(EDGE_WHITESPACE, '') : raw;
      if (BAD_VALUE.test(value)) throw new TypeError(`Headers.append: "${value}" is an invalid header value.`);
      const lower = lowerCaseName(name);
      const before = this.#byName.get(lower);
      this.#byName.set(lower, before === undefined ? value : `${before}, ${value}`);
    }
  }

  get(name: string): string | null {
    if (this.#real) return this.#real.get(name);
    return this.#byName.get(String(name).toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    if (this.#real) return this.#real.has(name);
    return this.#byName.has(String(name).toLowerCase());
  }

  static real(headers: LazyHeaders): Headers {
    return (headers.#real ??= new Headers(headers.#init));
  }
}
delegateToReal(LazyHeaders, Headers, (headers) => LazyHeaders.real(headers as LazyHeaders));

/**
 * Headers for `init` (a record), with `get` and `has` answered without building undici's Headers; anything else
 * builds it. Throws TypeError as `new Headers` does for an invalid name or value.
 */
export function lazyHeaders(init: Readonly<Record<string, string>>): Headers {
  return new LazyHeaders(init) as unknown as Headers;
}
