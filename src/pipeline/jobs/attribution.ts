import { ApiError } from '../../clients/apiError.ts';
import { CAMPAIGN_MEMBER_STATUSES, OFFER_TYPES } from '../../systems/crm/schema.ts';
import { soqlString } from '../soqlString.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import type { CrmRecord } from '../leadWork.ts';
import { stripAttributes } from './searchExisting.ts';

/**
 * Records the touch: campaign membership with a valid status and offer type (a member that already exists has its
 * status updated instead). Where the person came from was written with the person (upsertPerson).
 */
export const attribution: PipelineJob = {
  name: 'attribution',
  async run(work, ctx) {
    const lead = work.lead!;
    const person = work.person!;
    const a = lead.attribution;
    const campaign = a.campaign ? await ctx.directory.campaign(a.campaign) : undefined;
    if (!campaign) {
      delete work.campaign;
      delete work.member;
      return { input: a, output: { campaign: null, unknownCampaign: a.campaign ?? null } };
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
    return { input: a, output: { campaign: campaign.Id, member: work.member, action, lastTouch: { source: a.source, at: a.occurredAt } } };
  },
};

function validOr<T extends string, D extends string | undefined>(value: string | undefined, allowed: readonly T[], fallback: D): T | D {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
