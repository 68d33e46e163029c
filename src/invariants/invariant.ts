import { withEvidence } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { InvariantId, Violation } from './violation.ts';

/**
 * The kinds of evidence an invariant reads. The first four are what any pipeline leaves behind; `traces` are the
 * reference pipeline's own job traces.
 * - `records`: the CRM's, Marketo's and Impartner's records as the run left them;
 * - `field history`: who (which user or integration credential) changed which field, when, through which request;
 * - `request log`: every request each system received: method, path, credential, status, and the delivery the
 *   pipeline was handling when it arrived;
 * - `deliveries`: every delivery made to the pipeline (entry point, payload, idempotency key, time) and its answer;
 * - `traces`: the reference pipeline's job traces (input, output, API calls per job).
 */
export type EvidenceKind = 'records' | 'field history' | 'request log' | 'deliveries' | 'traces';

/**
 * A check every run must pass: a pure function of the {@link RunRecord} that returns its violations, none when the
 * run is sound. Each invariant has an evidence form that reads only what any pipeline leaves behind (so it judges a
 * pipeline leadsim did not write) and, where the reference pipeline's traces say more, a trace form with sharper
 * messages (and checks only traces allow, such as the order of its jobs).
 */
export interface Invariant {
  readonly id: InvariantId;
  /** A few words, for report headings. */
  readonly title: string;
  /** What the invariant demands, in one or two sentences. */
  readonly description: string;
  /** What the evidence form reads. */
  readonly evidence: readonly EvidenceKind[];
  /** The evidence form: records, field histories, request logs and deliveries, whatever pipeline ran. */
  checkEvidence(run: RunRecord): Violation[];
  /** The trace form, for runs of the reference pipeline: sharper messages where its traces exist. */
  checkTraces?(run: RunRecord): Violation[];
  /** Both forms: the trace form's violations, then the evidence form's about anyone the trace form did not name. */
  check(run: RunRecord): Violation[];
}

/** Which forms {@link Invariant} checks run: both (default), only the evidence form, or only the trace form. */
export type InvariantForms = 'both' | 'evidence' | 'traces';

/** Builds an {@link Invariant} whose `check` merges its two forms. */
export function defineInvariant(spec: Omit<Invariant, 'check'>): Invariant {
  return { ...spec, check: (run) => checkForms(spec, run, 'both') };
}

/**
 * Runs an invariant's forms. With both, an evidence-form violation about a person or event the trace form already
 * named (or a run-wide one when the trace form has a run-wide one) is left out: the trace form says it sharper.
 */
export function checkForms(invariant: Pick<Invariant, 'checkEvidence' | 'checkTraces'>, run: RunRecord, forms: InvariantForms): Violation[] {
  return withEvidence(run, () => mergeForms(invariant, run, forms));
}

function mergeForms(invariant: Pick<Invariant, 'checkEvidence' | 'checkTraces'>, run: RunRecord, forms: InvariantForms): Violation[] {
  // A pipeline of yours leaves no traces: only the evidence form can judge it.
  const traceForm = run.pipelineUnderTest === undefined ? invariant.checkTraces : undefined;
  const traced = forms !== 'evidence' && traceForm ? traceForm(run) : [];
  if (forms === 'traces') return traceForm ? traced : invariant.checkEvidence(run);
  const evidence = invariant.checkEvidence(run);
  if (traced.length === 0) return evidence;
  const named = new Set(traced.flatMap(subjects));
  const runWide = traced.some((v) => subjects(v).length === 0);
  return [...traced, ...evidence.filter((v) => (subjects(v).length === 0 ? !runWide : !subjects(v).some((s) => named.has(s))))];
}

function subjects(v: Violation): string[] {
  return [...(v.personId ? [`person:${v.personId}`] : []), ...(v.eventId ? [`event:${v.eventId}`] : [])];
}
