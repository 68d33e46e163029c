import type { SRecord } from './recordSource.ts';

/** Campaign member statuses that count as a response (HasResponded = true). */
export const RESPONDED_STATUSES: readonly string[] = ['Responded', 'Attended', 'Registered', 'Visited Booth', 'Follow Up Requested'];

/** HasResponded, derived from a campaign member's Status. */
export function hasResponded(status: unknown): boolean {
  return typeof status === 'string' && RESPONDED_STATUSES.includes(status);
}

function keys(record: SRecord | undefined): string[] {
  if (!record || record['IsDeleted'] === true) return [];
  const campaign = record['CampaignId'];
  return [record['LeadId'], record['ContactId']].filter((id): id is string => typeof id === 'string').map((id) => `${String(campaign)}|${id}`);
}

/**
 * Live campaign memberships by (campaign, lead or contact), kept in step with every store write, so adding a person
 * to a campaign twice can be refused with DUPLICATE_VALUE without scanning every member.
 */
export class CampaignMemberIndex {
  readonly #counts = new Map<string, number>();

  /** Follows one store write of a CampaignMember (insert, replace or rollback). */
  update(prev: SRecord | undefined, next: SRecord | undefined): void {
    for (const key of keys(prev)) {
      const n = (this.#counts.get(key) ?? 1) - 1;
      if (n <= 0) this.#counts.delete(key);
      else this.#counts.set(key, n);
    }
    for (const key of keys(next)) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** True when the lead or contact is already a live member of the campaign. */
  has(campaignId: string, personId: string): boolean {
    return this.#counts.has(`${campaignId}|${personId}`);
  }
}
