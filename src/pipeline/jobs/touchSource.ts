import type { EntryPoint } from '../../model/entryPointId.ts';
import type { StandardLead } from '../../model/inboundLead.ts';
import type { CrmRecord } from '../leadWork.ts';
import type { PipelineContext } from '../pipelineContext.ts';

/** The acquisition source a person gets from its entry point when neither the payload nor the campaign gives one. */
export const ACQUISITION_BY_ENTRY_POINT: Readonly<Record<EntryPoint, string>> = {
  'web-form': 'Inbound',
  chat: 'Inbound',
  'ad-vendor': 'Paid Social',
  'list-upload': 'Event',
  'sales-created': 'Sales Generated',
  'partner-portal': 'Partner Referral',
  'trial-sign-up': 'Trial',
};

/**
 * The standardized lead with what its touch says about where the person came from: the acquisition source (the
 * payload's, else the campaign's default, else the entry point's) and the partner account (the payload's, else the
 * campaign's partner: a partner-sponsored event's attendees carry that partner). Also the campaign, when known.
 */
export async function withTouchSource(lead: StandardLead, ctx: PipelineContext): Promise<{ lead: StandardLead; campaign: CrmRecord | undefined }> {
  const a = lead.attribution;
  const campaign = a.campaign ? await ctx.directory.campaign(a.campaign) : undefined;
  const acquisitionSource = (a.acquisitionSource ?? campaign?.['Default_Acquisition_Source__c'] ?? ACQUISITION_BY_ENTRY_POINT[a.source]) as StandardLead['attribution']['acquisitionSource'];
  const partnerAccount = a.partnerAccount ?? (campaign?.['Partner_Account__c'] as string | undefined);
  const attribution = { ...a, ...(acquisitionSource ? { acquisitionSource } : {}), ...(partnerAccount ? { partnerAccount } : {}) };
  return { lead: { ...lead, attribution }, campaign };
}
