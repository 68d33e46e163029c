import { jsonResponse } from '../jsonResponse.ts';
import { requestUrl } from '../../src/core/inProcessBody.ts';
import type { Marketo } from '../../src/systems/map/marketo.ts';
import type { MarketoResult } from '../../src/systems/map/marketoError.ts';
import { marketoEnvelope, type RequestIds } from './marketoEnvelope.ts';
import { bearerToken, readParams, type MarketoParams } from './marketoRequest.ts';
import type { UnknownPathOptions } from '../unknownPath.ts';

/** What `marketoHandlers` needs: the simulated Marketo, and optionally a shared request-id counter. */
export interface MarketoMockContext {
  readonly marketo: Marketo;
  /** Request ids; one counter per handler set when omitted. */
  readonly requestIds?: RequestIds;
  /** What happens to paths under Marketo's hosts and prefixes that no handler knows (see mocks/unknownPath.ts). */
  readonly unknownPaths?: UnknownPathOptions;
}

/** What a REST route body receives once auth and limits have passed. */
export interface MarketoCall {
  readonly request: Request;
  readonly url: URL;
  /** Query string merged with a form body. Not read for JSON bodies (read `request` instead). */
  readonly params: MarketoParams;
  readonly pathParams: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/**
 * Adapts a Marketo operation to an MSW resolver: checks the token (600/601/602), counts the call (606/607), runs
 * the operation and answers with the envelope, always HTTP 200 as Marketo does.
 */
export function marketoRoute(marketo: Marketo, ids: RequestIds, run: (call: MarketoCall) => Promise<MarketoResult<unknown>> | MarketoResult<unknown>, options: { asset?: boolean } = {}) {
  return async ({ request, params: pathParams }: { request: Request; params: Readonly<Record<string, string | readonly string[] | undefined>> }): Promise<Response> => {
    const url = requestUrl(request);
    const requestId = ids.next();
    const auth = marketo.checkToken(bearerToken(request, url));
    if (!auth.ok) return jsonResponse(marketoEnvelope(requestId, { ok: false, errors: [auth.error] }, options));
    const admitted = marketo.admitCall();
    if (!admitted.ok) return jsonResponse(marketoEnvelope(requestId, { ok: false, errors: [admitted.error] }, options));
    const isJson = (request.headers.get('content-type') ?? '').includes('json');
    const params = isJson ? new URLSearchParams(url.searchParams) : await readParams(request, url);
    const outcome = await run({ request, url, params, pathParams });
    return jsonResponse(marketoEnvelope(requestId, outcome, options));
  };
}

/** A path parameter as an integer, or undefined. */
export function pathInt(pathParams: MarketoCall['pathParams'], name: string): number | undefined {
  const raw = pathParams[name];
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
}
