import { BucketMap } from '../../core/bucketMap.ts';
import type { SRecord } from './recordSource.ts';

/** Campaign member statuses that count as a response (HasResponded = true). */
export const RESPONDED_STATUSES: readonly string[] = ['Responded', 'Attended', 'Registered', 'Visited Booth', 'Follow Up Requested'];

/** HasResponded, derived from a campaign member's Status. */
export function hasResponded(status: unknown): boolean {
  return typeof status === 'string' && RESPONDED_STATUSES.includes(status);
}

/** The people a member record makes a member (its lead and its contact, once converted), with the campaign. */
function memberships(record: SRecord | undefined): { person: string; campaign: string }[] {
  if (!record || record['IsDeleted'] === true) return [];
  const campaign = String(record['CampaignId']);
  return [record['LeadId'], record['ContactId']].filter((id): id is string => typeof id === 'string').map((person) => ({ person, campaign }));
}

/**
 * Live campaign memberships by lead or contact, kept in step with every store write, so adding a person to a
 * campaign twice can be refused with DUPLICATE_VALUE without scanning every member.
 */
export class CampaignMemberIndex {
  /** The campaign ids of each person's live member records (once per record: a count). */
  readonly #campaigns = new BucketMap<string, string>({ repeats: true });

  /** Follows one store write of a CampaignMember (insert, replace or rollback). */
  update(prev: SRecord | undefined, next: SRecord | undefined): void {
    for (const { person, campaign } of memberships(prev)) this.#campaigns.remove(person, campaign);
    for (const { person, campaign } of memberships(next)) this.#campaigns.add(person, campaign);
  }

  /** True when the lead or contact is already a live member of the campaign. */
  has(campaignId: string, personId: string): boolean {
    return this.#campaigns.holds(personId, campaignId);
  }
}
