import type { MarketoError, MarketoResult } from '../../src/systems/map/marketoError.ts';

/** The REST envelope every Marketo call answers with (HTTP 200 even on errors). */
export interface MarketoEnvelope {
  readonly requestId: string;
  readonly success: boolean;
  readonly result?: readonly unknown[];
  readonly errors?: readonly MarketoError[];
  readonly warnings?: readonly string[];
  readonly nextPageToken?: string;
  readonly moreResult?: boolean;
}

/**
 * Deterministic request ids shaped like Marketo's (`e42b#0000000001a`): a fixed prefix and a hex counter, so the
 * same run produces the same ids.
 */
export class RequestIds {
  #counter = 0;

  /** The next request id. */
  next(): string {
    this.#counter += 1;
    return `e42b#${this.#counter.toString(16).padStart(11, '0')}`;
  }
}

/**
 * Wraps a result (or response-level errors) in the envelope. Record-level errors stay inside `result`. The asset
 * API (`/rest/asset/v1`) always carries `errors` and `warnings` arrays, as its documented responses do.
 */
export function marketoEnvelope(requestId: string, outcome: MarketoResult<unknown>, options: { asset?: boolean } = {}): MarketoEnvelope {
  if (options.asset) {
    return outcome.ok
      ? { success: true, errors: [], requestId, warnings: [...(outcome.warnings ?? [])], result: outcome.result }
      : { success: false, errors: outcome.errors, requestId, warnings: [] };
  }
  if (!outcome.ok) return { requestId, success: false, errors: outcome.errors };
  return {
    requestId,
    result: outcome.result,
    success: true,
    ...(outcome.warnings?.length ? { warnings: outcome.warnings } : {}),
    ...(outcome.nextPageToken !== undefined ? { nextPageToken: outcome.nextPageToken } : {}),
    ...(outcome.moreResult !== undefined ? { moreResult: outcome.moreResult } : {}),
  };
}
