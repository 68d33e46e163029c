/** One request `leadsim serve` answered, as the admin API's request log shows it. */
export interface RequestLogEntry {
  /** 1, 2, 3, … in arrival order; `?since=` takes entries after one. */
  readonly seq: number;
  /** Simulated time the request was answered at, ISO-8601. */
  readonly at: string;
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  readonly status: number;
  /** Which simulated API answered: `salesforce`, `marketo`, `impartner`, `intake`, `admin`, or `none`. */
  readonly system: string;
  /** No simulated API knows the path (answered with the vendor's not-found, or the server's 404). */
  readonly unhandled: boolean;
  /** Wall-clock milliseconds the answer took. */
  readonly ms: number;
}

/**
 * The last `capacity` requests (default 5,000), oldest dropped first. Sequence numbers keep counting across drops
 * and clears, so a client that polls with `since` never sees an entry twice.
 */
export class RequestLog {
  readonly #capacity: number;
  readonly #entries: RequestLogEntry[] = [];
  #seq = 0;

  constructor(capacity = 5_000) {
    this.#capacity = capacity;
  }

  /** Appends an entry and returns it with its sequence number. */
  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: (this.#seq += 1), ...entry };
    this.#entries.push(full);
    if (this.#entries.length > this.#capacity) this.#entries.splice(0, this.#entries.length - this.#capacity);
    return full;
  }

  /** Entries after `since` (default 0), oldest first, at most `limit` (default all), only unhandled ones when asked. */
  list(options: { since?: number; limit?: number; unhandled?: boolean } = {}): RequestLogEntry[] {
    const since = options.since ?? 0;
    const matching = this.#entries.filter((e) => e.seq > since && (options.unhandled === undefined || e.unhandled === options.unhandled));
    return options.limit === undefined ? matching : matching.slice(0, options.limit);
  }

  /** The last sequence number handed out (0 before any request). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Forgets every entry (sequence numbers keep counting). */
  clear(): void {
    this.#entries.length = 0;
  }
}
