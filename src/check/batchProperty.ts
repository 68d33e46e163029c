import fc from 'fast-check';
import type { ParsedPayload } from '../entrypoints/registry.ts';
import { witnessEventArbitrary } from '../generators/graph/witnessEventArbitrary.ts';
import { inboundEventArbitrary } from '../generators/inboundEventArbitrary.ts';
import { type CheckWorld, openCheckHarness } from './checkWorld.ts';
import { assertRunHolds } from './invariantFailure.ts';
import { inboundStep, stepTime, type ScenarioStep } from './scenarioSteps.ts';

/** Options of {@link batchProperty}. */
export interface BatchPropertyOptions {
  /** Most inbound events per run (default 12). */
  readonly maxEvents?: number;
}

/**
 * The arbitrary of one batch: 1 to `maxEvents` inbound events from any entry point of the check world; one in four
 * is aimed at a routing witness of the graph under test (see `witnessEventArbitrary`).
 */
export function batchArbitrary(w: CheckWorld, options: BatchPropertyOptions = {}): fc.Arbitrary<ParsedPayload[]> {
  const witness = witnessEventArbitrary(w.hints);
  const event = witness ? fc.oneof({ arbitrary: inboundEventArbitrary(w.hints), weight: 3 }, { arbitrary: witness, weight: 1 }) : inboundEventArbitrary(w.hints);
  return fc.array(event, { minLength: 1, maxLength: options.maxEvents ?? 12 });
}

/**
 * Runs one batch the way the property does: deliver the events the production way into a fresh world, retry the
 * parked ones, and check every invariant (an {@link InvariantFailure} when one breaks). Returns the run's steps in
 * the scenario file format.
 */
export async function runBatch(w: CheckWorld, events: readonly ParsedPayload[]): Promise<ScenarioStep[]> {
  const h = await openCheckHarness(w);
  try {
    const steps: ScenarioStep[] = [];
    for (const event of events) {
      const at = stepTime(h);
      const delivery = await h.deliver(event);
      steps.push(inboundStep(h, delivery.id, event, delivery.traces, at));
    }
    await h.retryParked();
    w.observe?.(h.record());
    assertRunHolds(h.record(), `after ${events.length} inbound event${events.length === 1 ? '' : 's'}`, { ...(w.only ? { only: w.only } : {}), steps });
    return steps;
  } finally {
    await h.close();
  }
}

/**
 * The property over plain inbound batches: deliver the events the production way into a fresh world, retry the
 * parked ones, and every invariant holds.
 */
export function batchProperty(w: CheckWorld, options: BatchPropertyOptions = {}): fc.IAsyncProperty<[ParsedPayload[]]> {
  return fc.asyncProperty(batchArbitrary(w, options), async (events) => {
    await runBatch(w, events);
  });
}
