import { CompactLog } from '../core/compactLog.ts';
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
  fault?: InjectedFaultKind | undefined;
}

/** What {@link SystemRequestLog.begin} needs about a request. */
export interface RequestArrival {
  readonly id: string;
  readonly system: LoggedSystem;
  readonly method: string;
  readonly path: string;
  readonly credential: string | undefined;
}

/** How the log stores a request: by column (src/core/compactLog.ts); -1 stands for undefined in the number columns. */
interface StoredRequest {
  /** The id's number when the id is the counted prefix and that number (see CountedIds); -1 when kept as text. */
  counted: number;
  readonly system: LoggedSystem;
  readonly method: string;
  readonly path: string;
  readonly at: number;
  readonly credential: string | undefined;
  readonly handling: number;
  readonly status: number;
  readonly fault: InjectedFaultKind | undefined;
}

/**
 * Every request the world's systems received, in arrival order, indexed by request id: the evidence of what a
 * pipeline (any pipeline) asked each system. Kept by the HTTP layer (mocks/recordRequests.ts), so it is the same
 * for the reference pipeline, a pipeline module of yours and a pipeline in another process. Stored by column (about
 * 100 bytes a request, most of it the path), a month of traffic being a few hundred thousand requests: every read
 * ({@link list}, {@link get}) makes plain objects again.
 */
export class SystemRequestLog {
  readonly #log = new CompactLog<StoredRequest>({ counted: 'int32', system: 'code', method: 'code', path: 'value', at: 'number', credential: 'code', handling: 'int32', status: 'int32', fault: 'code' });
  /** Requests by id (their index), for ids the counted index below does not hold, and those ids by index. */
  readonly #byId = new Map<string, number>();
  readonly #textIds = new Map<number, string>();
  /** Ids a transport makes from a counter (see CountedIds): their requests without a map entry each. */
  #counted = new CountedIds();
  readonly #now: () => number;
  readonly #handling: () => number | undefined;

  /** @param now - the simulated clock; @param handling - the delivery being handled right now, if any. */
  constructor(now: () => number, handling: () => number | undefined) {
    this.#now = now;
    this.#handling = handling;
  }

  /**
   * Logs a request as it arrives (once per id: a handler that passes it on to the next logs nothing more). Returns
   * the entry, whose `status` and `fault` the caller sets when the answer is known (they write to the log).
   */
  begin(arrival: RequestArrival): SystemRequest {
    const known = this.#indexOf(arrival.id);
    if (known !== undefined) return this.#live(known);
    // The path kept flat: cut from the request's URL it would hold the whole URL for the rest of the run.
    const handling = this.#handling();
    this.#append(arrival.id, { counted: -1, system: arrival.system, method: arrival.method, path: detachedString(arrival.path), at: this.#now(), credential: arrival.credential, handling: handling ?? -1, status: -1, fault: undefined });
    return this.#live(this.#log.length - 1);
  }

  /** Every request so far, oldest first (new objects). */
  list(): readonly SystemRequest[] {
    const out: SystemRequest[] = [];
    for (let i = 0; i < this.#log.length; i++) out.push(this.#entry(i));
    return out;
  }

  /** The request with this transport id. */
  get(id: string): SystemRequest | undefined {
    const index = this.#indexOf(id);
    return index === undefined ? undefined : this.#entry(index);
  }

  /**
   * The `handling` of the request with this transport id, read alone: what `get(id)?.handling` says without making
   * the request (its path above all). Undefined for an unknown id or a request made outside any handling.
   */
  handlingOf(id: string): number | undefined {
    const index = this.#indexOf(id);
    if (index === undefined) return undefined;
    const handling = this.#log.value(index, 'handling');
    return handling < 0 ? undefined : handling;
  }

  /** Number of requests so far. */
  get size(): number {
    return this.#log.length;
  }

  /** The requests so far, copied (for a world snapshot). */
  snapshot(): readonly SystemRequest[] {
    return this.list();
  }

  /** Puts back what {@link snapshot} took. */
  restore(entries: readonly SystemRequest[]): void {
    this.#log.truncate(0);
    this.#byId.clear();
    this.#textIds.clear();
    this.#counted = new CountedIds();
    for (const e of entries) this.#append(e.id, { counted: -1, system: e.system, method: e.method, path: e.path, at: e.at, credential: e.credential, handling: e.handling ?? -1, status: e.status ?? -1, fault: e.fault });
  }

  /** Appends a request (its `counted` filled in here) and files its id. */
  #append(id: string, stored: StoredRequest): void {
    const index = this.#log.length;
    const counted = this.#counted.add(id, index + 1);
    stored.counted = counted ?? -1;
    this.#log.append(stored);
    if (counted === undefined) {
      this.#byId.set(id, index);
      this.#textIds.set(index, id);
    }
  }

  #indexOf(id: string): number | undefined {
    const seq = this.#counted.seqOf(id);
    if (seq !== undefined && this.#idAt(seq - 1) === id) return seq - 1;
    return this.#byId.get(id);
  }

  #idAt(index: number): string {
    const n = this.#log.value(index, 'counted');
    return n >= 0 ? this.#counted.idOf(n) : this.#textIds.get(index)!;
  }

  #entry(index: number): SystemRequest {
    const s = this.#log.at(index);
    const entry: SystemRequest = { seq: index + 1, id: this.#idAt(index), system: s.system, method: s.method, path: s.path, at: s.at, credential: s.credential, handling: s.handling < 0 ? undefined : s.handling, status: s.status < 0 ? undefined : s.status };
    if (s.fault !== undefined) entry.fault = s.fault;
    return entry;
  }

  /** The entry at `index` as a handle whose status and fault write through to the log (made per request: no copy). */
  #live(index: number): SystemRequest {
    return new LiveRequest(this.#log, index, () => this.#idAt(index));
  }
}

/** A request being answered: its fields read from the log when asked for, `status` and `fault` written to it. */
class LiveRequest implements SystemRequest {
  readonly #log: CompactLog<StoredRequest>;
  readonly #index: number;
  readonly #id: () => string;

  constructor(log: CompactLog<StoredRequest>, index: number, id: () => string) {
    this.#log = log;
    this.#index = index;
    this.#id = id;
  }

  get seq(): number {
    return this.#index + 1;
  }
  get id(): string {
    return this.#id();
  }
  get system(): LoggedSystem {
    return this.#log.value(this.#index, 'system');
  }
  get method(): string {
    return this.#log.value(this.#index, 'method');
  }
  get path(): string {
    return this.#log.value(this.#index, 'path');
  }
  get at(): number {
    return this.#log.value(this.#index, 'at');
  }
  get credential(): string | undefined {
    return this.#log.value(this.#index, 'credential');
  }
  get handling(): number | undefined {
    const handling = this.#log.value(this.#index, 'handling');
    return handling < 0 ? undefined : handling;
  }
  get status(): number | undefined {
    const status = this.#log.value(this.#index, 'status');
    return status < 0 ? undefined : status;
  }
  set status(status: number | undefined) {
    this.#log.set(this.#index, 'status', status ?? -1);
  }
  get fault(): InjectedFaultKind | undefined {
    return this.#log.value(this.#index, 'fault');
  }
  set fault(fault: InjectedFaultKind | undefined) {
    this.#log.set(this.#index, 'fault', fault);
  }
}

/** An id's text before its trailing digits, and the number they make. */
function splitId(id: string): { prefix: string; n: number } | undefined {
  const match = /^(.*?)(\d{1,15})$/.exec(id);
  return match ? { prefix: match[1]!, n: Number(match[2]) } : undefined;
}

/**
 * The seqs of requests whose ids a transport made from a counter (the dispatch transport's `dispatch-17`): one prefix,
 * numbers that only grow. They are kept as runs, a run being requests whose numbers and seqs both go up by one
 * (`dispatch-17` … `dispatch-90` logged as seqs 5 … 78): three whole numbers a run, and a world's transport counts its
 * requests in a few runs (a new one where the counter skips an id the log never saw), found by binary search. Two
 * arrays of JS numbers cost about 16 bytes a request; any other id (msw's are random) is left to the caller's map.
 */
class CountedIds {
  #prefix: string | undefined;
  /** Run r starts at number `#runs[3r]` and seq `#runs[3r + 1]` and holds `#runs[3r + 2]` requests. */
  #runs = new Int32Array(3 * 16);
  #count = 0;

  /**
   * Files the id when it continues the count and is exactly the prefix and its number (`dispatch-7`, not
   * `dispatch-07`); returns the number, or undefined when the caller must keep the id itself.
   */
  add(id: string, seq: number): number | undefined {
    const split = splitId(id);
    if (split === undefined || split.n > 0x7fffffff || `${split.prefix}${split.n}` !== id || (this.#prefix !== undefined && split.prefix !== this.#prefix)) return undefined;
    const last = 3 * (this.#count - 1);
    if (this.#count > 0) {
      const lastN = this.#runs[last]! + this.#runs[last + 2]! - 1;
      if (split.n <= lastN) return undefined;
      if (split.n === lastN + 1 && seq === this.#runs[last + 1]! + this.#runs[last + 2]!) {
        this.#runs[last + 2]! += 1;
        return split.n;
      }
    }
    this.#prefix = split.prefix;
    if (last + 3 >= this.#runs.length) {
      const grown = new Int32Array(this.#runs.length * 2);
      grown.set(this.#runs);
      this.#runs = grown;
    }
    this.#runs.set([split.n, seq, 1], last + 3);
    this.#count += 1;
    return split.n;
  }

  /** The id a filed number stands for. */
  idOf(n: number): string {
    return `${this.#prefix}${n}`;
  }

  /** The seq filed for the id's number, if any (the caller checks the id itself: `dispatch-07` splits like `dispatch-7`). */
  seqOf(id: string): number | undefined {
    if (this.#prefix === undefined || !id.startsWith(this.#prefix)) return undefined;
    const split = splitId(id);
    if (split === undefined || split.prefix !== this.#prefix) return undefined;
    // The last run starting at or before the number.
    let low = 0;
    let high = this.#count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.#runs[3 * mid]! <= split.n) low = mid;
      else high = mid - 1;
    }
    const first = this.#runs[3 * low]!;
    if (this.#count === 0 || split.n < first || split.n >= first + this.#runs[3 * low + 2]!) return undefined;
    return this.#runs[3 * low + 1]! + (split.n - first);
  }
}
