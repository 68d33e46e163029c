import type { FieldIndex } from './fieldIndex.ts';

/** Campaign member statuses that count as a response (HasResponded = true). */
export const RESPONDED_STATUSES: readonly string[] = ['Responded', 'Attended', 'Registered', 'Visited Booth', 'Follow Up Requested'];

/** HasResponded, derived from a campaign member's Status. */
export function hasResponded(status: unknown): boolean {
  return typeof status === 'string' && RESPONDED_STATUSES.includes(status);
}

/**
 * Live campaign memberships by lead or contact, so adding a person to a campaign twice can be refused with
 * DUPLICATE_VALUE without scanning every member. Read from the field index's `CampaignMember.LeadId` and
 * `.ContactId` maps (which SOQL needs anyway) rather than a map of its own: a member record makes its lead a member,
 * and its contact too once the lead is converted.
 */
export class CampaignMemberIndex {
  readonly #fields: () => FieldIndex;

  /** @param fields - the CRM's current field index (replaced when a snapshot is restored). */
  constructor(fields: () => FieldIndex) {
    this.#fields = fields;
  }

  /** True when the lead or contact is already a live member of the campaign. */
  has(campaignId: string, personId: string): boolean {
    const fields = this.#fields();
    const members = [...(fields.holding('CampaignMember', 'LeadId', personId) ?? []), ...(fields.holding('CampaignMember', 'ContactId', personId) ?? [])];
    return members.some((member) => String(member['CampaignId']) === campaignId);
  }
}
