import type { LeadsimHarness } from '../createHarness.ts';
import { actingRep, restAsRep } from '../repActions.ts';
import { actionDone, actionProblem, actionRefused, type ActionResult, type PersonRef } from './actionResult.ts';
import type { RepActionOptions } from './editPerson.ts';

/**
 * Marketing sets the person's campaign member status (e.g. Registered → Attended after the event) through the CRM
 * REST API: `PATCH sobjects/CampaignMember/{id}`, or `POST sobjects/CampaignMember` when the person is not a member
 * of the campaign yet. The CRM checks the status against the restricted picklist.
 */
export async function setMemberStatus(h: LeadsimHarness, person: PersonRef, campaignId: string, status: string, options: RepActionOptions = {}): Promise<ActionResult> {
  const crm = h.world.crm;
  const record = crm.get(person.type, person.id);
  const as = options.as ?? actingRep(h.world, record?.['OwnerId']);
  if (record === undefined) return actionProblem(as, `${person.type} ${person.id} is not in the CRM`);
  const link = person.type === 'Lead' ? 'LeadId' : 'ContactId';
  const member = [...crm.records('CampaignMember')].find((m) => m['CampaignId'] === campaignId && m[link] === person.id);
  const result = member
    ? await restAsRep(h.world, h.transport, as, 'PATCH', `sobjects/CampaignMember/${member.Id}`, { Status: status })
    : await restAsRep(h.world, h.transport, as, 'POST', 'sobjects/CampaignMember', { CampaignId: campaignId, [link]: person.id, Status: status });
  if (!result.ok) return actionRefused(as, `the CRM refused ${member ? `CampaignMember ${member.Id}` : 'the campaign member'} Status ${JSON.stringify(status)}: ${result.message}`);
  return actionDone(as, `${member ? `CampaignMember ${member.Id}` : `new member of ${campaignId}`} (${person.id}) Status ${status} by ${as}`);
}
