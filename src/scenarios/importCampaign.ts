import { InputError } from '../core/errors.ts';
import type { CampaignSpec, OrgSpec } from '../org/orgSpec.ts';

/** The fields of a campaign created for an import (`record --create-campaign`). */
export interface NewCampaign {
  /** Campaign `Type` (default `Trade Show`: event lists come from trade shows and conferences). */
  readonly type?: CampaignSpec['Type'];
  readonly mdfFunding?: CampaignSpec['MDF_Funding__c'];
  readonly channelPartnerInvolved?: CampaignSpec['Channel_Partner_Involved__c'];
  /** Key of the partner account behind the campaign, when a partner sponsored or co-ran the event. */
  readonly partnerAccount?: string;
}

/** The campaign an import is attributed to: its name as the org spells it, and the org (with the campaign when created). */
export interface ImportCampaign {
  readonly name: string;
  readonly org: OrgSpec;
  readonly created?: CampaignSpec;
}

/**
 * Finds the campaign an imported list was uploaded to, by name (case and surrounding spaces ignored, as the
 * pipeline's attribution looks it up) or org key. Not in the org: created from `create` when given, else an error
 * listing the org's campaigns, since every row would silently lose its attribution.
 *
 * @throws {InputError} `INVALID_ARGUMENT` naming the campaign and listing the known ones; or naming a partner account the org does not have.
 */
export function importCampaign(org: OrgSpec, campaign: string, create?: NewCampaign): ImportCampaign {
  const wanted = campaign.trim().toLowerCase();
  const known = org.campaigns.find((c) => c.Name.trim().toLowerCase() === wanted || c.key === campaign);
  if (known) return { name: known.Name, org };
  const fail = (message: string, expected: string, hint: string): never => {
    throw new InputError('INVALID_ARGUMENT', { action: 'record the import', file: 'leadsim record', issues: [{ path: ['campaign'], message, expected }], hint });
  };
  if (create === undefined) {
    const names = org.campaigns.map((c) => JSON.stringify(c.Name));
    fail(
      `the campaign ${JSON.stringify(campaign)} is not in the org`,
      names.length ? `one of ${names.join(', ')}` : 'a campaign of the org (it has none)',
      'Pass one of those to --campaign, or add --create-campaign (with --campaign-type, --mdf-funding, --channel-partner-involved, --campaign-partner-account) to create it.',
    );
  }
  if (create?.partnerAccount !== undefined && !org.accounts.some((a) => a.key === create.partnerAccount && a.Type === 'Partner')) {
    const partners = org.accounts.filter((a) => a.Type === 'Partner').map((a) => JSON.stringify(a.key));
    fail(`the partner account ${JSON.stringify(create.partnerAccount)} is not in the org`, partners.length ? `one of ${partners.join(', ')}` : 'a partner account key of the org (it has none)', 'Pass the key of a partner account of the org.');
  }
  const created: CampaignSpec = {
    key: uniqueKey(org, campaign),
    Name: campaign.trim(),
    Type: create?.type ?? 'Trade Show',
    MDF_Funding__c: create?.mdfFunding ?? 'No',
    Channel_Partner_Involved__c: create?.channelPartnerInvolved ?? 'No',
    ...(create?.partnerAccount !== undefined ? { partnerAccount: create.partnerAccount } : {}),
  };
  return { name: created.Name, org: { ...org, campaigns: [...org.campaigns, created] }, created };
}

function uniqueKey(org: OrgSpec, name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'campaign';
  let key = base;
  for (let i = 2; org.campaigns.some((c) => c.key === key); i++) key = `${base}-${i}`;
  return key;
}
