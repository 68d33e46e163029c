import { emailKey, evidenceOf, type RunEvidence } from '../../evidence/runEvidence.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { isSalesUser } from '../../systems/crm/schema.ts';
import type { SRecord } from '../../systems/crm/recordSource.ts';
import type { Violation } from '../violation.ts';
import { changeEvidence, handlingEvidence, handlingText, requestText, userText } from './describeEvidence.ts';

/**
 * One process, from the evidence any pipeline leaves (field history, request log, deliveries): every lead created
 * during the run was either
 * - created by the pipeline's own credential (the integration user of `env.salesforce`) while it handled a delivery,
 *   for that delivery's person (the lead's email standardizes to the delivery's), and no other lead was created for
 *   that delivery id (across its handlings and repeats); or
 * - created by a sales rep (a user with a sales role) and named by exactly one sales-created delivery, which the
 *   pipeline handled;
 * and no lead was created by anyone else (a native connector's user, an admin, the pipeline outside a delivery).
 */
export function oneProcessEvidence(run: RunRecord): Violation[] {
  const evidence = evidenceOf(run);
  if (!evidence) return [];
  const crm = evidence.crm;
  const salesDeliveries = salesCreatedDeliveries(evidence);
  const createdFor = new Map<string, string[]>();
  const out: Violation[] = [];
  for (const lead of crm.records('Lead', { includeDeleted: true })) {
    const created = evidence.createdBy(lead.Id);
    if (created === undefined || !evidence.duringRun(created)) continue;
    const handling = evidence.handlingOf(created);
    const fail = (message: string, eventId?: string, extra: Record<string, unknown> = {}) =>
      out.push({ invariant: 'one-process', message, personId: lead.Id, ...(eventId ? { eventId } : {}), evidence: { record: leadEvidence(lead), created: changeEvidence(evidence, created), ...extra } });
    if (created.userId === evidence.pipelineUserId) {
      if (handling === undefined || handling.kind !== 'delivery') {
        fail(`Lead ${lead.Id} was created by the pipeline's credential (${userText(evidence, created.userId)}) through ${requestText(evidence.requestOf(created))} outside the handling of any delivery${handling ? ` (during ${handlingText(handling)})` : ''}; expected the pipeline to create a lead only for a delivery.`);
        continue;
      }
      const siblings = createdFor.get(handling.id) ?? [];
      siblings.push(lead.Id);
      createdFor.set(handling.id, siblings);
      if (siblings.length > 1) {
        fail(`Lead ${lead.Id} is a second lead created for ${handlingText(handling)} (the first is ${siblings[0]}), through ${requestText(evidence.requestOf(created))}; expected exactly one lead per delivery, whatever retries and repeats it took.`, handling.id, { handling: handlingEvidence(evidence, handling) });
        continue;
      }
      const wanted = handling.delivery ? evidence.readingOf(handling.delivery).email : undefined;
      const email = emailKey(evidence.firstChangeTo(lead.Id, 'Email')?.newValue);
      if (wanted !== undefined && email !== wanted) {
        fail(`Lead ${lead.Id} was created while handling ${handlingText(handling)}, whose person is ${wanted}, but its email is ${JSON.stringify(email ?? null)}; expected a delivery to create only its own person.`, handling.id);
      }
      continue;
    }
    const creator = crm.get('User', created.userId);
    if (isSalesUser(creator)) {
      const deliveries = salesDeliveries.get(lead.Id) ?? [];
      const handled = deliveries.filter((id) => evidence.handlingsOfId(id).some((h) => h.answer !== undefined));
      if (deliveries.length !== 1 || handled.length !== 1) {
        fail(
          `Lead ${lead.Id} was created by sales rep ${userText(evidence, created.userId)} and named by ${deliveries.length} sales-created deliver${deliveries.length === 1 ? 'y' : 'ies'} (${deliveries.join(', ') || 'none'}), ${handled.length} of them handled; expected exactly one, handled by the pipeline.`,
          deliveries[0],
        );
      }
      continue;
    }
    fail(`Lead ${lead.Id} was created by ${userText(evidence, created.userId)}${created.workflow ? ` through ${created.workflow}` : ''}, outside the pipeline; expected every lead to be created by the pipeline's credential while handling a delivery, or by a sales rep.`);
  }
  return out;
}

/** Lead id → the ids of the sales-created deliveries (not repeats) whose change event names it. */
function salesCreatedDeliveries(evidence: RunEvidence): Map<string, string[]> {
  const byLead = new Map<string, string[]>();
  for (const delivery of evidence.firstDeliveries()) {
    if (delivery.entryPoint !== 'sales-created') continue;
    for (const id of evidence.readingOf(delivery).recordIds) {
      const list = byLead.get(id) ?? [];
      if (!list.includes(delivery.id)) list.push(delivery.id);
      byLead.set(id, list);
    }
  }
  return byLead;
}

function leadEvidence(lead: SRecord): Record<string, unknown> {
  const pick = ['Id', 'Email', 'LeadSource', 'OwnerId', 'CreatedById', 'CreatedDate', 'IsConverted', 'IsDeleted'];
  return Object.fromEntries(pick.map((f) => [f, lead[f] ?? null]));
}
