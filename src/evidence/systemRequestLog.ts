import { detachedString } from '../core/detachedString.ts';

/** The systems whose requests the log keeps: the three vendors and the pipeline's intake webhook. */
export const LOGGED_SYSTEMS = ['salesforce', 'marketo', 'impartner', 'intake'] as const;
/** One of {@link LOGGED_SYSTEMS}. */
export type LoggedSystem = (typeof LOGGED_SYSTEMS)[number];

/** A fault the HTTP layer injected instead of (or after) the system's own answer. */
export type InjectedFaultKind = 'serverError' | 'rateLimit' | 'timeout' | 'lostResponse';

/**
 * One request a simulated system received, as its own request log would show it: which system, what was asked,
 * when (simulated time), with which credential, what was answered, and which delivery the pipeline was handling
 * when it arrived. Field histories name a request by {@link SystemRequest.id} (`HistoryEntry.requestId`).
 */
export interface SystemRequest {
  /** 1, 2, 3, … in arrival order within the world. */
  readonly seq: number;
  /** The transport's id of the request (msw's `requestId`); field-history entries written by it carry the same id. */
  readonly id: string;
  readonly system: LoggedSystem;
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  /** Simulated time it arrived, epoch ms. */
  readonly at: number;
  /**
   * Who it authenticated as: for Salesforce the User id its session belongs to, for Marketo the API client id, for
   * Impartner the API key; undefined when it carried none (token endpoints, the intake) or an unknown one.
   */
  readonly credential: string | undefined;
  /** The `seq` of the delivery (or re-routing) the pipeline was handling when the request arrived (see DeliveryLog). */
  readonly handling: number | undefined;
  /** The HTTP status the system answered; 0 when the client got no answer (a timeout, a lost response); undefined while pending or when no handler answered. */
  status: number | undefined;
  /** The fault injected for this request, when there was one. */
  fault?: InjectedFaultKind;
}

/** What {@link SystemRequestLog.begin} needs about a request. */
export interface RequestArrival {
  readonly id: string;
  readonly system: LoggedSystem;
  readonly method: string;
  readonly path: string;
  readonly credential: string | undefined;
}

/**
 * Every request the world's systems received, in arrival order, indexed by request id: the evidence of what a
 * pipeline (any pipeline) asked each system. Kept by the HTTP layer (mocks/recordRequests.ts), so it is the same
 * for the reference pipeline, a pipeline module of yours and a pipeline in another process.
 */
export class SystemRequestLog {
  readonly #entries: SystemRequest[] = [];
  readonly #byId = new Map<string, SystemRequest>();
  readonly #now: () => number;
  readonly #handling: () => number | undefined;

  /** @param now - the simulated clock; @param handling - the delivery being handled right now, if any. */
  constructor(now: () => number, handling: () => number | undefined) {
    this.#now = now;
    this.#handling = handling;
  }

  /** Logs a request as it arrives (once per id: a handler that passes it on to the next keeps its entry). */
  begin(arrival: RequestArrival): SystemRequest {
    const known = this.#byId.get(arrival.id);
    if (known) return known;
    // The path is kept flat: cut from the request's URL it would hold the whole URL for the rest of the run.
    const entry: SystemRequest = { seq: this.#entries.length + 1, ...arrival, path: detachedString(arrival.path), at: this.#now(), handling: this.#handling(), status: undefined };
    this.#entries.push(entry);
    this.#byId.set(arrival.id, entry);
    return entry;
  }

  /** Every request so far, oldest first. */
  list(): readonly SystemRequest[] {
    return this.#entries;
  }

  /** The request with this transport id. */
  get(id: string): SystemRequest | undefined {
    return this.#byId.get(id);
  }

  /** Number of requests so far. */
  get size(): number {
    return this.#entries.length;
  }

  /** The requests so far, copied (for a world snapshot). */
  snapshot(): readonly SystemRequest[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  /** Puts back what {@link snapshot} took. */
  restore(entries: readonly SystemRequest[]): void {
    this.#entries.length = 0;
    this.#byId.clear();
    for (const entry of entries) {
      const copy = { ...entry };
      this.#entries.push(copy);
      this.#byId.set(copy.id, copy);
    }
  }
}
