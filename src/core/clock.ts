/**
 * The simulated clock. All time inside a simulation comes from here; nothing reads the wall clock.
 * Time is an integer count of milliseconds since the Unix epoch and only moves when the simulation moves it.
 */
export class SimClock {
  #now: number;

  /** @param start - simulated start time in epoch ms; defaults to {@link DEFAULT_EPOCH}. */
  constructor(start: number = DEFAULT_EPOCH) {
    this.#now = start;
  }

  /** Current simulated time in epoch ms. */
  now(): number {
    return this.#now;
  }

  /** Current simulated time as an ISO-8601 string (`2026-01-05T09:00:00.000Z`). */
  iso(): string {
    return new Date(this.#now).toISOString();
  }

  /** Moves time forward by `ms` (never backwards) and returns the new time. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Failed to advance the simulated clock: ${ms} is not a non-negative number of milliseconds.`);
    this.#now += Math.round(ms);
    return this.#now;
  }

  /** Moves time forward to `t` if `t` is later than now; a time in the past leaves the clock where it is. */
  advanceTo(t: number): number {
    if (t > this.#now) this.#now = Math.round(t);
    return this.#now;
  }
}

/** Monday 2026-01-05 09:00:00 UTC: the default start of every simulation. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);
