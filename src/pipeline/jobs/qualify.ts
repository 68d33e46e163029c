import type { PipelineJob } from '../pipelineJob.ts';

/** Offer types that are a hand raise: the person asked for sales contact and is an MQL at once. */
export const HAND_RAISE_OFFERS: ReadonlySet<string> = new Set(['Demo - 1:1', 'Contact Sales', 'Free Trial', 'Chat']);
/** Member statuses that count as engagement strong enough for an MQL. */
const ENGAGED_STATUSES: ReadonlySet<string> = new Set(['Visited Booth', 'Follow Up Requested']);
/** Statuses an MQL decision may move forward from; later statuses are never moved back. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['Inquiry', 'Nurture', 'Unqualified']);

/**
 * Qualifies: a hand raise (demo, contact sales, trial, chat), a partner registration or strong event engagement
 * makes the person an MQL; a demo request also marks it high priority. Status only moves forward.
 */
export const qualify: PipelineJob = {
  name: 'qualify',
  async run(work, ctx) {
    const person = work.person!;
    const a = work.lead!.attribution;
    const offer = (work.member?.['Offer_Type__c'] as string | undefined) ?? a.offerType;
    const memberStatus = work.member?.['Status'] as string | undefined;
    const handRaise = (offer !== undefined && HAND_RAISE_OFFERS.has(offer)) || a.source === 'partner-portal' || (memberStatus !== undefined && ENGAGED_STATUSES.has(memberStatus));
    const statusField = person.type === 'Lead' ? 'Status' : 'Status__c';
    const current = (person.record[statusField] as string | undefined) ?? 'Inquiry';
    const changes: Record<string, unknown> = {};
    if (handRaise && OPEN_STATUSES.has(current)) changes[statusField] = 'MQL';
    if (offer === 'Demo - 1:1' && person.record['High_Priority__c'] !== true) changes['High_Priority__c'] = true;
    if (Object.keys(changes).length > 0) {
      await ctx.salesforce.update(person.type, person.id, changes);
      Object.assign(person.record, changes);
    }
    work.mql = (person.record[statusField] ?? current) === 'MQL';
    return { input: { offer: offer ?? null, memberStatus: memberStatus ?? null, status: current }, output: { mql: work.mql, changes } };
  },
};
