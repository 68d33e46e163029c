import { http as mswHttp, type HttpHandler, type HttpRequestHandler } from 'msw';
import { materialize } from '../src/core/inProcessBody.ts';

type Resolver = (info: Record<string, unknown>) => unknown;

const raw = new WeakMap<HttpHandler, Resolver>();

/**
 * The resolver a handler made with {@link http} was given, which may answer with carried bodies
 * (mocks/inProcessBody.ts); undefined for any other handler. The dispatch transport calls it directly and reads the
 * carried value; everyone else runs the handler itself, whose answers have their JSON text as the body.
 */
export function rawResolverOf(handler: HttpHandler): Resolver | undefined {
  return raw.get(handler);
}

function materializing(resolver: Resolver): Resolver {
  return async (info) => {
    try {
      const result = await resolver(info);
      return result instanceof Response ? materialize(result) : result;
    } catch (thrown) {
      // msw lets a resolver throw a Response as its answer.
      throw thrown instanceof Response ? materialize(thrown) : thrown;
    }
  };
}

function method(make: HttpRequestHandler): HttpRequestHandler {
  return ((path: Parameters<HttpRequestHandler>[0], resolver: Resolver, options?: Parameters<HttpRequestHandler>[2]) => {
    const handler = make(path, materializing(resolver) as never, options);
    raw.set(handler, resolver);
    return handler;
  }) as HttpRequestHandler;
}

/**
 * msw's `http` namespace for the simulated APIs: the same handlers, whose JSON answers are carried beside the
 * response for the dispatch transport ({@link rawResolverOf}) and have their JSON text as the body for everyone else,
 * byte for byte what `HttpResponse.json` would send.
 */
export const http = {
  all: method(mswHttp.all),
  head: method(mswHttp.head),
  get: method(mswHttp.get),
  post: method(mswHttp.post),
  put: method(mswHttp.put),
  delete: method(mswHttp.delete),
  patch: method(mswHttp.patch),
  options: method(mswHttp.options),
};
