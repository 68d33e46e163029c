import { runQuery } from '../../src/systems/crm/soql/runQuery.ts';
import { batchSizeFrom, type QueryPage } from './queryCursors.ts';
import { methodNotAllowed, restError, restJson, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';

function pageBody(page: QueryPage, version: string): Record<string, unknown> {
  return {
    totalSize: page.totalSize,
    done: page.done,
    ...(page.nextLocator === undefined ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${page.nextLocator}` }),
    records: page.records,
  };
}

/**
 * Routes `/query?q=`, `/queryAll?q=` and `/query/{locator}` (`/queryAll/{locator}`): runs the SOQL over the org and
 * serves it in batches of 2000 (or `Sforce-Query-Options: batchSize=N`), with `nextRecordsUrl` while not done.
 * Returns undefined when the path is not a query path.
 */
export function queryRoute(env: RestEnv, req: RestRequest): RestResponse | undefined {
  const match = /^\/(query|queryAll)(?:\/([^/]+))?\/?$/.exec(req.path);
  if (!match) return undefined;
  if (req.method !== 'GET') return methodNotAllowed(req.method, ['GET', 'HEAD']);
  const locator = match[2];
  if (locator !== undefined) {
    const page = env.cursors.next(decodeURIComponent(locator));
    return page ? restJson(200, pageBody(page, req.version)) : restError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  }
  const soql = req.query.get('q');
  if (soql === null || soql.trim() === '') return restError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const result = runQuery(soql, env.crm, { includeDeleted: match[1] === 'queryAll', apiVersion: req.version, now: env.crm.clock.now(), timeZone: env.crm.timeZone });
  if (!result.ok) return restError(400, result.errorCode, result.message);
  if (result.records.length === 0) return restJson(200, { totalSize: result.totalSize, done: true, records: [] });
  const page = env.cursors.first(result.records, batchSizeFrom(req.header('sforce-query-options')));
  return restJson(200, pageBody(page, req.version));
}
