import type { Impartner } from '../systems/prm/impartner.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { SeededOrg } from './seedOrg.ts';

/**
 * Seeds the partner portal: one Impartner account per CRM partner account (linked by `CrmId`), and the partners'
 * portal users (each a lead manager). Throws when the PRM refuses one: a seed is complete or nothing runs.
 */
export function seedImpartner(impartner: Impartner, org: OrgSpec, ids: SeededOrg): void {
  const prmAccountIds = new Map<string, number>();
  for (const a of org.accounts) {
    if (a.Type !== 'Partner') continue;
    const created = impartner.create('Account', { Name: a.Name, CrmId: ids.accountIds.get(a.key), Website: a.Website, PartnerType: a.Partner_Type__c, PartnerLevel: 'Gold' }, 'system');
    if (!created.ok) throw new Error(`Failed to seed the partner account "${a.key}" in the PRM: ${created.message}.`);
    prmAccountIds.set(a.key, created.value.Id);
  }
  for (const u of org.partnerUsers) {
    const accountId = prmAccountIds.get(u.partnerAccount);
    if (accountId === undefined) throw new Error(`Failed to seed the partner user "${u.key}": partner account "${u.partnerAccount}" is not a Partner account of the org. Fix the org spec.`);
    const created = impartner.create('User', { Email: u.Email, UserName: u.Email, FirstName: u.FirstName, LastName: u.LastName, AccountId: accountId, IsLeadManager: true }, 'system');
    if (!created.ok) throw new Error(`Failed to seed the partner user "${u.key}" in the PRM: ${created.message}.`);
  }
}

/** The Impartner user id of the portal user with this email (or numeric id), if any. */
export function prmUserId(impartner: Impartner, emailOrId: string): number | undefined {
  if (/^\d+$/.test(emailOrId)) return Number(emailOrId);
  const wanted = emailOrId.trim().toLowerCase();
  return impartner.records('User').find((u) => String(u['Email']).toLowerCase() === wanted)?.Id;
}
