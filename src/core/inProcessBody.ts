/**
 * JSON bodies carried beside Requests and Responses that never leave the process (the `dispatch` transport): the
 * value itself travels with the message, so neither side serializes JSON text and parses it back, and no body stream
 * is built (a Request or Response with a body costs a ReadableStream, its transfer machinery and a read). A carried
 * message has no body of its own: whoever reads it reads the carried value ({@link carriedJson}, {@link readJsonBody},
 * {@link bodyText}). Handlers made with mocks/inProcessHttp.ts turn a carried answer into an ordinary Response with
 * its JSON text for everyone else (msw's interception, `getResponse`, the loopback server), so the bytes are the same.
 */

import { delegateToReal } from './delegateToReal.ts';
import { lazyHeaders } from './lazyHeaders.ts';

interface Carried {
  readonly value: unknown;
  /** The JSON text, once someone needed it. */
  text: string | undefined;
  /** The value as `JSON.parse(text)` would give it: the value itself when it is JSON-clean. */
  parsed: { readonly value: unknown } | undefined;
}

const carried = new WeakMap<Request | Response, Carried>();
/** Real Requests whose sender reads carried answers (the dispatch engine leaves their answers carried). */
const readers = new WeakSet<Request>();

/** Methods the Fetch standard upper-cases; any other keeps its case (https://fetch.spec.whatwg.org/#concept-method-normalize). */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

type HeaderInit = Readonly<Record<string, string>>;

/**
 * What `new Request(url, {method, headers})` with a carried body would be, built lazily: the URL parsed once (kept
 * for the readers on the hot path, {@link requestUrl}), the headers read from a plain map until more is asked of them
 * (src/core/lazyHeaders.ts), and the real Request (and its AbortSignal) only when a reader asks for a member this
 * does not define ({@link delegateToReal}).
 */
class CarriedRequest {
  readonly url: string;
  readonly method: string;
  readonly parsedUrl: URL;
  readonly entry: Carried | undefined;
  readonly #headers: Headers;
  #real: Request | undefined;

  constructor(url: string | URL, method: string, headers: HeaderInit | undefined, entry: Carried | undefined) {
    const upper = method.toUpperCase();
    if (!METHOD_TOKEN.test(method) || FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
    this.parsedUrl = new URL(url);
    if (this.parsedUrl.username !== '' || this.parsedUrl.password !== '') throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${this.parsedUrl.href}`);
    this.url = this.parsedUrl.href;
    this.method = NORMALIZED_METHODS.has(upper) ? upper : method;
    this.#headers = lazyHeaders(headers ?? {});
    this.entry = entry;
  }

  /** The headers (src/core/lazyHeaders.ts); once the real Request exists, its own (a copy made from these). */
  get headers(): Headers {
    return this.#real?.headers ?? this.#headers;
  }

  clone(): Request {
    return new CarriedRequest(this.parsedUrl, this.method, Object.fromEntries(this.headers), this.entry) as unknown as Request;
  }

  /** The real Request this stands for: body-less, carrying the same value, read the same way. */
  static real(request: CarriedRequest): Request {
    if (!request.#real) {
      const real = new Request(request.url, { method: request.method, headers: request.#headers });
      if (request.entry) carried.set(real, request.entry);
      readers.add(real);
      request.#real = real;
    }
    return request.#real;
  }
}
delegateToReal(CarriedRequest, Request, (request) => CarriedRequest.real(request as CarriedRequest));

/**
 * What `new Response(null, {status, statusText, headers})` carrying a JSON value would be, built lazily: the JSON
 * text (for `Content-Length`) and the Headers only when someone reads the headers, the real Response only when a
 * reader asks for a member this does not define ({@link delegateToReal}).
 */
class CarriedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly type = 'default';
  readonly url = '';
  readonly redirected = false;
  readonly entry: Carried | undefined;
  readonly #headerInit: HeaderInit;
  #headers: Headers | undefined;
  #real: Response | undefined;

  constructor(status: number, statusText: string, headers: HeaderInit, entry: Carried | undefined) {
    this.status = status;
    this.statusText = statusText;
    this.ok = status >= 200 && status <= 299;
    this.#headerInit = headers;
    this.entry = entry;
  }

  get headers(): Headers {
    if (this.#real) return this.#real.headers;
    if (!this.#headers) {
      const entry = this.entry;
      this.#headers = new Headers(entry ? { 'Content-Type': 'application/json', ...this.#headerInit, 'Content-Length': String(utf8Length(textOf(entry))) } : this.#headerInit);
    }
    return this.#headers;
  }

  /** The real Response this stands for: body-less, carrying the same value. */
  static real(response: CarriedResponse): Response {
    if (!response.#real) {
      const real = new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
      if (response.entry) carried.set(real, response.entry);
      response.#real = real;
    }
    return response.#real;
  }
}
delegateToReal(CarriedResponse, Response, (response) => CarriedResponse.real(response as CarriedResponse));

function entryOf(message: Request | Response): Carried | undefined {
  if (message instanceof CarriedRequest || message instanceof CarriedResponse) return message.entry;
  return carried.get(message);
}

const NON_ASCII = /[^\x00-\x7f]/;
const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? encoder.encode(text).length : text.length;
}

/**
 * A Request for the `dispatch` transport: `body` (a JSON value, or undefined for none) is carried beside it, and its
 * answer may come back carried too. Read the answer with {@link carriedJson} (or {@link responseJson}). It stands
 * for a body-less `new Request(url, init)` and behaves as one, but builds its parts when first read: its URL
 * parsed once ({@link requestUrl}), no AbortSignal unless someone asks for it. Throws TypeError as `new Request`
 * does for an invalid URL or method.
 */
export function inProcessRequest(url: string | URL, init: { readonly method: string; readonly headers?: HeaderInit }, body?: unknown): Request {
  return new CarriedRequest(url, init.method, init.headers, body === undefined ? undefined : { value: body, text: undefined, parsed: undefined }) as unknown as Request;
}

/** Whether the sender of `request` reads carried answers. */
export function readsCarried(request: Request): boolean {
  return request instanceof CarriedRequest || readers.has(request);
}

/**
 * The real Request an {@link inProcessRequest} stands for, carrying the same body and read the same way (for code
 * that hands it to msw's own matching); any other request as it is.
 */
export function realRequest(request: Request): Request {
  return request instanceof CarriedRequest ? CarriedRequest.real(request) : request;
}

/**
 * The parsed URL of a request: parsed once for an {@link inProcessRequest} (do not modify it), parsed anew for any
 * other.
 */
export function requestUrl(request: Request): URL {
  return request instanceof CarriedRequest ? request.parsedUrl : new URL(request.url);
}

/**
 * A body-less Response carrying the JSON value `value` (undefined: no body), as `new Response(null, {status,
 * statusText, headers})` with `Content-Type: application/json` and the `Content-Length` of its JSON text added when
 * it carries one; its JSON text is made only when someone needs it. `status` must be 200–599.
 */
export function carriedResponse(value: unknown, init: { readonly status: number; readonly statusText: string; readonly headers?: HeaderInit }): Response {
  if (!Number.isInteger(init.status) || init.status < 200 || init.status > 599) throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
  return new CarriedResponse(init.status, init.statusText, init.headers ?? {}, value === undefined ? undefined : { value, text: undefined, parsed: undefined }) as unknown as Response;
}

/**
 * The JSON value carried beside a request or response, as `JSON.parse` of its text would give it (the value itself
 * when it is JSON-clean, a parsed copy otherwise: `undefined` members dropped, `-0` as 0, …); undefined when the
 * message carries nothing.
 */
export function carriedJson(message: Request | Response): { readonly value: unknown } | undefined {
  const entry = entryOf(message);
  if (!entry) return undefined;
  entry.parsed ??= isJsonClean(entry.value) ? { value: entry.value } : { value: JSON.parse(textOf(entry)) as unknown };
  return entry.parsed;
}

/** The size in UTF-8 bytes of the JSON text of the body carried beside a message; undefined when none is carried. */
export function carriedBodySize(message: Request | Response): number | undefined {
  const entry = entryOf(message);
  return entry === undefined ? undefined : utf8Length(textOf(entry));
}

/** The body text of a request: the carried JSON's text when one is carried, else `request.text()`. */
export async function bodyText(request: Request): Promise<string> {
  const entry = entryOf(request);
  return entry ? textOf(entry) : request.text();
}

/**
 * A request's JSON body: the carried value, else its text parsed. `value` is undefined for an empty body; `ok:
 * false` with the parser's error when the text is not JSON.
 */
export async function readJsonBody(request: Request): Promise<{ readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: SyntaxError }> {
  const body = carriedJson(request);
  if (body) return { ok: true, value: body.value };
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error };
    throw error;
  }
}

/** A response's JSON body: the carried value, else its text parsed; undefined when empty, the text when not JSON. */
export async function responseJson(response: Response): Promise<unknown> {
  const body = carriedJson(response);
  if (body) return body.value;
  // A carried response with no body: its real Response has none either.
  if (response instanceof CarriedResponse) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The same response with its JSON text as an ordinary body, for readers that know nothing of carried bodies; a
 * response that carries nothing is returned as it is.
 */
export function materialize(response: Response): Response {
  const entry = entryOf(response);
  if (!entry) return response instanceof CarriedResponse ? CarriedResponse.real(response) : response;
  return new Response(textOf(entry), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A copy of a request (as `request.clone()`), still carrying its body and read the same way. */
export function cloneRequest(request: Request): Request {
  const copy = request.clone();
  if (request instanceof CarriedRequest) return copy;
  const entry = carried.get(request);
  if (entry) carried.set(copy, entry);
  if (readers.has(request)) readers.add(copy);
  return copy;
}

function textOf(entry: Carried): string {
  entry.text ??= JSON.stringify(entry.value);
  return entry.text;
}

/**
 * Whether `JSON.parse(JSON.stringify(value))` gives back an equal value: plain objects and arrays (no holes) of
 * strings, finite numbers other than -0, booleans and null, with no undefined members and no `toJSON`.
 */
export function isJsonClean(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonClean(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return false;
      for (const key in value) if (!isJsonClean((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}
