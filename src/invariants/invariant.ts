import type { RunRecord } from '../simulation/runRecord.ts';
import type { InvariantId, Violation } from './violation.ts';

/**
 * A check every run must pass: a pure function of the {@link RunRecord} (the world as it ended and every event's
 * trace) that returns its violations, none when the run is sound.
 */
export interface Invariant {
  readonly id: InvariantId;
  /** A few words, for report headings. */
  readonly title: string;
  /** What the invariant demands, in one or two sentences. */
  readonly description: string;
  check(run: RunRecord): Violation[];
}
