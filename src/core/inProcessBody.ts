/**
 * JSON bodies carried beside Requests and Responses that never leave the process (the `dispatch` transport): the
 * value itself travels with the message, so neither side serializes JSON text and parses it back, and no body stream
 * is built (a Request or Response with a body costs a ReadableStream, its transfer machinery and a read). A carried
 * message has no body of its own: whoever reads it reads the carried value ({@link carriedJson}, {@link readJsonBody},
 * {@link bodyText}). Handlers made with mocks/inProcessHttp.ts turn a carried answer into an ordinary Response with
 * its JSON text for everyone else (msw's interception, `getResponse`, the loopback server), so the bytes are the same.
 */

interface Carried {
  readonly value: unknown;
  /** The JSON text, once someone needed it. */
  text: string | undefined;
  /** The value as `JSON.parse(text)` would give it: the value itself when it is JSON-clean. */
  parsed: { readonly value: unknown } | undefined;
}

const carried = new WeakMap<Request | Response, Carried>();
/** Requests whose sender reads carried answers (the dispatch engine leaves their answers carried). */
const readers = new WeakSet<Request>();

/**
 * A Request for the `dispatch` transport: `body` (a JSON value, or undefined for none) is carried beside it, and its
 * answer may come back carried too. Read the answer with {@link carriedJson} (or {@link responseJson}).
 */
export function inProcessRequest(url: string | URL, init: { readonly method: string; readonly headers?: Readonly<Record<string, string>> }, body?: unknown): Request {
  const request = new Request(url, { method: init.method, ...(init.headers ? { headers: init.headers } : {}) });
  if (body !== undefined) carried.set(request, { value: body, text: undefined, parsed: undefined });
  readers.add(request);
  return request;
}

/** Whether the sender of `request` reads carried answers. */
export function readsCarried(request: Request): boolean {
  return readers.has(request);
}

/** A body-less Response carrying `value`, whose JSON text (already made, e.g. for Content-Length) is `text`. */
export function carryResponse(response: Response, value: unknown, text: string): Response {
  carried.set(response, { value, text, parsed: undefined });
  return response;
}

/**
 * The JSON value carried beside a request or response, as `JSON.parse` of its text would give it (the value itself
 * when it is JSON-clean, a parsed copy otherwise: `undefined` members dropped, `-0` as 0, …); undefined when the
 * message carries nothing.
 */
export function carriedJson(message: Request | Response): { readonly value: unknown } | undefined {
  const entry = carried.get(message);
  if (!entry) return undefined;
  entry.parsed ??= isJsonClean(entry.value) ? { value: entry.value } : { value: JSON.parse(textOf(entry)) as unknown };
  return entry.parsed;
}

/** The size in UTF-8 bytes of the JSON text of the body carried beside a message; undefined when none is carried. */
export function carriedBodySize(message: Request | Response): number | undefined {
  const entry = carried.get(message);
  return entry === undefined ? undefined : Buffer.byteLength(textOf(entry));
}

/** The body text of a request: the carried JSON's text when one is carried, else `request.text()`. */
export async function bodyText(request: Request): Promise<string> {
  const entry = carried.get(request);
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
  const entry = carried.get(response);
  if (!entry) return response;
  return new Response(textOf(entry), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A copy of a request (as `request.clone()`), still carrying its body and read the same way. */
export function cloneRequest(request: Request): Request {
  const copy = request.clone();
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
