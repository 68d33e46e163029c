import type { RunRecord } from '../simulation/runRecord.ts';
import type { HistoryEntry } from '../systems/crm/fieldHistory.ts';
import type { Invariant } from './invariant.ts';
import { isEmptyValue } from './livePeople.ts';
import { stepEvidence } from './traceSegments.ts';

/**
 * An update never blanks a filled field: no CRM field-history entry written by the pipeline (workflow
 * `pipeline:*`) changes a non-empty value to empty (null, undefined or a blank string). Clearing a checkbox
 * (true → false) is a value, not a blank.
 */
export const updateNeverBlanks: Invariant = {
  id: 'update-never-blanks',
  title: 'An update never blanks a filled field',
  description: 'No change the pipeline writes to the CRM turns a filled field empty.',
  check(run) {
    return run.world.crm
      .history()
      .filter((h) => h.workflow?.startsWith('pipeline:') && !isEmptyValue(h.oldValue) && isEmptyValue(h.newValue))
      .map((h) => {
        const source = stepThatWrote(run, h);
        return {
          invariant: 'update-never-blanks' as const,
          message: `${h.workflow} blanked ${h.object}.${h.field} of ${h.recordId} (was ${JSON.stringify(h.oldValue)}); expected an update to leave a filled field filled.`,
          ...(h.object === 'Lead' || h.object === 'Contact' ? { personId: h.recordId } : {}),
          ...(source ? { eventId: source.eventId } : {}),
          evidence: { history: h, ...(source ? { step: source.step } : {}) },
        };
      });
  },
};

/** The trace step that made a history entry: the step of the workflow's job running at the entry's time. */
function stepThatWrote(run: RunRecord, h: HistoryEntry): { eventId: string; step: Record<string, unknown> } | undefined {
  const job = h.workflow?.slice('pipeline:'.length);
  for (const trace of run.traces) {
    const step = trace.steps.find((s) => s.job === job && s.startedAt <= h.at && h.at <= s.finishedAt);
    if (step) return { eventId: trace.eventId, step: stepEvidence(step) };
  }
  return undefined;
}
