import { relative } from 'node:path';
// The matcher's types augment vitest's (an optional peer dependency: only `toHoldInvariants` needs it).
import type {} from 'vitest';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import { formatInvariantFailure } from './formatInvariantFailure.ts';
import { runOf, type ExpectInvariantsOptions, type RunSource } from './expectInvariants.ts';

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
 * far) breaks no invariant, and fails with each violated invariant, the person and event, the message, the
 * event's compact trace and the command that replays the test (`LEADSIM_SEED=<seed> npx vitest run <file> -t
 * <name>` unless `options.replay` says otherwise).
 */
export const leadsimMatchers = {
  toHoldInvariants(this: MatcherContext, received: RunSource, options: ExpectInvariantsOptions = {}): MatcherResult {
    const run = runOf(received);
    const report = checkInvariants(run, options.only ? { only: options.only } : {});
    const replay = options.replay ?? defaultReplay(this, run.seed);
    if (report.ok) return { pass: true, message: () => `expected the run (seed ${run.seed}) to break an invariant, but all ${report.results.length} held` };
    return { pass: false, message: () => `expected the run to hold every invariant\n\n${formatInvariantFailure(run, report, { replay })}` };
  },
};

/**
 * Registers {@link leadsimMatchers} with a test runner's `expect` (call it once, e.g. in a vitest setup file).
 * @example
 * import { expect } from 'vitest';
 * installLeadsimMatchers(expect);
 * expect(harness).toHoldInvariants();
 */
export function installLeadsimMatchers(expect: { extend(matchers: Record<string, unknown>): void }): void {
  expect.extend(leadsimMatchers);
}

function defaultReplay(ctx: MatcherContext, seed: number): string {
  const file = ctx.testPath ? relative(process.cwd(), ctx.testPath) : '<test file>';
  const name = ctx.currentTestName ? ` -t ${JSON.stringify(ctx.currentTestName)}` : '';
  return `LEADSIM_SEED=${seed} npx vitest run ${file}${name}`;
}

declare module 'vitest' {
  interface Matchers<T = any> {
    /** Passes when the run (or harness) breaks no leadsim invariant; see {@link leadsimMatchers}. */
    toHoldInvariants(options?: ExpectInvariantsOptions): T;
  }
}
