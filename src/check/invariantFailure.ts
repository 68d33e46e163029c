import { checkInvariants, type InvariantReport } from '../invariants/checkInvariants.ts';
import { INVARIANT_IDS, type Violation } from '../invariants/violation.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { formatInvariantFailure, traceOfViolation } from '../testing/formatInvariantFailure.ts';
import { formatTrace } from '../testing/formatTrace.ts';
import { deliveryOfViolation, formatDeliveryTrace } from '../testing/formatDeliveryTrace.ts';
import type { ScenarioStep } from './scenarioSteps.ts';
import type { SequenceReal } from './sequenceModel.ts';

/**
 * A property run broke invariants. Carries the violations and the failing event's compact trace (the world is
 * gone once the run is over), and renders them all as its message.
 */
export class InvariantFailure extends Error {
  readonly violations: readonly Violation[];
  /** The compact trace of the first violation's event (for a pipeline of yours, its requests from the evidence), if it is about one. */
  readonly trace: string | undefined;
  /** Where in the run it broke (e.g. `after command 4: recall …`). */
  readonly at: string;
  /** The run's steps in the scenario file format, to save the counterexample as a regression scenario. */
  readonly steps: readonly ScenarioStep[];

  constructor(run: RunRecord, report: InvariantReport, at: string, steps: readonly ScenarioStep[] = []) {
    super(`${at}: ${formatInvariantFailure(run, report)}`);
    this.name = 'InvariantFailure';
    this.steps = [...steps];
    this.violations = report.violations;
    const trace = traceOfViolation(run, report.violations[0]);
    const delivery = trace ? undefined : deliveryOfViolation(run, report.violations[0]);
    this.trace = trace ? formatTrace(trace) : delivery !== undefined ? formatDeliveryTrace(run, delivery) : undefined;
    this.at = at;
  }
}

/** Checks the invariants on a run and throws an {@link InvariantFailure} when one breaks. */
export function assertRunHolds(run: RunRecord, at: string, options: { readonly only?: SequenceReal['only']; readonly steps?: readonly ScenarioStep[] } = {}): void {
  const report = checkInvariants(run, options.only ? { only: options.only } : {});
  if (!report.ok) throw new InvariantFailure(run, report, at, options.steps);
}

/** After a command: checks the harness's run so far; the message names the step and what it did. */
export function assertStepHolds(real: SequenceReal): void {
  assertRunHolds(real.harness.record(), `after step ${real.log.length} (${real.log[real.log.length - 1] ?? 'start'})`, { only: real.only ?? INVARIANT_IDS, steps: real.steps });
}
