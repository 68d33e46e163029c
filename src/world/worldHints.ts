import type { CampaignPartnerKind, WorldHints } from '../generators/worldHints.ts';
import type { CampaignSpec } from '../org/orgSpec.ts';
import { domainOfWebsite } from '../standardize/websiteDomain.ts';
import type { World } from './world.ts';

/** How a campaign involves a partner, by the fields routing reads (DOMAIN.md rules 1–3). */
export function campaignPartnerKind(c: CampaignSpec): CampaignPartnerKind {
  if (c.Default_Acquisition_Source__c === 'Partner Sponsored Event') return 'sponsored-event';
  if (c.MDF_Funding__c === 'Yes') return 'mdf';
  if (c.Name.startsWith('Partner - Trial')) return 'trial';
  if (c.Channel_Partner_Involved__c === 'Yes') return 'joint';
  return 'none';
}

/** What the payload generators may know about a seeded world: its campaigns, partners, domains, people, reps. */
export function worldHintsOf(world: Pick<World, 'org' | 'ids'>): WorldHints {
  const { org, ids } = world;
  const id = (map: ReadonlyMap<string, string>, key: string) => map.get(key) as string;
  return {
    campaigns: org.campaigns.map((c) => ({
      id: id(ids.campaignIds, c.key),
      name: c.Name,
      partnerKind: campaignPartnerKind(c),
      ...(c.partnerAccount ? { partnerAccountId: id(ids.accountIds, c.partnerAccount) } : {}),
    })),
    partnerAccounts: org.accounts
      .filter((a) => a.Type === 'Partner' && a.Partner_Type__c)
      .map((a) => ({
        id: id(ids.accountIds, a.key),
        name: a.Name,
        partnerType: a.Partner_Type__c!,
        partnerUserIds: org.partnerUsers.filter((u) => u.partnerAccount === a.key).map((u) => u.Email),
      })),
    accountDomains: org.accounts.filter((a) => a.Type !== 'Partner').flatMap((a) => domainOfWebsite(a.Website) ?? []),
    existingEmails: org.people.map((p) => p.Email),
    salesUsers: org.users.flatMap((u) =>
      u.IsActive && u.Region__c !== undefined && u.Role__c !== undefined ? [{ id: id(ids.userIds, u.key), name: `${u.FirstName} ${u.LastName}`, region: u.Region__c, role: u.Role__c }] : [],
    ),
  };
}
