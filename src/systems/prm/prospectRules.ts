import type { PrmRecord, PrmValue } from './prmValues.ts';

/** Trims and lower-cases an email for duplicate matching. */
export function normalizePrmEmail(email: PrmValue | undefined): string | undefined {
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined;
}

/**
 * The duplicate prospect rule: a prospect may not share its `CrmId` with another prospect, nor its normalized email
 * with another prospect of the same partner account. Returns the existing prospect and why, or undefined.
 * `candidate` is the full record as it would be stored; `selfId` excludes the record being updated.
 */
export function findDuplicateProspect(prospects: Iterable<PrmRecord>, candidate: Readonly<Record<string, PrmValue>>, selfId?: number): { existing: PrmRecord; reason: string } | undefined {
  const crmId = typeof candidate['CrmId'] === 'string' && candidate['CrmId'] !== '' ? candidate['CrmId'] : undefined;
  const email = normalizePrmEmail(candidate['Email']);
  for (const p of prospects) {
    if (p.Id === selfId) continue;
    if (crmId !== undefined && p['CrmId'] === crmId) return { existing: p, reason: `same CrmId "${crmId}"` };
    if (email !== undefined && normalizePrmEmail(p['Email']) === email && p['PartnerAccountId'] === candidate['PartnerAccountId']) {
      return { existing: p, reason: `same email "${email}" for partner account ${String(candidate['PartnerAccountId'])}` };
    }
  }
  return undefined;
}

/**
 * Whether a prospect is live: shared with its partner and not recalled (any share status but `Recalled`). A person
 * the Partner Queue holds must have one, or no partner sees it and no SDR works it.
 */
export function isLiveProspect(prospect: Readonly<Record<string, unknown>>): boolean {
  return prospect['ShareStatus'] !== 'Recalled';
}

/** The date field a share status stamps when a record enters it. */
const STATUS_DATE: Readonly<Record<string, string>> = { Pending: 'SharedDate', Accepted: 'AcceptedDate', Rejected: 'RejectedDate', Recalled: 'RecalledDate' };

/**
 * Stamps the date of a share-status change (SharedDate, AcceptedDate, RejectedDate, RecalledDate) unless the caller
 * set it, as Impartner's workflow does when a partner acts on a shared lead.
 */
export function stampShareStatus(previous: PrmValue | undefined, changes: Record<string, PrmValue>, now: string): void {
  const next = changes['ShareStatus'];
  if (typeof next !== 'string' || next === previous) return;
  const dateField = STATUS_DATE[next];
  if (dateField && (changes[dateField] ?? null) === null) changes[dateField] = now;
}

/** Which share statuses each action may start from. */
export const SHARE_TRANSITIONS = {
  accept: ['Pending'],
  reject: ['Pending', 'Accepted'],
  recall: ['Pending', 'Accepted'],
} as const;
