import { withEvidence } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { INVARIANTS } from './allInvariants.ts';
import { checkForms, type Invariant, type InvariantForms } from './invariant.ts';
import type { InvariantId, Violation } from './violation.ts';

/** Options of {@link checkInvariants}. */
export interface CheckInvariantsOptions {
  /** Check only these invariants (default: all of {@link INVARIANTS}). */
  readonly only?: readonly InvariantId[];
  /** The invariants to choose from (default {@link INVARIANTS}); tests pass their own. */
  readonly invariants?: readonly Invariant[];
  /**
   * Which form of each invariant to check (default `both`): `evidence` reads only what any pipeline leaves behind
   * (records, field histories, request logs, deliveries); `traces` only the reference pipeline's traces (the evidence
   * form for an invariant without one).
   */
  readonly forms?: InvariantForms;
}

/** One invariant's result in a report. */
export interface InvariantResult {
  readonly id: InvariantId;
  readonly title: string;
  readonly ok: boolean;
  readonly violations: readonly Violation[];
}

/** What {@link checkInvariants} found: `ok` when no invariant has a violation; one result per invariant checked. */
export interface InvariantReport {
  readonly ok: boolean;
  readonly results: readonly InvariantResult[];
  /** Every violation, in invariant order. */
  readonly violations: readonly Violation[];
}

/**
 * Checks a run against the invariants, in {@link INVARIANTS} order.
 * @example
 * const report = checkInvariants(await simulate({ seed: 7, leads: 200 }));
 * if (!report.ok) console.log(report.violations.map(formatViolation).join('\n\n'));
 */
export function checkInvariants(run: RunRecord, options: CheckInvariantsOptions = {}): InvariantReport {
  const chosen = (options.invariants ?? INVARIANTS).filter((inv) => options.only === undefined || options.only.includes(inv.id));
  // One index of the run's evidence for every invariant, let go when the check ends.
  const results = withEvidence(run, () =>
    chosen.map((inv): InvariantResult => {
      const violations = checkForms(inv, run, options.forms ?? 'both');
      return { id: inv.id, title: inv.title, ok: violations.length === 0, violations };
    }),
  );
  return { ok: results.every((r) => r.ok), results, violations: results.flatMap((r) => r.violations) };
}
