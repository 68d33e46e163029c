import type { SimClock } from '../core/clock.ts';
import type { SystemName } from '../../mocks/faults/faultPlan.ts';
import { networkError } from './apiError.ts';
import type { CallListener, SendRequest } from './apiCall.ts';

/** What every vendor client needs: how to send, the simulated clock, and who hears about each call. */
export interface HttpClientOptions {
  readonly send: SendRequest;
  readonly clock: SimClock;
  readonly onCall?: CallListener;
}

/**
 * Sends one request and records it. Network errors (a timeout or a lost response injected by the fault layer)
 * become a retryable ApiError with status 0; every other answer is returned for the vendor client to read.
 */
export async function sendRecorded(options: HttpClientOptions, system: SystemName, action: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
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

/** Reads a JSON body, or undefined when the body is empty or not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
