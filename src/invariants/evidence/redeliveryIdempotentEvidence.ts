import { evidenceOf } from '../../evidence/runEvidence.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import type { Violation } from '../violation.ts';
import { changeEvidence, handlingEvidence, handlingText } from './describeEvidence.ts';

/**
 * Delivering an event twice changes nothing, from the deliveries and the three systems' field histories: once the
 * pipeline has answered a delivery id done or rejected, every later handling of that id (a repeat with the same
 * idempotency key, or the same delivery handled again) changes no CRM field (no field-history entry through its
 * requests) and no Marketo or Impartner field (no change in their histories while it ran). A delivery that failed may
 * write when it is delivered again: it was never done.
 */
export function redeliveryIdempotentEvidence(run: RunRecord): Violation[] {
  const evidence = evidenceOf(run);
  if (!evidence) return [];
  const out: Violation[] = [];
  for (const delivery of evidence.firstDeliveries()) {
    let settled = false;
    for (const handling of evidence.handlingsOfId(delivery.id)) {
      if (handling.kind !== 'delivery') continue;
      if (settled) {
        const crm = evidence.writesOf(handling);
        const others = evidence.otherChangesIn(handling);
        if (crm.length > 0 || others.length > 0) {
          const changed = [...new Set([...crm.map((e) => `${e.object} ${e.recordId}.${e.field}`), ...others.map((e) => `${e.system} ${e.record}.${e.field}`)])];
          out.push({
            invariant: 'redelivery-idempotent',
            message: `${handlingText(handling)} came after the pipeline had answered this id, and changed ${changed.slice(0, 6).join(', ')}${changed.length > 6 ? ` and ${changed.length - 6} more` : ''}; expected a repeated delivery (same idempotency key) to change nothing.`,
            eventId: delivery.id,
            ...(crm[0] && (crm[0].object === 'Lead' || crm[0].object === 'Contact') ? { personId: crm[0].recordId } : {}),
            evidence: { ...handlingEvidence(evidence, handling), crmChanges: crm.slice(0, 10).map((e) => changeEvidence(evidence, e)), otherChanges: others.slice(0, 10) },
          });
        }
      }
      if (handling.answer?.kind === 'done' || handling.answer?.kind === 'rejected') settled = true;
    }
  }
  return out;
}
