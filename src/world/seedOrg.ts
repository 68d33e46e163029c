import type { Crm, WriteContext } from '../systems/crm/crm.ts';
import type { SObjectType } from '../systems/crm/schema.ts';
import { campaignRecordFields, type OrgSpec } from '../org/orgSpec.ts';

/** The CRM ids an org spec's keys were seeded as. */
export interface SeededOrg {
  readonly userIds: ReadonlyMap<string, string>;
  readonly queueIds: ReadonlyMap<string, string>;
  readonly accountIds: ReadonlyMap<string, string>;
  readonly campaignIds: ReadonlyMap<string, string>;
  readonly personIds: ReadonlyMap<string, { type: 'Lead' | 'Contact'; id: string }>;
}

/**
 * Seeds an org spec into the CRM through its own API (as the integration user, workflow "seed"), in dependency
 * order: users, queues, accounts, campaigns, people. Throws when the spec refers to a key it does not define or
 * the CRM refuses a record: a seed must be complete or nothing runs.
 */
export function seedCrm(crm: Crm, org: OrgSpec): SeededOrg {
  const ctx: WriteContext = { userId: crm.integrationUserId, workflow: 'seed' };
  const make = (type: SObjectType, key: string, fields: Record<string, unknown>): string => {
    for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
    const result = crm.create(type, fields, ctx);
    if (!result.ok) throw new Error(`Failed to seed ${type} "${key}": ${result.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}. Fix the org spec.`);
    return result.value.id;
  };
  const ref = (map: Map<string, string>, kind: string, key: string | undefined, from: string): string | undefined => {
    if (key === undefined) return undefined;
    const id = map.get(key);
    if (!id) throw new Error(`Failed to seed "${from}": it refers to ${kind} "${key}", which the org does not define. Add it or fix the key.`);
    return id;
  };
  // Users the spec says are inactive are seeded active and deactivated last: records they own or are the BDR of
  // were assigned while they worked here (the CRM refuses an inactive owner), as in an org where a rep left.
  const userIds = new Map<string, string>();
  for (const u of org.users) {
    const { key, ...fields } = u;
    userIds.set(key, make('User', key, { ...fields, IsActive: true, Username: u.Username ?? u.Email }));
  }
  const queueIds = new Map<string, string>();
  for (const name of org.queues) queueIds.set(name, make('Group', name, { Name: name, DeveloperName: name.replace(/\W+/g, '_'), Type: 'Queue' }));
  const defaultLeadOwner = org.defaultLeadOwner === undefined ? undefined : (userIds.get(org.defaultLeadOwner) ?? queueIds.get(org.defaultLeadOwner) ?? ref(userIds, 'user or queue', org.defaultLeadOwner, 'defaultLeadOwner'));
  if (defaultLeadOwner !== undefined) crm.leadSettings.defaultLeadOwnerId = defaultLeadOwner;
  const accountIds = new Map<string, string>();
  for (const a of org.accounts) {
    const { key, bdr, owner, fields: extra, ...fields } = a;
    accountIds.set(key, make('Account', key, { ...fields, BDR__c: ref(userIds, 'user', bdr, key), OwnerId: ref(userIds, 'user', owner, key), ...extra }));
  }
  const campaignIds = new Map<string, string>();
  for (const c of org.campaigns) {
    campaignIds.set(c.key, make('Campaign', c.key, campaignRecordFields(c, ref(accountIds, 'account', c.partnerAccount, c.key))));
  }
  const personIds = new Map<string, { type: 'Lead' | 'Contact'; id: string }>();
  for (const p of org.people) {
    const { key, kind, owner, account, partnerAccount, CountryCode, Status, Company, fields: extra, ...fields } = p;
    const ownerId = owner === undefined ? undefined : (userIds.get(owner) ?? queueIds.get(owner) ?? ref(userIds, 'user or queue', owner, key));
    const common = { ...fields, OwnerId: ownerId, Impartner_Partner_Account__c: ref(accountIds, 'account', partnerAccount, key), ...extra };
    const id =
      kind === 'Lead'
        ? make('Lead', key, { ...common, Company: Company ?? '[not provided]', CountryCode, Status })
        : make('Contact', key, { ...common, MailingCountryCode: CountryCode, Status__c: Status, AccountId: ref(accountIds, 'account', account, key) });
    personIds.set(key, { type: kind, id });
  }
  for (const u of org.users) {
    if (u.IsActive) continue;
    const result = crm.update('User', userIds.get(u.key) as string, { IsActive: false }, ctx);
    if (!result.ok) throw new Error(`Failed to seed User "${u.key}" inactive: ${result.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}. Fix the org spec.`);
  }
  return { userIds, queueIds, accountIds, campaignIds, personIds };
}
