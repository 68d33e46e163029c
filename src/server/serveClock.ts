import type { SimClock } from '../core/clock.ts';

/** How simulated time moves under `leadsim serve`. */
export const CLOCK_MODES = ['wall', 'manual'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

/** Milliseconds from a monotonic wall clock (never jumps with NTP or DST). */
export type WallClock = () => number;

const monotonic: WallClock = () => performance.now();

/**
 * The one place where wall time meets simulated time: the edge of `leadsim serve` (and of `setupSimulation` with
 * `clock: 'wall'`). Nothing inside the simulation reads the wall clock; the server calls {@link sync} as each
 * request arrives, and the simulated clock moves by exactly the wall time that passed since the last sync.
 *
 * - `wall`: simulated time = the seeded start + wall time elapsed since it started + every explicit advance (the
 *   admin API's, the pipeline's own simulated latencies and backoffs). Rate windows, token lifetimes and
 *   `SystemModstamp` all move in real time.
 * - `manual`: simulated time moves only when told ({@link advance}, the admin API's `POST /__leadsim/clock/advance`).
 */
export class ServeClock {
  readonly mode: ClockMode;
  readonly #sim: () => SimClock;
  readonly #wall: WallClock;
  #lastWall: number;

  /**
   * @param sim - the current world's clock (a getter: a reset swaps the world)
   * @param wall - the wall clock (default `performance.now`); tests pass a fake one
   */
  constructor(mode: ClockMode, sim: () => SimClock, wall: WallClock = monotonic) {
    this.mode = mode;
    this.#sim = sim;
    this.#wall = wall;
    this.#lastWall = wall();
  }

  /** Brings simulated time up to date with the wall clock (wall mode); returns the simulated time, epoch ms. */
  sync(): number {
    const clock = this.#sim();
    if (this.mode === 'wall') {
      const now = this.#wall();
      if (now > this.#lastWall) clock.advance(now - this.#lastWall);
      this.#lastWall = now;
    }
    return clock.now();
  }

  /** Moves simulated time forward by `ms` (both modes) and returns it. */
  advance(ms: number): number {
    this.sync();
    return this.#sim().advance(ms);
  }

  /** Moves simulated time forward to `t` (epoch ms), if later; returns it. */
  advanceTo(t: number): number {
    this.sync();
    return this.#sim().advanceTo(t);
  }

  /** Starts counting wall time afresh (after a reset put a new world, with its own clock, in place). */
  rebase(): void {
    this.#lastWall = this.#wall();
  }
}
