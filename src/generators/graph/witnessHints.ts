import type { OrgSpec } from '../../org/orgSpec.ts';
import type { WitnessPlan } from './graphAwareOrg.ts';

/** A {@link WitnessPlan} with its partner account resolved to the seeded CRM id and the partner's portal user. */
export type WitnessHint = Omit<WitnessPlan, 'partnerAccount'> & { readonly partnerAccountId?: string; readonly partnerUserId?: string };

/** Resolves plans against the CRM ids an org was seeded with (`accountIds`: org key → Account id). */
export function witnessHints(plans: readonly WitnessPlan[], org: OrgSpec, accountIds: ReadonlyMap<string, string>): WitnessHint[] {
  return plans.map(({ partnerAccount, ...plan }) => {
    if (partnerAccount === undefined) return plan;
    const id = accountIds.get(partnerAccount);
    const user = org.partnerUsers.find((u) => u.partnerAccount === partnerAccount)?.Email;
    return { ...plan, ...(id ? { partnerAccountId: id } : {}), ...(user ? { partnerUserId: user } : {}) };
  });
}
