import { sfErrorBody } from './errorResponse.ts';
import { methodNotAllowed, restError, restJson, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';

/** Most subrequests one `/composite` call may carry. */
export const COMPOSITE_LIMIT = 25;

const HALTED_MESSAGE = 'The transaction was rolled back since another operation in the same transaction failed.';
const FORBIDDEN_HEADERS = ['accept', 'authorization', 'content-type'];
const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}/g;

interface Subrequest {
  readonly method: string;
  readonly url: string;
  readonly referenceId: string;
  readonly body?: unknown;
  readonly httpHeaders?: Record<string, string>;
}

interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

class UnresolvedReference extends Error {}

function halted(referenceId: string, message = HALTED_MESSAGE): SubResponse {
  return { body: sfErrorBody('PROCESSING_HALTED', message), httpHeaders: {}, httpStatusCode: 400, referenceId };
}

/** Reads `.id`, `.records[0].Id`, … out of an earlier subrequest's body. */
function lookup(body: unknown, path: string): unknown {
  let value = body;
  for (const [, key, index] of path.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key ?? Number(index)];
  }
  return value;
}

/** Replaces every `@{ref.path}` in strings of `value` (deeply); a string that is just one reference takes its value. */
function substitute(value: unknown, done: ReadonlyMap<string, SubResponse>): unknown {
  if (typeof value === 'string') {
    const resolve = (ref: string, path: string): unknown => {
      const earlier = done.get(ref);
      const found = earlier && earlier.httpStatusCode < 400 ? lookup(earlier.body, path) : undefined;
      if (found === undefined) throw new UnresolvedReference(`Invalid reference specified. No value for ${ref}${path} found in ${ref}. Provided referenceId ('${ref}') must match a referenceId of a previous subrequest that succeeded.`);
      return found;
    };
    const whole = /^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}$/.exec(value);
    if (whole) return resolve(whole[1]!, whole[2]!);
    return value.replace(REFERENCE, (_m, ref: string, path: string) => String(resolve(ref, path)));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, done));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, done)]));
  return value;
}

function failed(res: RestResponse): boolean {
  return res.status >= 400 || (Array.isArray(res.body) && res.body.some((item) => (item as { success?: unknown } | null)?.success === false));
}

function parseSubrequests(body: unknown): Subrequest[] | string {
  const list = (body as { compositeRequest?: unknown } | null)?.compositeRequest;
  if (!Array.isArray(list) || list.length === 0) return "Cannot deserialize the request: 'compositeRequest' must be a non-empty array";
  if (list.length > COMPOSITE_LIMIT) return `Composite request can not have more than ${COMPOSITE_LIMIT} subrequests`;
  const seen = new Set<string>();
  for (const sub of list as Partial<Subrequest>[]) {
    if (typeof sub?.method !== 'string' || typeof sub.url !== 'string' || typeof sub.referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(sub.referenceId)) {
      return 'Each subrequest needs a method, a url and a referenceId of letters, digits and underscores';
    }
    if (seen.has(sub.referenceId)) return `Duplicate referenceId provided in the request: ${sub.referenceId}`;
    seen.add(sub.referenceId);
    const bad = Object.keys(sub.httpHeaders ?? {}).find((h) => FORBIDDEN_HEADERS.includes(h.toLowerCase()));
    if (bad !== undefined) return `Subrequests may not set the ${bad} header`;
  }
  return list as Subrequest[];
}

/**
 * Routes `POST /composite`: up to 25 subrequests run in order, each through the same REST routes, with
 * `@{ref.id}` / `@{ref.records[0].Id}` references to earlier results. Always 200 with `compositeResponse`.
 * With `allOrNone`, the first failure stops the run and rolls everything back; the other subrequests answer
 * 400 PROCESSING_HALTED. Subrequests whose references cannot be resolved answer PROCESSING_HALTED too.
 */
export function compositeRoute(env: RestEnv, req: RestRequest, dispatch: (sub: RestRequest) => RestResponse): RestResponse | undefined {
  if (!/^\/composite\/?$/.test(req.path)) return undefined;
  if (req.method !== 'POST') return methodNotAllowed(req.method, ['POST']);
  const subrequests = parseSubrequests(req.body);
  if (typeof subrequests === 'string') return restError(400, 'INVALID_REQUEST', subrequests);
  const allOrNone = (req.body as { allOrNone?: unknown }).allOrNone === true;
  const done = new Map<string, SubResponse>();
  let failure: string | undefined;

  const runOne = (sub: Subrequest): SubResponse => {
    let url: URL;
    let body: unknown;
    try {
      url = new URL(String(substitute(sub.url, done)), 'https://composite.invalid');
      body = substitute(sub.body, done);
    } catch (error) {
      if (error instanceof UnresolvedReference) return halted(sub.referenceId, error.message);
      throw error;
    }
    const match = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(url.pathname);
    if (!match) return { body: sfErrorBody('NOT_FOUND', 'The requested resource does not exist'), httpHeaders: {}, httpStatusCode: 404, referenceId: sub.referenceId };
    const headers = new Map(Object.entries(sub.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const method = sub.method.toUpperCase();
    const path = match[2]!;
    if (allOrNone && path.startsWith('/composite/sobjects')) {
      if (method === 'DELETE') url.searchParams.set('allOrNone', 'true');
      else if (body !== null && typeof body === 'object') body = { ...body, allOrNone: true };
    }
    const res = dispatch({ method, path, query: url.searchParams, header: (name) => headers.get(name.toLowerCase()) ?? req.header(name), body, version: match[1]!, userId: req.userId, ...(req.requestId === undefined ? {} : { requestId: req.requestId }) });
    return { body: res.body ?? null, httpHeaders: { ...res.headers }, httpStatusCode: res.status, referenceId: sub.referenceId };
  };

  const runAll = (): { ok: boolean } => {
    for (const sub of subrequests) {
      const res = runOne(sub);
      done.set(sub.referenceId, res);
      if (allOrNone && (res.httpStatusCode >= 400 || failed({ status: res.httpStatusCode, body: res.body }))) {
        failure = sub.referenceId;
        return { ok: false };
      }
    }
    return { ok: true };
  };
  if (allOrNone) env.crm.transaction(runAll);
  else runAll();

  const compositeResponse = subrequests.map((sub) => {
    if (failure !== undefined && sub.referenceId !== failure) return halted(sub.referenceId);
    return done.get(sub.referenceId)!;
  });
  return restJson(200, { compositeResponse });
}
