import { LimitLog, type LimitEpisode } from '../limitLog.ts';

/** The base 24-hour API request allocation of an Enterprise Edition org. */
export const ENTERPRISE_BASE_ALLOCATION = 100_000;
/** Requests each Salesforce user license adds to an Enterprise Edition org's allocation. */
export const CALLS_PER_LICENSE = 1_000;

/**
 * An Enterprise Edition org's total API request allocation: 100,000 + 1,000 per Salesforce license, per rolling
 * 24 hours ("an Enterprise Edition org with 15 Salesforce licenses: 115,000 requests").
 * Source: https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html
 */
export function enterpriseAllocation(licenses: number): number {
  return ENTERPRISE_BASE_ALLOCATION + CALLS_PER_LICENSE * licenses;
}

const WINDOW_MS = 86_400_000;
const BUCKET_MS = 60_000;

/** The counter in a world snapshot. */
export interface ApiUsageState {
  /** Requests counted per simulated minute (epoch minute → count), oldest first, within the last 24 hours. */
  readonly buckets: readonly (readonly [number, number])[];
  readonly limit: number;
  readonly hits: readonly LimitEpisode[];
}

/**
 * The org's API request counter, as reported in `Sforce-Limit-Info: api-usage=N/LIMIT` and `/limits`
 * (`DailyApiRequests`). Salesforce counts requests over a rolling 24-hour window, not per calendar day: a request
 * stops counting 24 hours after it was made ("a Developer Edition org that made 14,500 calls at 5:00 AM Wednesday
 * and 499 at 11:00 PM Wednesday can make one more call until 5:00 AM Thursday"). Counted per simulated minute.
 * Once the window holds `limit` requests, requests are refused (REQUEST_LIMIT_EXCEEDED), not counted, and logged
 * as a limit episode (when it was reached, how many were refused, the last refusal).
 * Source: https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html
 */
export class ApiUsage {
  #limit: number;
  #buckets: [number, number][] = [];
  #used = 0;
  readonly #now: () => number;
  readonly hits: LimitLog;

  /** @param limit - requests per rolling 24 hours (default: an Enterprise org's base, {@link ENTERPRISE_BASE_ALLOCATION}) */
  constructor(now: () => number, limit: number = ENTERPRISE_BASE_ALLOCATION) {
    this.#now = now;
    this.#limit = limit;
    this.hits = new LimitLog();
  }

  /** Requests counted in the last 24 hours. */
  get used(): number {
    this.#roll();
    return this.#used;
  }

  /** Requests allowed per rolling 24 hours. */
  get limit(): number {
    return this.#limit;
  }

  /** Changes the allocation (an org's licenses, or a test lowering it to hit REQUEST_LIMIT_EXCEEDED). */
  setLimit(limit: number): void {
    this.#limit = limit;
  }

  /** Counts one request; false when the window already holds the limit (the request must be refused). */
  consume(): boolean {
    this.#roll();
    const now = this.#now();
    if (this.#used >= this.#limit) {
      this.hits.refused(now);
      return false;
    }
    this.hits.admitted();
    const minute = Math.floor(now / BUCKET_MS);
    const last = this.#buckets[this.#buckets.length - 1];
    if (last && last[0] === minute) last[1] += 1;
    else this.#buckets.push([minute, 1]);
    this.#used += 1;
    return true;
  }

  /** The `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.used}/${this.#limit}`;
  }

  /** The window's counts, the limit and the limit episodes (for a world snapshot). */
  snapshot(): ApiUsageState {
    return { buckets: this.#buckets.map(([m, n]) => [m, n] as const), limit: this.#limit, hits: this.hits.episodes() };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: ApiUsageState): void {
    this.#buckets = state.buckets.map(([m, n]) => [m, n]);
    this.#used = this.#buckets.reduce((sum, [, n]) => sum + n, 0);
    this.#limit = state.limit;
    this.hits.restore(state.hits);
  }

  /** Drops the minutes whose every request is 24 hours old or more. */
  #roll(): void {
    const oldest = Math.floor((this.#now() - WINDOW_MS) / BUCKET_MS);
    while (this.#buckets.length > 0 && this.#buckets[0]![0] < oldest) this.#used -= this.#buckets.shift()![1];
  }
}
