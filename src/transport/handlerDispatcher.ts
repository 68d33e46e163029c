import { getResponse, HttpHandler, type RequestHandler } from 'msw';
import { materialize, readsCarried, realRequest, requestUrl } from '../core/inProcessBody.ts';
import { rawResolverOf } from '../../mocks/inProcessHttp.ts';
import { compileMswPath, type PathMatcher } from './mswPathMatcher.ts';

/** Sends a request to the first handler that answers it, as msw's `getResponse` does; undefined when none does. */
export type HandlerDispatcher = (request: Request) => Promise<Response | undefined>;

/** A handler the dispatcher can run itself: method, the static text its URL must contain, the compiled path. */
interface FastRoute {
  readonly kind: 'fast';
  readonly handler: HttpHandler;
  /** The resolver to call: the handler's own, or the one under it that answers with carried bodies. */
  readonly resolver: Resolver;
  readonly method: string | RegExp;
  /** Lower-cased static text after the leading `*` (up to the first param): a URL without it cannot match. */
  readonly needle: string;
  readonly match: PathMatcher;
}

/** Any other handler: msw runs it (its own matching, `once`, generators, cookies). */
interface MswRoute {
  readonly kind: 'msw';
  readonly handler: RequestHandler;
}

type Route = FastRoute | MswRoute;

type Resolver = (info: Record<string, unknown>) => unknown;

/** What msw keeps protected on a handler; read here the way msw's own `run` reads it. */
interface HandlerInternals {
  readonly resolver: Resolver;
  readonly options?: { readonly once?: boolean };
}

function internals(handler: RequestHandler): HandlerInternals {
  return handler as unknown as HandlerInternals;
}

function isGenerator(fn: unknown): boolean {
  const name = (fn as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  return name === 'GeneratorFunction' || name === 'AsyncGeneratorFunction';
}

function routeOf(handler: RequestHandler): Route {
  if (!(handler instanceof HttpHandler) || internals(handler).options?.once || isGenerator(internals(handler).resolver)) return { kind: 'msw', handler };
  const { path, method } = handler.info;
  const match = typeof path === 'string' ? compileMswPath(path) : undefined;
  if (!match || typeof path !== 'string') return { kind: 'msw', handler };
  const needle = (/^\*([^:*]*)/.exec(path)?.[1] ?? '').toLowerCase();
  const resolver = rawResolverOf(handler) ?? internals(handler).resolver;
  return { kind: 'fast', handler, resolver, method: typeof method === 'string' ? method.toUpperCase() : method, needle, match };
}

let counter = 0;

/**
 * The `dispatch` transport's engine: the same MSW handlers, in the same order and with the same first-answer-wins
 * rule as msw's `getResponse`, without its per-request cost. Each handler's path is compiled once (msw compiles it
 * for every request and every handler it tries); a cheap method and static-text check skips handlers that cannot
 * match before any regular expression runs; the matching handler's resolver is called with `request`, `params`,
 * `requestId` and `cookies` (parsed lazily from the Cookie header), and a resolver that returns nothing
 * passes the request on. Handlers this cannot run exactly as msw does (`once`,
 * generator resolvers, custom predicates, other path syntax) are handed to msw's `getResponse` in their turn.
 * Handlers made with mocks/inProcessHttp.ts answer with JSON bodies carried beside the response: a request made with
 * `inProcessRequest` gets that answer as it is (no JSON text, no body stream); any other request gets the ordinary
 * Response with the JSON text as its body, byte for byte what msw would answer.
 */
export function createHandlerDispatcher(handlers: readonly RequestHandler[]): HandlerDispatcher {
  const routes = handlers.map(routeOf);
  // The routes a method can reach, in order: the method check is made once per method, not per request and route.
  const byMethod = new Map<string, readonly Route[]>();
  const routesFor = (method: string): readonly Route[] => {
    let found = byMethod.get(method);
    if (!found) byMethod.set(method, (found = routes.filter((route) => route.kind === 'msw' || (typeof route.method === 'string' ? route.method === method : route.method.test(method)))));
    return found;
  };
  return async (request) => {
    const url = requestUrl(request);
    const cleanUrl = url.origin + url.pathname;
    const haystack = cleanUrl.toLowerCase();
    for (const route of routesFor(request.method.toUpperCase())) {
      if (route.kind === 'msw') {
        const response = await getResponse([route.handler], realRequest(request));
        if (response) return response;
        continue;
      }
      if (!haystack.includes(route.needle)) continue;
      const params = route.match(cleanUrl);
      if (!params) continue;
      const response = await resolve(route.resolver, request, params);
      if (response) return readsCarried(request) ? response : materialize(response);
    }
    return undefined;
  };
}

/** What a resolver is given, as msw gives it; `cookies` parsed from the Cookie header when first read. */
class ResolverInfo {
  readonly request: Request;
  readonly params: Record<string, string>;
  readonly requestId: string;
  #cookies: Record<string, string> | undefined;

  constructor(request: Request, params: Record<string, string>) {
    this.request = request;
    this.params = params;
    this.requestId = `dispatch-${(counter += 1)}`;
  }

  get cookies(): Record<string, string> {
    return (this.#cookies ??= parseCookieHeader(this.request.headers.get('cookie')));
  }
}

async function resolve(resolver: Resolver, request: Request, params: Record<string, string>): Promise<Response | undefined> {
  try {
    const result = await resolver(new ResolverInfo(request, params) as unknown as Record<string, unknown>);
    return result instanceof Response ? result : undefined;
  } catch (thrown) {
    // msw lets a resolver throw a Response (`throw HttpResponse.json(…)`) as its answer.
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in cookies)) cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return cookies;
}
