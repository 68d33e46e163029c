import type { SRecord } from '../../systems/crm/recordSource.ts';
import type { PrmRecord } from '../../systems/prm/prmValues.ts';
import { isLiveProspect } from '../../systems/prm/prospectRules.ts';
import type { Violation } from '../violation.ts';

/**
 * The partner-queue violation of a person the Partner Queue holds without a live, not recalled, Impartner prospect
 * (no partner sees it and no SDR works it), or undefined when one of `prospects` (its, by CrmId) is live. `evidence` adds what each form knows.
 */
export function queuedWithoutProspect(prospects: readonly PrmRecord[], type: string, record: SRecord, eventId: string | undefined, evidence: (prospects: readonly PrmRecord[]) => Record<string, unknown>): Violation | undefined {
  if (prospects.some(isLiveProspect)) return undefined;
  return {
    invariant: 'partner-queue',
    message: `${type} ${record.Id} is owned by the Partner Queue without a live prospect (${prospects.length > 0 ? `prospect ${prospects.map((p) => p.Id).join(', ')} recalled` : 'none in the PRM'}): no partner sees it and no SDR works it; expected every person in the Partner Queue to have a live, not recalled, PRM prospect.`,
    personId: record.Id,
    ...(eventId !== undefined ? { eventId } : {}),
    evidence: evidence(prospects),
  };
}
