/** Default daily API request limit of the simulated org (a Salesforce Enterprise org's base allocation). */
export const DEFAULT_DAILY_API_LIMIT = 15000;

const DAY_MS = 86_400_000;

/**
 * The org's daily API request counter, as reported in `Sforce-Limit-Info: api-usage=N/LIMIT` and `/limits`.
 * It resets when the simulated day (UTC) changes. Once the limit is reached, requests are refused
 * (REQUEST_LIMIT_EXCEEDED) and not counted.
 */
export class ApiUsage {
  #limit: number;
  #used = 0;
  #day: number;
  readonly #now: () => number;

  constructor(now: () => number, limit: number = DEFAULT_DAILY_API_LIMIT) {
    this.#now = now;
    this.#limit = limit;
    this.#day = Math.floor(now() / DAY_MS);
  }

  /** Requests counted today. */
  get used(): number {
    this.#roll();
    return this.#used;
  }

  /** The daily limit. */
  get limit(): number {
    return this.#limit;
  }

  /** Changes the daily limit (tests lower it to hit REQUEST_LIMIT_EXCEEDED). */
  setLimit(limit: number): void {
    this.#limit = limit;
  }

  /** Counts one request; false when the daily limit is already reached (the request must be refused). */
  consume(): boolean {
    this.#roll();
    if (this.#used >= this.#limit) return false;
    this.#used += 1;
    return true;
  }

  /** The `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.used}/${this.#limit}`;
  }

  /** Today's count, day and limit (for a world snapshot). */
  snapshot(): { readonly used: number; readonly day: number; readonly limit: number } {
    return { used: this.#used, day: this.#day, limit: this.#limit };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: { readonly used: number; readonly day: number; readonly limit: number }): void {
    this.#used = state.used;
    this.#day = state.day;
    this.#limit = state.limit;
  }

  #roll(): void {
    const day = Math.floor(this.#now() / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
  }
}
