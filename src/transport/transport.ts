import type { SendRequest } from '../clients/apiCall.ts';

/**
 * How requests reach the simulated APIs:
 * - `dispatch` (default): straight into the MSW handlers with msw's `getResponse`, no interception, no sockets;
 * - `msw`: `fetch` intercepted by msw's `setupServer` (the fidelity lane real client code uses);
 * - `loopback`: the `leadsim serve` HTTP server on 127.0.0.1, reached with `fetch`.
 * Every kind refuses a request no handler matches, so nothing ever leaves the process.
 */
export const TRANSPORT_KINDS = ['dispatch', 'msw', 'loopback'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** An open transport: how to send, which origins to address, and how to close it. */
export interface Transport {
  readonly kind: TransportKind;
  readonly send: SendRequest;
  /** Origin per system; the loopback transport serves them all on one. */
  readonly origins: { readonly salesforce: string; readonly marketo: string; readonly impartner: string; readonly intake: string };
  close(): Promise<void>;
}
