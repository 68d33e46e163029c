/**
 * leadsim/testing: the test-harness helpers for users' own tests. A seeded world with a pipeline to deliver
 * events into, the invariant assertion (`expectInvariants`, or the vitest matcher `toHoldInvariants`), the
 * generators for property tests with `@fast-check/vitest`, and the run budget from the environment.
 * @example
 * import { test, fc } from '@fast-check/vitest';
 * import { expect } from 'vitest';
 * import { createHarness, inboundEventArbitrary, installLeadsimMatchers, propParameters, worldHintsFor } from 'leadsim/testing';
 * installLeadsimMatchers(expect);
 * const hints = worldHintsFor({ seed: 7 });
 * test.prop([fc.array(inboundEventArbitrary(hints), { maxLength: 10 })], propParameters(20))('leads hold the invariants', async (events) => {
 *   const h = await createHarness({ seed: 7 });
 *   for (const event of events) await h.deliver(event);
 *   expect(h).toHoldInvariants();
 *   await h.close();
 * });
 */
export { createHarness, type Delivery, type HarnessEvent, type HarnessOptions, type LeadsimHarness } from '../simulation/createHarness.ts';
export { expectInvariants, InvariantViolationError, runOf, type ExpectInvariantsOptions, type RunSource } from './expectInvariants.ts';
export { installLeadsimMatchers, leadsimMatchers } from './toHoldInvariants.ts';
export { formatInvariantFailure, traceOfViolation, type FormatInvariantFailureOptions } from './formatInvariantFailure.ts';
export { formatTrace, describeOutcome, type FormatTraceOptions } from './formatTrace.ts';
export { propParameters, propRuns, propSeed, propPath, PROP_RUNS_ENV, SEED_ENV, PATH_ENV, type PropParameters } from './propRuns.ts';
export { vitestReplayCommand, type VitestReplayTarget } from './vitestReplayCommand.ts';
export type { ExpectLike } from './currentTest.ts';
export { orgArbitrary, worldHintsFor } from './orgArbitrary.ts';
export { inboundEventArbitrary, ENTRY_POINT_WEIGHTS, type InboundEventOptions } from '../generators/inboundEventArbitrary.ts';
export { payloadArbitrary } from '../generators/payloadArbitrary.ts';
export { EMPTY_WORLD_HINTS, SAMPLE_WORLD_HINTS, type WorldHints } from '../generators/worldHints.ts';
export { worldHintsOf } from '../world/worldHints.ts';
export { checkInvariants, formatViolation, INVARIANT_IDS, type InvariantId, type InvariantReport, type Violation } from '../invariants/index.ts';
export { rerunRouting, type RerunResult, type RerunTarget } from '../pipeline/rerunRouting.ts';
export { runCheck, type CheckReport, type CheckFailure, type RunCheckOptions } from '../check/runCheck.ts';
