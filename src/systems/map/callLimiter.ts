import type { SimClock } from '../../core/clock.ts';
import { LimitLog, type LimitEpisode } from '../limitLog.ts';
import { marketoError, type MarketoError } from './marketoError.ts';

/** Limits of {@link CallLimiter}; `false` turns a limit off. */
export interface MarketoLimits {
  /** Sliding-window rate limit. Default `{ maxCalls: 100, windowMs: 20_000 }` (Marketo's 100 calls / 20 s). */
  readonly rateLimit?: { readonly maxCalls: number; readonly windowMs: number } | false;
  /** Calls per day before 607. Default 50,000. The day resets at 12:00 AM CST (06:00 UTC), as Marketo's does. */
  readonly dailyQuota?: number | false;
}

/** The limiter in a world snapshot. */
export interface CallLimiterState {
  readonly rate: { readonly maxCalls: number; readonly windowMs: number } | false;
  readonly quota: number | false;
  readonly recent: readonly number[];
  readonly day: number;
  readonly usedToday: number;
  readonly rateHits: readonly LimitEpisode[];
  readonly quotaHits: readonly LimitEpisode[];
}

const CST_OFFSET_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Marketo's API limits on the simulated clock: 606 when a call would be the (maxCalls+1)th within the window,
 * 607 when the day's quota is used up (it resets at 12:00 AM CST). Refused calls do not count; each stretch of
 * refusals is logged ({@link rateHits}, {@link quotaHits}) so a report can say when a limit was hit.
 * Source: https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/rest-api ("Daily Quota …
 * resets daily at 12:00AM CST"; "Rate Limit … 100 calls per 20 seconds")
 */
export class CallLimiter {
  readonly #clock: SimClock;
  #rate: { maxCalls: number; windowMs: number } | false = { maxCalls: 100, windowMs: 20_000 };
  #quota: number | false = 50_000;
  #recent: number[] = [];
  #day = -1;
  #usedToday = 0;
  /** Stretches of 606 (rate limit) refusals. */
  readonly rateHits = new LimitLog();
  /** Stretches of 607 (daily quota) refusals. */
  readonly quotaHits = new LimitLog();

  constructor(clock: SimClock, limits: MarketoLimits = {}) {
    this.#clock = clock;
    this.configure(limits);
  }

  /** Changes the limits; omitted ones keep their value. */
  configure(limits: MarketoLimits): void {
    if (limits.rateLimit !== undefined) this.#rate = limits.rateLimit === false ? false : { ...limits.rateLimit };
    if (limits.dailyQuota !== undefined) this.#quota = limits.dailyQuota;
  }

  /** Limits, the calls in the window and today's count, copied (for a world snapshot). */
  snapshot(): CallLimiterState {
    return { rate: this.#rate === false ? false : { ...this.#rate }, quota: this.#quota, recent: [...this.#recent], day: this.#day, usedToday: this.#usedToday, rateHits: this.rateHits.episodes(), quotaHits: this.quotaHits.episodes() };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: CallLimiterState): void {
    this.#rate = state.rate === false ? false : { ...state.rate };
    this.#quota = state.quota;
    this.#recent = [...state.recent];
    this.#day = state.day;
    this.#usedToday = state.usedToday;
    this.rateHits.restore(state.rateHits);
    this.quotaHits.restore(state.quotaHits);
  }

  /** Counts one call, or refuses it with 606/607. */
  admit(): { ok: true } | { ok: false; error: MarketoError } {
    const now = this.#clock.now();
    const day = Math.floor((now - CST_OFFSET_MS) / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#usedToday = 0;
    }
    if (this.#quota !== false && this.#usedToday >= this.#quota) {
      this.quotaHits.refused(now);
      return { ok: false, error: marketoError('607') };
    }
    if (this.#rate !== false) {
      const { maxCalls, windowMs } = this.#rate;
      this.#recent = this.#recent.filter((t) => t > now - windowMs);
      if (this.#recent.length >= maxCalls) {
        this.rateHits.refused(now);
        return { ok: false, error: marketoError('606', maxCalls, windowMs / 1000) };
      }
      this.#recent.push(now);
    }
    this.quotaHits.admitted();
    this.rateHits.admitted();
    this.#usedToday += 1;
    return { ok: true };
  }
}
