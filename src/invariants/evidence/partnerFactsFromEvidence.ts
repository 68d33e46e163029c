import type { Handling } from '../../evidence/deliveryLog.ts';
import type { PersonRef, RunEvidence } from '../../evidence/runEvidence.ts';
import { normalizeId } from '../../systems/crm/ids.ts';
import { isSalesUser } from '../../systems/crm/schema.ts';
import { isEmptyValue } from '../livePeople.ts';
import { CAMPAIGN_FIELDS, heldCampaign, snapshot } from './heldCampaign.ts';
import type { PartnerFacts } from '../partnerRules.ts';

/**
 * What the partner rules read about one handling of one person, from the evidence alone:
 * - the trigger: `new` when the handling created the person or it is a sales-created delivery's own lead,
 *   `engagement` when the person existed before; a re-run or a recall keeps its kind;
 * - the touch: the delivery's campaign (as the CRM held it when the handling began, by id or by name), its member
 *   status (the person's membership after the handling, else the delivery's), and where the person came from: for a
 *   new person the delivery's acquisition source and partner account (else the campaign's default and partner),
 *   for an existing one its record's (else the delivery's);
 * - the person as it was before the handling: status, sequencing, owner (and whether that owner was an active
 *   sales user), recall flags after it.
 */
export function partnerFactsFromEvidence(evidence: RunEvidence, handling: Handling, person: PersonRef): PartnerFacts {
  const start = evidence.startOf(handling);
  const end = evidence.endOf(handling);
  const reading = handling.delivery ? evidence.readingOf(handling.delivery) : undefined;
  const existed = evidence.existedAt(person.id, start);
  const salesCreated = handling.delivery?.entryPoint === 'sales-created' && reading!.recordIds.some((id) => (normalizeId(id) ?? id) === person.id);
  const trigger = handling.kind !== 'delivery' ? handling.kind : existed && !salesCreated ? 'engagement' : 'new';
  const before = (field: string) => (existed ? evidence.valueAt(person.id, field, start) : undefined);
  const after = (field: string) => evidence.valueAt(person.id, field, end);
  const campaign = handling.kind === 'delivery' ? heldCampaign(evidence, reading?.campaign, start) : latestCampaign(evidence, person.id, start);
  const given = (own: unknown, touch: unknown): unknown => (trigger === 'new' ? (touch ?? filled(own)) : (filled(own) ?? touch));
  const acquisition = given(after('Lead_Acquisition_Source__c'), reading?.acquisitionSource ?? filled(campaign?.['Default_Acquisition_Source__c']));
  const partnerId = given(after('Impartner_Partner_Account__c'), reading?.partnerAccount ?? filled(campaign?.['Partner_Account__c']));
  const statusField = person.type === 'Lead' ? 'Status' : 'Status__c';
  const ownerId = existed ? before('OwnerId') : undefined;
  const owner = typeof ownerId === 'string' ? evidence.crm.get('User', ownerId) : undefined;
  const ownerIsActiveUser = owner !== undefined && isSalesUser(owner) && evidence.valueAt(String(ownerId), 'IsActive', start) === true;
  const member = campaign ? membership(evidence, String(campaign['Id']), person, end) : undefined;
  const partnerAccount = typeof partnerId === 'string' ? snapshot(evidence, partnerId, ['Name', 'Partner_Type__c'], start) : undefined;
  return {
    trigger,
    person: {
      Id: person.id,
      OwnerId: ownerId ?? null,
      Status: (existed ? before(statusField) : after(statusField)) ?? null,
      Lead_Acquisition_Source__c: acquisition ?? null,
      Impartner_Partner_Account__c: partnerId ?? null,
      Partner_Recalled__c: after('Partner_Recalled__c') ?? null,
      Partner_Recalled_Date__c: after('Partner_Recalled_Date__c') ?? null,
      Actively_Being_Sequenced__c: (existed ? before('Actively_Being_Sequenced__c') : after('Actively_Being_Sequenced__c')) ?? null,
      isSalesCreated: salesCreated,
    },
    campaign,
    campaignMember: member ?? (campaign && reading ? { Status: reading.memberStatus } : undefined),
    partnerAccount,
    ownerIsActiveUser,
  };
}

function filled(value: unknown): unknown {
  return isEmptyValue(value) ? undefined : value;
}

/** The campaign of a person's latest membership at a position (what a re-run routes on). */
function latestCampaign(evidence: RunEvidence, personId: string, at: number): Record<string, unknown> | undefined {
  let latest: { campaignId: string; position: number } | undefined;
  for (const member of evidence.membersOf(personId)) {
    if (member['IsDeleted'] === true) continue;
    const position = evidence.creationOf(member.Id);
    if (position < at && (latest === undefined || position > latest.position)) latest = { campaignId: String(member['CampaignId']), position };
  }
  return latest ? snapshot(evidence, latest.campaignId, CAMPAIGN_FIELDS, at) : undefined;
}

/** The person's member record of a campaign at a position. */
function membership(evidence: RunEvidence, campaignId: string, person: PersonRef, at: number): Record<string, unknown> | undefined {
  const link = person.type === 'Lead' ? 'LeadId' : 'ContactId';
  for (const member of evidence.membersOf(person.id)) {
    if (member['CampaignId'] !== campaignId || member[link] !== person.id || !evidence.existedAt(member.Id, at)) continue;
    return { Id: member.Id, Status: evidence.valueAt(member.Id, 'Status', at) ?? null };
  }
  return undefined;
}
