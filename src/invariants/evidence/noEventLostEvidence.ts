import { evidenceOf } from '../../evidence/runEvidence.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import type { Violation } from '../violation.ts';
import { handlingEvidence, handlingText } from './describeEvidence.ts';
import { finalAnswers, wroteNothing } from './finalAnswers.ts';

/**
 * No event lost, from the deliveries, the request log and the records: every delivery id was handed to the pipeline
 * and its last handling ended with an answer, and that answer is one of
 * - done, with a live CRM person for the delivery's email (created, updated or already there: processed or merged);
 * - done having written nothing anywhere: a rejection without a reason (the pipeline's call, reported as such);
 * - rejected with a reason (`{ rejected: reason }`);
 * - failed with an error (parked: delivered again later, and failed again).
 * Done with writes but no person for its email (half processed), no answer, or an empty reason is a lost event.
 */
export function noEventLostEvidence(run: RunRecord): Violation[] {
  const evidence = evidenceOf(run);
  if (!evidence) return [];
  const out: Violation[] = [];
  const answered = new Map(finalAnswers(evidence).map((a) => [a.delivery.id, a]));
  for (const delivery of evidence.firstDeliveries()) {
    const final = answered.get(delivery.id);
    const lost = (message: string, extra: Record<string, unknown> = {}) =>
      out.push({ invariant: 'no-event-lost', message: `${message}; expected every delivery to end processed, merged, rejected with a reason, or parked with one.`, eventId: delivery.id, evidence: { delivery: { id: delivery.id, entryPoint: delivery.entryPoint, receivedAt: new Date(delivery.receivedAt).toISOString() }, ...extra } });
    if (final === undefined) {
      lost(`Delivery ${delivery.id} (${delivery.entryPoint}) was made and never handed to the pipeline`);
      continue;
    }
    const { handling, person } = final;
    const answer = handling.answer;
    const about = handlingText(handling);
    if (answer === undefined) {
      lost(`The pipeline never answered ${about}`, handlingEvidence(evidence, handling));
      continue;
    }
    if (answer.kind === 'rejected' && answer.reason.trim() === '') lost(`The pipeline rejected ${about} without a reason`, handlingEvidence(evidence, handling));
    if (answer.kind === 'failed' && answer.error.trim() === '') lost(`The pipeline failed ${about} without saying why`, handlingEvidence(evidence, handling));
    if (answer.kind !== 'done' || person !== undefined) continue;
    const handlings = evidence.handlingsOfId(delivery.id);
    const wrotePerson = handlings.some((h) => evidence.writesOf(h).some((e) => e.object === 'Lead' || e.object === 'Contact'));
    if (wrotePerson || wroteNothing(evidence, delivery.id)) continue;
    lost(`The pipeline answered ${about} done and wrote to the systems, but no CRM person has its email`, handlingEvidence(evidence, handling));
  }
  return out;
}
