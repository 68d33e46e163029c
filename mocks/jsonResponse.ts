/** Reason phrases of the statuses the simulated APIs answer with (msw's `HttpResponse` sets the same ones). */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  300: 'Multiple Choices',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

import { carriedResponse } from '../src/core/inProcessBody.ts';

/**
 * The JSON response msw's `HttpResponse.json` makes (`Content-Type: application/json`, `Content-Length`, the status's
 * reason phrase), without msw's helper (it measures the length with a `Blob` and copies its headers twice) and
 * without building a Response at all until someone needs one: the hot handlers answer thousands of calls a second.
 * `body` undefined answers with no body (204). The body is carried beside the response (src/core/inProcessBody.ts),
 * its JSON text made only when someone needs it: the dispatch transport hands the value to its sender as it is, and
 * handlers made with mocks/inProcessHttp.ts give everyone else the JSON text as the body.
 */
export function jsonResponse(body: unknown, init: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {}): Response {
  const status = init.status ?? 200;
  return carriedResponse(body, { status, statusText: STATUS_TEXT[status] ?? '', ...(init.headers ? { headers: init.headers } : {}) });
}
