import type { SendRequest } from '../clients/apiCall.ts';
import type { ApiExchange } from '../clients/apiExchange.ts';

/**
 * How requests reach the simulated APIs:
 * - `dispatch` (default): straight into the MSW handlers with msw's `getResponse`, no interception, no sockets;
 * - `msw`: `fetch` intercepted by msw's `setupServer` (the fidelity lane real client code uses);
 * - `loopback`: the `leadsim serve` HTTP server on 127.0.0.1, reached with `fetch`.
 * Every kind answers "no answer" (a timeout, a lost response) the same way, as `Response.error()` (type "error",
 * status 0), never as a rejected promise, and refuses a request no handler matches, so nothing leaves the process.
 */
export const TRANSPORT_KINDS = ['dispatch', 'msw', 'loopback'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** An open transport: how to send, which origins to address, and how to close it. */
export interface Transport {
  /** `direct` is the benchmark's lower bound (src/transport/directTransport.ts), opened on a world, not on handlers. */
  readonly kind: TransportKind | 'direct';
  readonly send: SendRequest;
  /** Set by the `direct` transport: the clients hand their calls to it instead of building HTTP requests. */
  readonly exchange?: ApiExchange;
  /**
   * Requests made with `inProcessRequest` (src/core/inProcessBody.ts) carry their JSON body beside them and get their
   * answer the same way: no JSON text and no body stream where the bytes never leave the process (`dispatch`).
   */
  readonly inProcessBodies?: boolean;
  /** Origin per system; the loopback transport serves them all on one. */
  readonly origins: { readonly salesforce: string; readonly marketo: string; readonly impartner: string; readonly intake: string };
  close(): Promise<void>;
}
