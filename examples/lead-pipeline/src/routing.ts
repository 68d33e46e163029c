import type { Org, Person } from './crm.ts';

type SfRecord = Record<string, any> & { Id: string };

/** Member statuses that count as engaging with a joint partner campaign (rule 3). */
const PARTNER_ENGAGEMENT = ['Attended', 'Visited Booth', 'Follow Up Requested', 'Responded'];
/** Statuses of a person a rep is working (rule 3 leaves them to their owner's path). */
const WORKED = ['Accepted', 'Qualifying', 'Qualified'];

/** What routing knows about one person and its touch. */
export interface RoutingInput {
  readonly person: Person;
  /** This delivery created the person, or it is the lead a rep just created. */
  readonly isNew: boolean;
  readonly salesCreated: boolean;
  readonly mql: boolean;
  readonly region: string | undefined;
  readonly campaign: SfRecord | undefined;
  readonly memberStatus: string | undefined;
  readonly acquisitionSource: string | undefined;
  readonly partnerAccountId: string | undefined;
  /** The account the email's domain matched (or a contact's own). */
  readonly account: SfRecord | undefined;
  readonly org: Org;
}

/** Who owns the person next and what else routing sets. */
export interface Decision {
  /** A user or queue id, or `keep` the current owner. */
  readonly owner: string | 'keep';
  /** A round-robin pick, for the rotation's bookkeeping. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly shareWithPartner: boolean;
  /** Why, for our logs. */
  readonly why: string;
}

/** How the partner route names its owner: our Partner Queue. Broken on purpose in broken/partner-to-named-user.ts. */
export type PartnerOwner = (org: Org) => string | undefined;

export const partnerQueue: PartnerOwner = (org) => org.queues.find((q) => q['Name'] === 'Partner Queue')?.Id;

/** Our routing rules, in the order the handbook gives them. */
export function route(input: RoutingInput, pickSdr: (region: string | undefined) => string | undefined, partnerOwner: PartnerOwner): Decision {
  const { person, org } = input;
  const r = person.record;
  const owner = org.users.find((u) => u.Id === r['OwnerId']);
  const ownerIsActiveRep = owner !== undefined && owner['IsActive'] === true && ['SDR', 'BDR', 'AE'].includes(String(owner['Role__c']));
  // Rule 5: the rep who created the lead keeps it; an owner who is already working the person follows up.
  if (ownerIsActiveRep && (input.salesCreated || !input.isNew)) return { owner: 'keep', fields: {}, shareWithPartner: false, why: 'rule 5: keeps its owner' };

  const partner = partnerRule(input);
  if (partner) {
    const queue = partnerOwner(org);
    return { owner: person.type === 'Contact' || queue === undefined ? 'keep' : queue, fields: partner.fields, shareWithPartner: true, why: partner.why };
  }
  return { owner: sdrPath(input, pickSdr) ?? 'keep', fields: {}, shareWithPartner: false, why: 'SDR path' };
}

function partnerRule(input: RoutingInput): { fields: Record<string, unknown>; why: string } | undefined {
  if (!input.partnerAccountId) return undefined;
  const partner = input.org.accounts.find((a) => a.Id === input.partnerAccountId);
  // Rule 4: alliance partners do not work leads; the SDRs do.
  if (partner?.['Partner_Type__c'] === 'Alliance') return undefined;
  const r = input.person.record;
  const recalled = r['Partner_Recalled__c'] === true || (r['Partner_Recalled_Date__c'] ?? '') !== '';
  if (recalled) return undefined;
  if (input.acquisitionSource === 'Partner Sponsored Event') return { fields: { Partner_Share_Status__c: 'Pending', Partner_Lead_Status__c: 'Qualifying' }, why: 'rule 1' };
  const c = input.campaign;
  const prospect = { Prospect_Share_Status__c: 'Sending to Partner', Partner_Prospect_Status__c: 'Qualifying' };
  if (c && (c['MDF_Funding__c'] === 'Yes' || String(c['Name']).startsWith('Partner - Trial'))) return { fields: prospect, why: 'rule 2' };
  const status = String(r['Status'] ?? r['Status__c'] ?? '');
  const worked = WORKED.includes(status) || r['Actively_Being_Sequenced__c'] === true;
  if (c && c['Channel_Partner_Involved__c'] === 'Yes' && PARTNER_ENGAGEMENT.includes(input.memberStatus ?? '') && !worked) return { fields: prospect, why: 'rule 3' };
  return undefined;
}

/** Rule 6: an MQL goes to its account's BDR, an actively worked account's owner, else the region's SDRs in turn. */
function sdrPath(input: RoutingInput, pickSdr: (region: string | undefined) => string | undefined): string | undefined {
  const { org, account } = input;
  // An account owned by an integration (or a BDR who left) has nobody to give the lead to.
  const active = (id: unknown) => org.users.some((u) => u.Id === id && u['IsActive'] === true && ['SDR', 'BDR', 'AE'].includes(String(u['Role__c'])));
  const inquiryQueue = input.person.type === 'Contact' ? undefined : org.queues.find((q) => q['Name'] === 'Inquiry Queue')?.Id;
  if (!input.mql) return inquiryQueue;
  if (account && active(account['BDR__c'])) return String(account['BDR__c']);
  if (account && account['Actively_Working__c'] === true && active(account['OwnerId'])) return String(account['OwnerId']);
  return pickSdr(input.region) ?? inquiryQueue;
}
