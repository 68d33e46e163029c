import { collectionsRoute } from './collections.ts';
import { compositeRoute } from './composite.ts';
import { queryRoute } from './query.ts';
import { searchRoute } from './search.ts';
import { NOT_FOUND_RESPONSE, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';
import { sobjectsRoute } from './sobjects.ts';

/**
 * Routes one authenticated REST call to its handler, most-used first: query, composite collections, composite,
 * sObjects. Unknown paths answer 404 NOT_FOUND.
 */
export function routeRest(env: RestEnv, req: RestRequest): RestResponse {
  return (
    queryRoute(env, req) ??
    collectionsRoute(env, req) ??
    compositeRoute(env, req, (sub) => routeRest(env, sub)) ??
    searchRoute(env, req) ??
    sobjectsRoute(env, req) ??
    NOT_FOUND_RESPONSE
  );
}
