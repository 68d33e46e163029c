import { formatViolation } from '../invariants/formatViolation.ts';
import type { InvariantReport } from '../invariants/checkInvariants.ts';
import type { Violation } from '../invariants/violation.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import { withEvidence } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { formatTrace } from './formatTrace.ts';
import { deliveryOfViolation, formatDeliveryTrace } from './formatDeliveryTrace.ts';

/** Options of {@link formatInvariantFailure}. */
export interface FormatInvariantFailureOptions {
  /** The one command that replays this case (printed last). */
  readonly replay?: string;
  /** Violations shown per invariant (default 3); the rest are counted. */
  readonly maxViolations?: number;
  /** Longest evidence per violation, in characters (default 600). */
  readonly maxEvidence?: number;
}

/**
 * The failure message of a run that broke invariants: the seed, then per violated invariant its title and its
 * violations (invariant, person, event, message, evidence), the compact trace of the first violation's event (for a
 * pipeline of yours, its requests and changes from the evidence), and the replay command.
 */
export function formatInvariantFailure(run: RunRecord, report: InvariantReport, options: FormatInvariantFailureOptions = {}): string {
  return withEvidence(run, () => failureText(run, report, options));
}

function failureText(run: RunRecord, report: InvariantReport, options: FormatInvariantFailureOptions): string {
  const failed = report.results.filter((r) => !r.ok);
  const max = options.maxViolations ?? 3;
  const lines = [`${failed.length} invariant${failed.length === 1 ? '' : 's'} violated (seed ${run.seed}): ${failed.map((r) => r.id).join(', ')}`];
  for (const result of failed) {
    lines.push('', `✗ ${result.id}: ${result.title} (${result.violations.length} violation${result.violations.length === 1 ? '' : 's'})`);
    for (const v of result.violations.slice(0, max)) lines.push(`  - ${formatViolation(v, { maxEvidence: options.maxEvidence ?? 600 })}`);
    if (result.violations.length > max) lines.push(`  … and ${result.violations.length - max} more`);
    const trace = traceOfViolation(run, result.violations[0]);
    if (trace) lines.push(`  trace of the first violation's ${trace.entryPoint === 'rerun' ? 're-run' : 'event'}:`, indent(formatTrace(trace), '    '));
    const delivery = trace ? undefined : deliveryOfViolation(run, result.violations[0]);
    const handled = delivery === undefined ? undefined : formatDeliveryTrace(run, delivery);
    if (handled) lines.push("  what the pipeline did with the first violation's delivery:", indent(handled, '    '));
  }
  if (options.replay) lines.push('', `Replay: ${options.replay}`);
  return lines.join('\n');
}

/** The trace a violation is about: its event's, else the last event that created or merged its person. */
export function traceOfViolation(run: RunRecord, violation: Violation | undefined): EventTrace | undefined {
  if (violation === undefined) return undefined;
  if (violation.eventId !== undefined) {
    const found = run.traces.find((t) => t.eventId === violation.eventId);
    if (found) return found;
  }
  if (violation.personId === undefined) return undefined;
  let last: EventTrace | undefined;
  for (const trace of run.traces) {
    const o = trace.outcome;
    if (o && 'personId' in o && o.personId === violation.personId) last = trace;
  }
  return last;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
