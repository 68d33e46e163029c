import type { ApiCall } from '../clients/apiCall.ts';

/**
 * Where the API clients put each call they make: the calls list of the job step that is running, if any. The
 * pipeline points it at the current step; calls made outside a step (seeding, invariant checks) go nowhere.
 */
export class CallSink {
  current: ApiCall[] | undefined;

  /** The listener to give each API client. */
  readonly listener = (call: ApiCall): void => {
    this.current?.push(call);
  };
}
