import type { CampaignHint, WorldHints } from '../generators/worldHints.ts';
import { CampaignSpecSchema, type CampaignSpec, type OrgSpec } from '../org/orgSpec.ts';
import { campaignPartnerKind } from '../world/worldHints.ts';

/**
 * The campaigns Sales Systems may create during a model-based sequence: one of each partner kind (DOMAIN.md rules
 * 1–3, owned by the org's first Channel partner) and a plain one. Generated payloads may name them from the start,
 * so an event can name one before it exists (an unknown campaign: no membership) and after (routed by it).
 */
export function midRunCampaigns(org: OrgSpec): CampaignSpec[] {
  const partner = org.accounts.find((a) => a.Type === 'Partner' && a.Partner_Type__c === 'Channel')?.key;
  const specs = [
    { key: 'midrun-webinar', Name: 'Webinar - Midrun Launch', Type: 'Webinar', offerType: 'Webinar', memberStatus: 'Registered' },
    ...(partner === undefined
      ? []
      : [
          { key: 'midrun-sponsored-event', Name: 'Partner Event - Midrun Roadshow', Type: 'Partner', partnerAccount: partner, Default_Acquisition_Source__c: 'Partner Sponsored Event', offerType: 'Event', memberStatus: 'Attended' },
          { key: 'midrun-mdf', Name: 'MDF - Midrun Webinar', Type: 'Webinar', MDF_Funding__c: 'Yes', partnerAccount: partner, offerType: 'Webinar', memberStatus: 'Attended' },
          { key: 'midrun-trial', Name: 'Partner - Trial - Midrun', Type: 'Trial', partnerAccount: partner, offerType: 'Free Trial', memberStatus: 'Responded' },
          { key: 'midrun-joint', Name: 'Joint Webinar - Midrun', Type: 'Webinar', Channel_Partner_Involved__c: 'Yes', partnerAccount: partner, offerType: 'Webinar', memberStatus: 'Attended' },
        ]),
  ];
  return specs.map((s) => CampaignSpecSchema.parse(s));
}

/**
 * `hints` with the mid-run campaigns added, under placeholder ids (`701MIDRUN…`: an id no record has, so a payload
 * naming one by id finds no campaign; by name, it finds it once created).
 */
export function withMidRunCampaigns(hints: WorldHints, org: OrgSpec): WorldHints {
  const extra = midRunCampaigns(org).map((c, i): CampaignHint => {
    const partnerName = org.accounts.find((a) => a.key === c.partnerAccount)?.Name;
    const partnerAccountId = hints.partnerAccounts.find((p) => p.name === partnerName)?.id;
    return { id: `701MIDRUN${String(i + 1).padStart(6, '0')}AAA`, name: c.Name, partnerKind: campaignPartnerKind(c), ...(partnerAccountId ? { partnerAccountId } : {}) };
  });
  return { ...hints, campaigns: [...hints.campaigns, ...extra] };
}
