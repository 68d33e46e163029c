import { ApiError } from '../../clients/apiError.ts';
import { CAMPAIGN_MEMBER_STATUSES, OFFER_TYPES } from '../../systems/crm/schema.ts';
import type { EntryPoint } from '../../model/entryPointId.ts';
import { soqlString } from '../soqlString.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import type { CrmRecord } from '../leadWork.ts';
import { stripAttributes } from './searchExisting.ts';

/** The acquisition source a person gets from its entry point when neither the payload nor the campaign gives one. */
const ACQUISITION_BY_ENTRY_POINT: Readonly<Record<EntryPoint, string>> = {
  'web-form': 'Inbound',
  chat: 'Inbound',
  'ad-vendor': 'Paid Social',
  'list-upload': 'Event',
  'sales-created': 'Sales Generated',
  'partner-portal': 'Partner Referral',
  'trial-sign-up': 'Trial',
};

/**
 * Records the touch: campaign membership with a valid status and offer type (a member that already exists has its
 * status updated instead), and the person's acquisition source and partner account from the campaign when the
 * person has none yet (a partner-sponsored event's attendees carry that partner).
 */
export const attribution: PipelineJob = {
  name: 'attribution',
  async run(work, ctx) {
    const lead = work.lead!;
    const person = work.person!;
    const a = lead.attribution;
    const campaign = a.campaign ? await ctx.directory.campaign(a.campaign) : undefined;
    const personUpdates: Record<string, unknown> = {};
    const acquisition = a.acquisitionSource ?? (campaign?.['Default_Acquisition_Source__c'] as string | undefined) ?? ACQUISITION_BY_ENTRY_POINT[a.source];
    if (!person.record['Lead_Acquisition_Source__c']) personUpdates['Lead_Acquisition_Source__c'] = acquisition;
    const partner = a.partnerAccount ?? (campaign?.['Partner_Account__c'] as string | undefined);
    if (partner && !person.record['Impartner_Partner_Account__c']) personUpdates['Impartner_Partner_Account__c'] = partner;
    if (Object.keys(personUpdates).length > 0) {
      await ctx.salesforce.update(person.type, person.id, personUpdates);
      Object.assign(person.record, personUpdates);
    }
    if (!campaign) {
      delete work.campaign;
      delete work.member;
      return { input: a, output: { campaign: null, personUpdates, unknownCampaign: a.campaign ?? null } };
    }
    work.campaign = campaign;
    const status = validOr(a.memberStatus, CAMPAIGN_MEMBER_STATUSES, 'Responded');
    const offer = validOr(a.offerType, OFFER_TYPES, undefined);
    const link = person.type === 'Lead' ? 'LeadId' : 'ContactId';
    const member: Record<string, unknown> = { CampaignId: campaign.Id, [link]: person.id, Status: status, ...(offer ? { Offer_Type__c: offer } : {}) };
    let action: string;
    try {
      const id = await ctx.salesforce.create('CampaignMember', member);
      work.member = { Id: id, ...member };
      action = 'created';
    } catch (error) {
      if (!(error instanceof ApiError) || error.vendorCode !== 'DUPLICATE_VALUE') throw error;
      const [existing] = await ctx.salesforce.query<CrmRecord>(
        `SELECT Id, CampaignId, LeadId, ContactId, Status, Offer_Type__c FROM CampaignMember WHERE CampaignId = ${soqlString(campaign.Id)} AND ${link} = ${soqlString(person.id)}`,
      );
      if (!existing) throw error;
      const changes: Record<string, unknown> = existing['Status'] === status ? {} : { Status: status };
      if (Object.keys(changes).length > 0) await ctx.salesforce.update('CampaignMember', existing.Id, changes);
      work.member = { ...stripAttributes(existing), ...changes };
      action = Object.keys(changes).length > 0 ? 'updated' : 'unchanged';
    }
    return { input: a, output: { campaign: campaign.Id, member: work.member, action, personUpdates, lastTouch: { source: a.source, at: a.occurredAt } } };
  },
};

function validOr<T extends string, D extends string | undefined>(value: string | undefined, allowed: readonly T[], fallback: D): T | D {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
