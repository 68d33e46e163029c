import type { SimClock } from '../core/clock.ts';
import type { Intake } from './intake.ts';
import type { Pipeline } from './pipeline.ts';
import type { EventTrace } from './trace.ts';

/**
 * How parked events are tried again: a first pause of 15 simulated minutes, then rounds while some stay parked, each
 * pause twice the last (15 min, 30 min, 1 h, 2 h, 4 h, 8 h: about 16 h in all). A retryable fault at rate p per
 * request leaves a job parked after its 4 tries with p^4; six rounds leave an event parked at the end only when
 * faults are far above any real API's (README "Fault injection").
 */
export const PARKED_RETRY = { firstPauseMs: 15 * 60_000, rounds: 6 } as const;

/** Options of {@link retryParked}. */
export interface RetryParkedOptions {
  /** Rounds at most (default {@link PARKED_RETRY.rounds}). */
  readonly rounds?: number;
  /** Asked before each event: true stops the retries there (a shutdown's deadline). */
  readonly stop?: () => boolean;
}

/**
 * Tries the parked events among `traces` again, as the end of a run (or a shutdown) does: after a pause of simulated
 * time, every parked event runs through the pipeline once more, continuing its trace (its jobs are safe to run
 * again); while some stay parked, more rounds, each pause twice the last. Returns the traces tried, once each.
 */
export async function retryParked(pipeline: Pipeline, intake: Intake, traces: readonly EventTrace[], clock: SimClock, options: RetryParkedOptions = {}): Promise<EventTrace[]> {
  const retried = new Set<EventTrace>();
  let pause = PARKED_RETRY.firstPauseMs;
  for (let round = 0; round < (options.rounds ?? PARKED_RETRY.rounds); round++, pause *= 2) {
    const parked = traces.filter((t) => t.outcome?.kind === 'parked');
    if (round > 0 && parked.length === 0) break;
    clock.advance(pause);
    for (const trace of parked) {
      if (options.stop?.()) return [...retried];
      const event = intake.received.get(trace.eventId);
      if (event) retried.add(await pipeline.process(event, trace));
    }
  }
  return [...retried];
}
