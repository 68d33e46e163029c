import { inProcessRequest } from '../core/inProcessBody.ts';
import type { Transport } from './transport.ts';

/**
 * A request with a JSON body (or none) for `transport`: on a transport whose bytes never leave the process
 * (`inProcessBodies`, the dispatch transport) the body is carried beside the Request, and the answer may come back
 * carried too (read it with `responseJson`); on every other it is JSON text, as a client would send it.
 */
export function jsonRequest(transport: Pick<Transport, 'inProcessBodies'>, url: string, init: { readonly method: string; readonly headers?: Readonly<Record<string, string>> }, body?: unknown): Request {
  if (transport.inProcessBodies) return inProcessRequest(url, init, body);
  return new Request(url, { method: init.method, ...(init.headers ? { headers: init.headers } : {}), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}
