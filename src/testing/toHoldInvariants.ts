// The matcher's types augment vitest's (an optional peer dependency: only `toHoldInvariants` needs it).
import type {} from 'vitest';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import { formatInvariantFailure } from './formatInvariantFailure.ts';
import { runOf, type ExpectInvariantsOptions, type RunSource } from './expectInvariants.ts';
import { rememberExpect, type ExpectLike } from './currentTest.ts';
import type { propParameters } from './propRuns.ts';
import { isPropertyTest, vitestReplayCommand } from './vitestReplayCommand.ts';

/** What a matcher gets as `this` from vitest (and jest): the running test's name and file. */
interface MatcherContext {
  readonly isNot?: boolean;
  readonly currentTestName?: string | undefined;
  readonly testPath?: string | undefined;
}

/** What a matcher returns. */
interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * The leadsim matchers for `expect.extend`: `toHoldInvariants(options?)` passes when a run (or a harness's run so
 * far) breaks no invariant, and fails with each violated invariant, the person and event, the message and the
 * event's compact trace. Then the command that replays the test (`npx vitest run <file> -t '<test>'`) unless
 * `options.replay` says otherwise; inside a property with {@link propParameters}, the property's report ends with
 * the command instead, with fast-check's seed and path.
 */
export const leadsimMatchers = {
  toHoldInvariants(this: MatcherContext, received: RunSource, options: ExpectInvariantsOptions = {}): MatcherResult {
    const run = runOf(received);
    const report = checkInvariants(run, options.only ? { only: options.only } : {});
    const replay = options.replay ?? (isPropertyTest(this.currentTestName) ? undefined : vitestReplayCommand({ file: this.testPath, testName: this.currentTestName }));
    if (report.ok) return { pass: true, message: () => `expected the run (seed ${run.seed}) to break an invariant, but all ${report.results.length} held` };
    return { pass: false, message: () => `expected the run to hold every invariant\n\n${formatInvariantFailure(run, report, replay ? { replay } : {})}` };
  },
};

/**
 * Registers {@link leadsimMatchers} with a test runner's `expect` (call it once, e.g. in a vitest setup file), and
 * remembers it so {@link propParameters}' replay command can name the running test.
 * @example
 * import { expect } from 'vitest';
 * installLeadsimMatchers(expect);
 * expect(harness).toHoldInvariants();
 */
export function installLeadsimMatchers(expect: ExpectLike): void {
  rememberExpect(expect);
  expect.extend(leadsimMatchers);
}

declare module 'vitest' {
  interface Matchers<T = any> {
    /** Passes when the run (or harness) breaks no leadsim invariant; see {@link leadsimMatchers}. */
    toHoldInvariants(options?: ExpectInvariantsOptions): T;
  }
}
