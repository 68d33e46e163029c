import { InputError } from '../core/errors.ts';
import type { Impartner } from '../systems/prm/impartner.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { seedIssue, type SeededOrg, type SeedOptions } from './seedOrg.ts';

/**
 * Seeds the partner portal: one Impartner account per CRM partner account (linked by `CrmId`), and the partners'
 * portal users (each a lead manager). A record the PRM refuses throws an {@link InputError} INVALID_ORG at its path
 * in the spec, unless `options.issues` collects it (see {@link SeedOptions}): a seed is complete or nothing runs.
 */
export function seedImpartner(impartner: Impartner, org: OrgSpec, ids: SeededOrg, options: SeedOptions = {}): void {
  const refuse = (path: (string | number)[], message: string) => {
    const issue = seedIssue(path, 'PRM (Impartner)', [{ code: 'REFUSED', message }]);
    if (options.issues === undefined) throw new InputError('INVALID_ORG', { action: 'seed the org', issues: [issue], hint: 'Fix the org spec.' });
    options.issues.push(issue);
  };
  const prmAccountIds = new Map<string, number>();
  org.accounts.forEach((a, i) => {
    if (a.Type !== 'Partner') return;
    const created = impartner.create('Account', { Name: a.Name, CrmId: ids.accountIds.get(a.key), Website: a.Website, PartnerType: a.Partner_Type__c, PartnerLevel: 'Gold' }, 'system');
    if (created.ok) prmAccountIds.set(a.key, created.value.Id);
    else refuse(['accounts', i], created.message);
  });
  org.partnerUsers.forEach((u, i) => {
    const accountId = prmAccountIds.get(u.partnerAccount);
    if (accountId === undefined) return refuse(['partnerUsers', i, 'partnerAccount'], `partner account "${u.partnerAccount}" is not a Partner account the PRM holds`);
    const created = impartner.create('User', { Email: u.Email, UserName: u.Email, FirstName: u.FirstName, LastName: u.LastName, AccountId: accountId, IsLeadManager: true }, 'system');
    if (!created.ok) refuse(['partnerUsers', i], created.message);
  });
}

/** The Impartner user id of the portal user with this email (or numeric id), if any. */
export function prmUserId(impartner: Impartner, emailOrId: string): number | undefined {
  if (/^\d+$/.test(emailOrId)) return Number(emailOrId);
  const wanted = emailOrId.trim().toLowerCase();
  return impartner.records('User').find((u) => String(u['Email']).toLowerCase() === wanted)?.Id;
}
