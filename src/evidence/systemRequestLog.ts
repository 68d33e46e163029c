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
  /** Requests by id, for ids the counted index below does not hold. */
  readonly #byId = new Map<string, SystemRequest>();
  /** Ids a transport makes from a counter (see CountedIds): their requests without a map entry each. */
  #counted = new CountedIds();
  readonly #now: () => number;
  readonly #handling: () => number | undefined;

  /** @param now - the simulated clock; @param handling - the delivery being handled right now, if any. */
  constructor(now: () => number, handling: () => number | undefined) {
    this.#now = now;
    this.#handling = handling;
  }

  /** Logs a request as it arrives (once per id: a handler that passes it on to the next keeps its entry). */
  begin(arrival: RequestArrival): SystemRequest {
    const known = this.get(arrival.id);
    if (known) return known;
    // Every field named (a spread makes a larger object, ~30 bytes more a request); the path kept flat: cut from the
    // request's URL it would hold the whole URL for the rest of the run.
    const { id, system, method, credential } = arrival;
    const entry: SystemRequest = { seq: this.#entries.length + 1, id, system, method, path: detachedString(arrival.path), credential, at: this.#now(), handling: this.#handling(), status: undefined };
    this.#entries.push(entry);
    this.#file(entry);
    return entry;
  }

  /** Every request so far, oldest first. */
  list(): readonly SystemRequest[] {
    return this.#entries;
  }

  /** The request with this transport id. */
  get(id: string): SystemRequest | undefined {
    const seq = this.#counted.seqOf(id);
    const counted = seq === undefined ? undefined : this.#entries[seq - 1];
    return counted?.id === id ? counted : this.#byId.get(id);
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
    this.#counted = new CountedIds();
    for (const entry of entries) {
      const copy = { ...entry };
      this.#entries.push(copy);
      this.#file(copy);
    }
  }

  #file(entry: SystemRequest): void {
    if (!this.#counted.add(entry.id, entry.seq)) this.#byId.set(entry.id, entry);
  }
}

/** An id's text before its trailing digits, and the number they make. */
function splitId(id: string): { prefix: string; n: number } | undefined {
  const match = /^(.*?)(\d{1,15})$/.exec(id);
  return match ? { prefix: match[1]!, n: Number(match[2]) } : undefined;
}

/**
 * The seqs of requests whose ids a transport made from a counter (the dispatch transport's `dispatch-17`): one prefix,
 * numbers that only grow. They are found by binary search over two arrays of numbers, about 16 bytes a request where
 * a map entry costs some 50; any other id (msw's are random) is left to the caller's map.
 */
class CountedIds {
  #prefix: string | undefined;
  readonly #numbers: number[] = [];
  readonly #seqs: number[] = [];

  /** Files the id when it continues the count; false when the caller must keep it itself. */
  add(id: string, seq: number): boolean {
    const split = splitId(id);
    if (split === undefined || (this.#prefix !== undefined && split.prefix !== this.#prefix)) return false;
    if (this.#numbers.length > 0 && split.n <= this.#numbers.at(-1)!) return false;
    this.#prefix = split.prefix;
    this.#numbers.push(split.n);
    this.#seqs.push(seq);
    return true;
  }

  /** The seq filed for the id's number, if any (the caller checks the id itself: `dispatch-07` splits like `dispatch-7`). */
  seqOf(id: string): number | undefined {
    if (this.#prefix === undefined || !id.startsWith(this.#prefix)) return undefined;
    const split = splitId(id);
    if (split === undefined || split.prefix !== this.#prefix) return undefined;
    let low = 0;
    let high = this.#numbers.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const n = this.#numbers[mid]!;
      if (n === split.n) return this.#seqs[mid];
      if (n < split.n) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}
