import { isEmptyValue } from './livePeople.ts';

/** What the partner rules read about one routing of one person (the route step's input, with its records). */
export interface PartnerFacts {
  /** What triggered routing: `new`, `engagement` or `rerun`. */
  readonly trigger: string;
  /** The person's fields before routing (Lead field names; a contact's status as `Status`), with `isSalesCreated`. */
  readonly person: Readonly<Record<string, unknown>>;
  readonly campaign?: Readonly<Record<string, unknown>> | undefined;
  readonly campaignMember?: Readonly<Record<string, unknown>> | undefined;
  readonly partnerAccount?: Readonly<Record<string, unknown>> | undefined;
  /** Whether the person's owner before routing is an active sales user, SDR, BDR or AE (rule 5 keeps such an owner). */
  readonly ownerIsActiveUser: boolean;
}

/**
 * Whether the partner rules send a person to the Partner Queue (`partnerQueue: true`, with the rule), keep it away
 * (`false`, with why), or say nothing (`undefined`: a rule 7 re-run, which the partner rules do not govern).
 */
export type PartnerVerdict =
  | { readonly partnerQueue: true; readonly rule: 1 | 2 | 3; readonly reason: string }
  | { readonly partnerQueue: false; readonly reason: string }
  | { readonly partnerQueue: undefined; readonly reason: string };

/** The statuses that mean a person is actively worked (rule 3 leaves such a person to its owner's path). */
const WORKED_STATUSES: ReadonlySet<unknown> = new Set(['Accepted', 'Qualifying', 'Qualified']);

/**
 * An oracle of DOMAIN.md's partner rules 1–5, written independently of the routing graph so that a broken graph
 * shows: rule 5 (a sales-created lead, or an engagement of a person an active user owns, keeps its owner) first,
 * then no partner account or an Alliance partner (rule 4) → not the Partner Queue, then rules 1, 2 and 3. Rule 3
 * honours a recall as rules 1 and 2 do (the default graph's reading, in its description); a `recall` routing (a
 * recalled lead leaving the Partner Queue) is judged by the same rules, so it must not land there again.
 * `partnerEngagementStatuses` is the graph's list of member statuses that count for rule 3.
 */
export function partnerVerdict(facts: PartnerFacts, partnerEngagementStatuses: readonly unknown[]): PartnerVerdict {
  const p = facts.person;
  if (facts.trigger === 'rerun') return { partnerQueue: undefined, reason: 'a rule 7 re-run is not governed by the partner rules' };
  if (p['isSalesCreated'] === true && facts.ownerIsActiveUser) return { partnerQueue: false, reason: 'rule 5: a sales-created lead keeps the rep who created it' };
  if (facts.trigger === 'engagement' && facts.ownerIsActiveUser) return { partnerQueue: false, reason: 'rule 5: an engaging person keeps its user owner' };
  if (isEmptyValue(p['Impartner_Partner_Account__c'])) return { partnerQueue: false, reason: 'no partner account' };
  if (facts.partnerAccount?.['Partner_Type__c'] === 'Alliance') return { partnerQueue: false, reason: 'rule 4: an Alliance partner goes to the SDR path' };
  const notRecalled = isEmptyValue(p['Partner_Recalled_Date__c']) && p['Partner_Recalled__c'] !== true;
  if (p['Lead_Acquisition_Source__c'] === 'Partner Sponsored Event' && notRecalled) {
    return { partnerQueue: true, rule: 1, reason: 'rule 1: partner sponsored event, partner account set, not recalled' };
  }
  const c = facts.campaign;
  const name = c?.['Name'];
  if (c && (c['MDF_Funding__c'] === 'Yes' || (typeof name === 'string' && name.startsWith('Partner - Trial'))) && notRecalled) {
    return { partnerQueue: true, rule: 2, reason: `rule 2: ${c['MDF_Funding__c'] === 'Yes' ? 'MDF funded' : '"Partner - Trial"'} campaign ${String(c['Id'] ?? name)}, partner account set, not recalled` };
  }
  const status = facts.campaignMember?.['Status'];
  if (c && c['Channel_Partner_Involved__c'] === 'Yes' && facts.campaignMember && partnerEngagementStatuses.includes(status)) {
    if (!notRecalled) return { partnerQueue: false, reason: 'rule 3: joint partner campaign, but the person was recalled from its partner (rule 3 honours a recall as rules 1 and 2 do)' };
    if (WORKED_STATUSES.has(p['Status']) || p['Actively_Being_Sequenced__c'] === true) {
      return { partnerQueue: false, reason: `rule 3: joint partner campaign, but the person is actively worked (Status ${String(p['Status'])}, sequenced ${String(p['Actively_Being_Sequenced__c'] === true)})` };
    }
    return { partnerQueue: true, rule: 3, reason: `rule 3: joint partner campaign ${String(c['Id'] ?? name)}, member status ${JSON.stringify(status)}, not actively worked` };
  }
  return { partnerQueue: false, reason: 'no partner rule applies' };
}

/** The fields a Partner Queue person carries, by the rule that sent it there. */
export const PARTNER_STATUS_FIELDS: Readonly<Record<1 | 2 | 3, readonly string[]>> = {
  1: ['Partner_Share_Status__c', 'Partner_Lead_Status__c'],
  2: ['Prospect_Share_Status__c', 'Partner_Prospect_Status__c'],
  3: ['Prospect_Share_Status__c', 'Partner_Prospect_Status__c'],
};

/** The fields whose change during a run places a person in (or out of) the Partner Queue's care: its owner and its recall. */
export const PARTNER_PLACEMENT_FIELDS: ReadonlySet<string> = new Set(['OwnerId', 'Partner_Recalled__c', 'Partner_Recalled_Date__c']);
