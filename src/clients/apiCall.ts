import type { SystemName } from '../../mocks/faults/faultPlan.ts';

/** One HTTP call a client made, as the pipeline trace records it. */
export interface ApiCall {
  readonly system: SystemName;
  readonly method: string;
  /** Path and query, without the origin. */
  readonly path: string;
  /** HTTP status, or 0 when the call ended in a network error (timeout, lost response). */
  readonly status: number;
  /** Simulated time the call was made. */
  readonly at: number;
}

/** How a client sends a request: MSW-intercepted `fetch`, direct handler dispatch, or the loopback server. */
export type SendRequest = (request: Request) => Promise<Response>;

/** Receives every call a client makes (the pipeline routes them into the current job's trace). */
export type CallListener = (call: ApiCall) => void;
