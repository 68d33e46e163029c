import { SimClock } from '../../src/core/clock.ts';
import { Crm, type WriteContext } from '../../src/systems/crm/crm.ts';

/** A fresh CRM with one SDR, a queue, an account and a campaign, for tests. */
export function seededCrm(): {
  crm: Crm;
  clock: SimClock;
  ctx: WriteContext;
  sdrId: string;
  queueId: string;
  accountId: string;
  campaignId: string;
} {
  const clock = new SimClock();
  const crm = new Crm({ clock });
  const ctx: WriteContext = { userId: crm.integrationUserId, workflow: 'test:seed' };
  const must = (r: ReturnType<Crm['create']>): string => {
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value.id;
  };
  const sdrId = must(crm.create('User', { FirstName: 'Sam', LastName: 'Rep', Email: 'sam@leadsim.test', Username: 'sam@leadsim.test', Region__c: 'AMER', Role__c: 'SDR' }, ctx));
  const queueId = must(crm.create('Group', { Name: 'Inquiry Queue', Type: 'Queue' }, ctx));
  const accountId = must(crm.create('Account', { Name: 'Acme', Website: 'acme.com' }, ctx));
  const campaignId = must(crm.create('Campaign', { Name: 'Webinar Q1', Type: 'Webinar' }, ctx));
  return { crm, clock, ctx, sdrId, queueId, accountId, campaignId };
}
