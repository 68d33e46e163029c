import type { SimClock } from '../core/clock.ts';
import type { SystemName } from '../../mocks/faults/faultPlan.ts';
import { inProcessRequest, requestUrl, responseJson } from '../core/inProcessBody.ts';
import { networkError } from './apiError.ts';
import type { CallListener, SendRequest } from './apiCall.ts';
import type { ApiExchange, ApiRequest } from './apiExchange.ts';

/** What every vendor client needs: how to send, the simulated clock, and who hears about each call. */
export interface HttpClientOptions {
  readonly send: SendRequest;
  readonly clock: SimClock;
  readonly onCall?: CallListener;
  /** When set, calls go through this instead of `send`: no Request, no Response, no JSON text (the `direct` transport). */
  readonly exchange?: ApiExchange;
  /** `send` carries JSON bodies beside the Request and Response (the `dispatch` transport; src/core/inProcessBody.ts). */
  readonly inProcessBodies?: boolean;
}

/**
 * Makes one call and records it: over HTTP with `send` (a Request with a JSON body, the Response read as JSON), or
 * through `exchange` when the client has one. Network errors (a timeout or a lost response injected by the fault
 * layer) become a retryable ApiError with status 0; every other answer is returned for the vendor client to read.
 */
export async function callRecorded(options: HttpClientOptions, action: string, call: ApiRequest): Promise<{ status: number; body: unknown }> {
  const at = options.clock.now();
  const record = (status: number) => options.onCall?.({ system: call.system, method: call.method, path: pathOf(call.url), status, at });
  if (options.exchange) {
    const answer = await options.exchange(call);
    if (answer.networkError) {
      record(0);
      throw networkError(call.system, action, answer.cause);
    }
    record(answer.status);
    return answer;
  }
  const request = options.inProcessBodies
    ? inProcessRequest(call.url, call, call.body)
    : new Request(call.url, { method: call.method, headers: call.headers, ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}) });
  const response = await sendRecorded(options, call.system, action, request);
  return { status: response.status, body: await responseJson(response) };
}

/** Path and query of an absolute URL as a Request would carry it (the URL parser's escaping), without the origin. */
function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/**
 * Sends one request and records it. Network errors (a timeout or a lost response injected by the fault layer)
 * become a retryable ApiError with status 0; every other answer is returned for the vendor client to read.
 */
export async function sendRecorded(options: HttpClientOptions, system: SystemName, action: string, request: Request): Promise<Response> {
  const url = requestUrl(request);
  const at = options.clock.now();
  let response: Response;
  try {
    response = await options.send(request);
  } catch (cause) {
    options.onCall?.({ system, method: request.method, path: url.pathname + url.search, status: 0, at });
    throw networkError(system, action, cause);
  }
  if (response.type === 'error') {
    options.onCall?.({ system, method: request.method, path: url.pathname + url.search, status: 0, at });
    throw networkError(system, action, undefined);
  }
  options.onCall?.({ system, method: request.method, path: url.pathname + url.search, status: response.status, at });
  return response;
}

