import { evidenceOf } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { FieldHistoryReader, HistoryEntry } from '../systems/crm/fieldHistory.ts';
import { changeEvidence, handlingText } from './evidence/describeEvidence.ts';
import { defineInvariant } from './invariant.ts';
import { isEmptyValue } from './livePeople.ts';
import { stepEvidence } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/**
 * An update never blanks a filled field: no CRM field-history entry written by the pipeline (its credential, the
 * integration user, in a run with a request log, or a `pipeline:*` workflow) during the run changes a non-empty
 * value to empty (null, undefined or a blank string). Clearing a checkbox (true → false) is a value, not a blank. Evidence: the field history (with
 * the request and the delivery that made the change); the reference pipeline's traces add the job's step.
 */
export const updateNeverBlanks = defineInvariant({
  id: 'update-never-blanks',
  title: 'An update never blanks a filled field',
  description: 'No change the pipeline writes to the CRM turns a filled field empty.',
  evidence: ['field history', 'request log'],
  checkEvidence(run) {
    const evidence = evidenceOf(run);
    return blankings(run.world.crm.fieldHistory, evidence ? (i) => evidence.newValue(i) : undefined)
      .filter((h) => h.workflow?.startsWith('pipeline:') || evidence?.byPipeline(h))
      .map((h): Violation => {
        const source = stepThatWrote(run, h);
        const handling = evidence?.handlingOf(h);
        const who = h.workflow ?? `the pipeline's credential${handling ? ` while handling ${handlingText(handling)}` : ''}`;
        const eventId = source?.eventId ?? handling?.id;
        return {
          invariant: 'update-never-blanks',
          message: `${who} blanked ${h.object}.${h.field} of ${h.recordId} (was ${JSON.stringify(h.oldValue)}); expected an update to leave a filled field filled.`,
          ...(h.object === 'Lead' || h.object === 'Contact' ? { personId: h.recordId } : {}),
          ...(eventId ? { eventId } : {}),
          evidence: { history: evidence ? changeEvidence(evidence, h) : h, ...(source ? { step: source.step } : {}) },
        };
      });
  },
});

/** The history entries that turned a filled value empty, oldest first (only those become objects); `newValue` reads the run evidence's new values when there is one. */
function blankings(history: FieldHistoryReader, newValue: (index: number) => unknown = history.newValues()): HistoryEntry[] {
  const oldValue = history.column('oldValue');
  const out: HistoryEntry[] = [];
  for (let i = 0; i < history.length; i++) if (isEmptyValue(newValue(i)) && !isEmptyValue(oldValue(i))) out.push(history.entry(i));
  return out;
}

/** The trace step that made a history entry: the step of the workflow's job running at the entry's time. */
function stepThatWrote(run: RunRecord, h: HistoryEntry): { eventId: string; step: Record<string, unknown> } | undefined {
  if (!h.workflow?.startsWith('pipeline:')) return undefined;
  const job = h.workflow.slice('pipeline:'.length);
  for (const trace of run.traces) {
    const step = trace.steps.find((s) => s.job === job && s.startedAt <= h.at && h.at <= s.finishedAt);
    if (step) return { eventId: trace.eventId, step: stepEvidence(step) };
  }
  return undefined;
}
