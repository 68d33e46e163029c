import { evidenceOf, type RunEvidence } from '../../evidence/runEvidence.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { formatSfDateTime } from '../../systems/crm/sfDateTime.ts';
import type { Violation } from '../violation.ts';
import { changeEvidence, handlingEvidence, handlingText, userText } from './describeEvidence.ts';
import { finalAnswers, wroteNothing } from './finalAnswers.ts';
import { heldCampaign } from './heldCampaign.ts';

/**
 * Routing decides on what the CRM holds, from the field history and the deliveries:
 * - every owner the pipeline's credential gives a person (`OwnerId`, on create or update) is, at that moment, an
 *   active user (or a queue), and an SDR it newly assigns is not out of office;
 * - a delivery the pipeline answered done, whose touch names a campaign the CRM held when the handling began (by
 *   CRM id, or by name in any case), leaves its person a member of that campaign.
 * A stale cache of users or campaigns breaks it.
 */
export function freshRoutingDataEvidence(run: RunRecord): Violation[] {
  const evidence = evidenceOf(run);
  if (!evidence) return [];
  return [...ownerProblems(evidence, run.startedAt), ...campaignProblems(evidence)];
}

function ownerProblems(evidence: RunEvidence, startedAt: number): Violation[] {
  const out: Violation[] = [];
  for (const entry of evidence.changesTo('OwnerId')) {
    if ((entry.object !== 'Lead' && entry.object !== 'Contact') || !evidence.byPipeline(entry)) continue;
    const ownerId = entry.newValue;
    if (typeof ownerId !== 'string' || evidence.crm.get('User', ownerId) === undefined) continue;
    const before = evidence.position(entry);
    const when = formatSfDateTime(entry.at);
    const handling = evidence.handlingOf(entry);
    const fail = (why: string) =>
      out.push({
        invariant: 'fresh-routing-data',
        message: `The pipeline gave ${entry.object} ${entry.recordId} to ${userText(evidence, ownerId)}, who was ${why} at ${when}${handling ? ` (${handlingText(handling)})` : ''}; expected routing to decide on the users as the CRM holds them.`,
        personId: entry.recordId,
        ...(handling ? { eventId: handling.id } : {}),
        evidence: { change: changeEvidence(evidence, entry) },
      });
    if (evidence.valueAt(ownerId, 'IsActive', before) !== true) fail('inactive');
    else if (entry.oldValue !== ownerId && evidence.valueAt(ownerId, 'Role__c', before) === 'SDR' && evidence.valueAt(ownerId, 'Out_Of_Office__c', before) === true) fail('out of office');
  }
  return out;
}

function campaignProblems(evidence: RunEvidence): Violation[] {
  const out: Violation[] = [];
  for (const { delivery, handling, person } of finalAnswers(evidence)) {
    const named = evidence.readingOf(delivery).campaign?.trim();
    if (handling.answer?.kind !== 'done' || person === undefined || !named || wroteNothing(evidence, delivery.id)) continue;
    const held = heldCampaign(evidence, named, evidence.startOf(handling));
    if (held === undefined) continue;
    const end = evidence.endOf(handling);
    const member = evidence.membersOf(person.id).find((m) => m['CampaignId'] === held['Id'] && evidence.existedAt(m.Id, end));
    if (member !== undefined) continue;
    out.push({
      invariant: 'fresh-routing-data',
      message: `${handlingText(handling)} names campaign ${JSON.stringify(named)}, which the CRM held (Campaign ${String(held['Id'])} ${JSON.stringify(held['Name'])}), but ${person.type} ${person.id} is not its member after it; expected the pipeline to attribute the touch to the campaigns the CRM holds.`,
      personId: person.id,
      eventId: handling.id,
      evidence: handlingEvidence(evidence, handling),
    });
  }
  return out;
}
