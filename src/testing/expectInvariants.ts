import { checkInvariants, type InvariantReport } from '../invariants/checkInvariants.ts';
import type { InvariantId } from '../invariants/violation.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { formatInvariantFailure } from './formatInvariantFailure.ts';

/** Options of {@link expectInvariants} and the `toHoldInvariants` matcher. */
export interface ExpectInvariantsOptions {
  /** Check only these invariants (default: all). */
  readonly only?: readonly InvariantId[];
  /** The one command that replays the case, printed at the end of the failure message. */
  readonly replay?: string;
}

/** A run or anything that can produce one (a {@link LeadsimHarness}). */
export type RunSource = RunRecord | { record(): RunRecord };

/** Thrown by {@link expectInvariants}: the message is the whole report; `report` keeps it as data. */
export class InvariantViolationError extends Error {
  readonly report: InvariantReport;
  readonly run: RunRecord;

  constructor(run: RunRecord, report: InvariantReport, message: string) {
    super(message);
    this.name = 'InvariantViolationError';
    this.run = run;
    this.report = report;
  }
}

/** The run of a {@link RunSource}. */
export function runOf(source: RunSource): RunRecord {
  return 'record' in source && typeof source.record === 'function' ? source.record() : (source as RunRecord);
}

/**
 * Checks a run (or a harness's run so far) against the invariants and throws an {@link InvariantViolationError}
 * naming each violated invariant, the person and event, the message, the event's trace and the replay command.
 * Works in any test runner; with vitest, the `toHoldInvariants` matcher says the same.
 * @example
 * await h.deliver(event);
 * expectInvariants(h, { replay: 'npx vitest run test/routing.test.ts' });
 */
export function expectInvariants(source: RunSource, options: ExpectInvariantsOptions = {}): InvariantReport {
  const run = runOf(source);
  const report = checkInvariants(run, options.only ? { only: options.only } : {});
  if (report.ok) return report;
  throw new InvariantViolationError(run, report, formatInvariantFailure(run, report, options.replay ? { replay: options.replay } : {}));
}
