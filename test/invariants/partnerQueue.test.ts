import { describe, expect, test } from 'vitest';
import { partnerQueue, partnerVerdict, type PartnerFacts } from '../../src/invariants/index.ts';
import { fakeRun, fakeWorld, fullRun, make, startRun, trace, type FakeWorld } from './fakeRun.ts';

const STATUSES = ['Attended', 'Visited Booth', 'Follow Up Requested', 'Responded'];
const base: PartnerFacts = { trigger: 'new', person: { Impartner_Partner_Account__c: '001A' }, partnerAccount: { Partner_Type__c: 'Channel' }, ownerIsActiveUser: false };
const verdict = (facts: Partial<PartnerFacts>, person: Record<string, unknown> = {}) =>
  partnerVerdict({ ...base, ...facts, person: { ...base.person, ...person } }, STATUSES);

describe('partnerVerdict (the oracle of rules 1-5)', () => {
  test('rules 1, 2 and 3 send a partner person to the Partner Queue', () => {
    expect(verdict({}, { Lead_Acquisition_Source__c: 'Partner Sponsored Event' })).toMatchObject({ partnerQueue: true, rule: 1 });
    expect(verdict({ campaign: { MDF_Funding__c: 'Yes' } })).toMatchObject({ partnerQueue: true, rule: 2 });
    expect(verdict({ campaign: { Name: 'Partner - Trial - Bundle' } })).toMatchObject({ partnerQueue: true, rule: 2 });
    expect(verdict({ campaign: { Channel_Partner_Involved__c: 'Yes' }, campaignMember: { Status: 'Attended' } })).toMatchObject({ partnerQueue: true, rule: 3 });
  });

  test('recall, Alliance, no partner account, active work and rule 5 keep a person out', () => {
    const event = { Lead_Acquisition_Source__c: 'Partner Sponsored Event' };
    expect(verdict({}, { ...event, Partner_Recalled__c: true }).partnerQueue).toBe(false);
    expect(verdict({}, { ...event, Partner_Recalled_Date__c: '2026-01-01' }).partnerQueue).toBe(false);
    expect(verdict({ partnerAccount: { Partner_Type__c: 'Alliance' } }, event).reason).toMatch(/^rule 4/);
    expect(verdict({}, { ...event, Impartner_Partner_Account__c: null }).partnerQueue).toBe(false);
    expect(verdict({ campaign: { Channel_Partner_Involved__c: 'Yes' }, campaignMember: { Status: 'Attended' } }, { Status: 'Qualifying' }).partnerQueue).toBe(false);
    expect(verdict({ campaign: { Channel_Partner_Involved__c: 'Yes' }, campaignMember: { Status: 'Sent' } }).partnerQueue).toBe(false);
    expect(verdict({ trigger: 'engagement', ownerIsActiveUser: true }, event).reason).toMatch(/^rule 5/);
    expect(verdict({ ownerIsActiveUser: true }, { ...event, isSalesCreated: true }).reason).toMatch(/^rule 5/);
    expect(verdict({ trigger: 'engagement', ownerIsActiveUser: false }, event).partnerQueue).toBe(true);
    expect(verdict({ trigger: 'rerun' }, event).partnerQueue).toBeUndefined();
  });
});

interface Org {
  readonly w: FakeWorld;
  readonly pq: string;
  readonly iq: string;
  readonly channel: string;
  readonly alliance: string;
}

function org(): Org {
  const w = fakeWorld();
  const pq = make(w, 'Group', { Name: 'Partner Queue', Type: 'Queue' });
  const iq = make(w, 'Group', { Name: 'Inquiry Queue', Type: 'Queue' });
  const channel = make(w, 'Account', { Name: 'Channel Co', Type: 'Partner', Partner_Type__c: 'Channel' });
  const alliance = make(w, 'Account', { Name: 'Alliance Co', Type: 'Partner', Partner_Type__c: 'Alliance' });
  startRun(w);
  return { w, pq, iq, channel, alliance };
}

/** A lead the pipeline created and routed to `owner`, with the route step recording what it read. */
function routed(o: Org, eventId: string, partner: string, owner: { id: string; name: string }, fields: Record<string, unknown> = {}) {
  const id = make(o.w, 'Lead', { LastName: 'A', Company: 'X', Email: `${eventId}@x.com`, Impartner_Partner_Account__c: partner, Lead_Acquisition_Source__c: 'Partner Sponsored Event', OwnerId: owner.id, ...fields }, { workflow: 'pipeline:upsertPerson' });
  const person = { Id: id, Impartner_Partner_Account__c: partner, Lead_Acquisition_Source__c: 'Partner Sponsored Event', Status: 'Inquiry', isSalesCreated: false };
  return {
    id,
    trace: trace(
      eventId,
      'list-upload',
      fullRun({
        upsertPerson: [{}, { action: 'created', type: 'Lead', id }],
        route: [{ trigger: 'new', person, campaign: null, account: null, partnerAccount: partner }, { owner: { kind: 'queue', ...owner }, path: [] }],
        sync: [{}, { marketo: {} }],
      }),
      { kind: 'created', personType: 'Lead', personId: id },
    ),
  };
}

describe('partner-queue', () => {
  test('passes when a rule 1 lead ends in the Partner Queue with its status fields and a prospect', () => {
    const o = org();
    const lead = routed(o, 'evt-1', o.channel, { id: o.pq, name: 'Partner Queue' }, { Partner_Share_Status__c: 'Pending', Partner_Lead_Status__c: 'Qualifying' });
    o.w.prospects.push({ Id: 1, CrmId: lead.id });
    expect(partnerQueue.check(fakeRun(o.w, [lead.trace]))).toEqual([]);
  });

  test('catches a rule 1 lead routed elsewhere (a graph without the rule)', () => {
    const o = org();
    const lead = routed(o, 'evt-1', o.channel, { id: o.iq, name: 'Inquiry Queue' });
    const messages = partnerQueue.check(fakeRun(o.w, [lead.trace])).map((v) => v.message);
    expect(messages).toEqual([
      `route gave Lead ${lead.id} to queue "Inquiry Queue" (${o.iq}); expected the Partner Queue (rule 1: partner sponsored event, partner account set, not recalled).`,
      `Lead ${lead.id} meets rule 1: partner sponsored event, partner account set, not recalled, but it ends owned by ${o.iq}, Partner_Share_Status__c and Partner_Lead_Status__c are empty, it has no Impartner prospect; expected the Partner Queue with Partner_Share_Status__c and Partner_Lead_Status__c set and a live PRM prospect.`,
    ]);
  });

  test('catches an Alliance partner lead in the Partner Queue, and a person nobody routed there', () => {
    const o = org();
    const lead = routed(o, 'evt-1', o.alliance, { id: o.pq, name: 'Partner Queue' });
    const stray = make(o.w, 'Lead', { LastName: 'S', Company: 'X', Email: 's@x.com', OwnerId: o.pq }, { workflow: 'native:impartner' });
    const violations = partnerQueue.check(fakeRun(o.w, [lead.trace]));
    expect(violations.map((v) => [v.personId, v.message.split(';')[0]])).toEqual([
      [lead.id, `route gave Lead ${lead.id} to the Partner Queue`],
      [lead.id, `Lead ${lead.id} ends owned by the Partner Queue`],
      [lead.id, `Lead ${lead.id} is owned by the Partner Queue without a live prospect (none in the PRM): no partner sees it and no SDR works it`],
      [stray, `Lead ${stray} is owned by the Partner Queue, but no routing in this run sent it there`],
      [stray, `Lead ${stray} is owned by the Partner Queue without a live prospect (none in the PRM): no partner sees it and no SDR works it`],
    ]);
    expect(violations[0]!.evidence).toMatchObject({ verdict: { partnerQueue: false }, facts: { partnerAccount: { Partner_Type__c: 'Alliance' } } });
  });
});
