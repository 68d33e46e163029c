import type { SystemName } from '../../mocks/faults/faultPlan.ts';

/** One API call as a vendor client makes it, before it becomes an HTTP request. */
export interface ApiRequest {
  readonly system: SystemName;
  readonly method: string;
  /** Absolute URL, with the query string. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as a value (undefined: no body). */
  readonly body?: unknown;
}

/** The answer: HTTP status and the parsed JSON body (undefined when empty); `networkError` when none came back. */
export type ApiResponse = { readonly networkError?: false; readonly status: number; readonly body: unknown } | { readonly networkError: true; readonly cause?: unknown };

/**
 * Carries API calls to the systems without HTTP: the `direct` transport's way in (the benchmark's lower bound).
 * Clients given one skip Request/Response and JSON text entirely; everything else about them stays the same.
 */
export type ApiExchange = (request: ApiRequest) => Promise<ApiResponse>;
