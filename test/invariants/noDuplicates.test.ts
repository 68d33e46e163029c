import { afterEach, describe, expect, test, vi } from 'vitest';
import { noDuplicates } from '../../src/invariants/index.ts';
import { CampaignMemberIndex } from '../../src/systems/crm/campaignMembers.ts';
import { DuplicateIndex } from '../../src/systems/crm/duplicateRule.ts';
import { fakeRun, fakeWorld, make, startRun } from './fakeRun.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no-duplicates', () => {
  test('passes when every person, member, Marketo lead and prospect is unique', () => {
    const w = fakeWorld();
    const campaign = make(w, 'Campaign', { Name: 'Webinar' });
    startRun(w);
    const a = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'ann@x.com' }, { workflow: 'pipeline:upsertPerson' });
    make(w, 'Contact', { LastName: 'B', Email: 'bob@x.com' });
    make(w, 'CampaignMember', { CampaignId: campaign, LeadId: a, Status: 'Responded' });
    w.marketoLeads.push({ id: 1, email: 'ann@x.com' }, { id: 2, email: 'bob@x.com' });
    w.prospects.push({ Id: 1, CrmId: a }, { Id: 2, CrmId: null });
    expect(noDuplicates.check(fakeRun(w, []))).toEqual([]);
  });

  test('catches two live people whose emails differ only in case (the CRM rule switched off)', () => {
    vi.spyOn(DuplicateIndex.prototype, 'check').mockReturnValue(undefined);
    const w = fakeWorld();
    make(w, 'Contact', { LastName: 'A', Email: 'Ann@X.com' });
    startRun(w);
    const second = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'ann@x.COM', Pipeline_Event_Id__c: 'evt-9' }, { workflow: 'pipeline:upsertPerson' });
    const violations = noDuplicates.check(fakeRun(w, []));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ invariant: 'no-duplicates', personId: second, eventId: 'evt-9' });
    expect(violations[0]!.message).toContain('"ann@x.com"');
  });

  test('ignores a converted lead that shares its email with the contact it became', () => {
    const w = fakeWorld();
    const lead = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'ann@x.com' });
    const result = w.crm.convertLead({ leadId: lead, convertedStatus: 'Converted' }, { userId: w.crm.integrationUserId });
    expect(result.success).toBe(true);
    expect(w.crm.get('Contact', result.contactId!)?.['Email']).toBe('ann@x.com');
    expect(noDuplicates.check(fakeRun(w, []))).toEqual([]);
  });

  test('catches duplicate campaign members, Marketo leads and prospects', () => {
    vi.spyOn(CampaignMemberIndex.prototype, 'has').mockReturnValue(false);
    const w = fakeWorld();
    const campaign = make(w, 'Campaign', { Name: 'Webinar' });
    const lead = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'ann@x.com' });
    make(w, 'CampaignMember', { CampaignId: campaign, LeadId: lead, Status: 'Sent' });
    make(w, 'CampaignMember', { CampaignId: campaign, LeadId: lead, Status: 'Responded' });
    w.marketoLeads.push({ id: 1, email: 'ann@x.com', sfdcLeadId: lead }, { id: 2, email: 'ANN@x.com ' });
    w.prospects.push({ Id: 7, CrmId: lead }, { Id: 8, CrmId: lead });
    const messages = noDuplicates.check(fakeRun(w, [])).map((v) => v.message.split(':')[0]);
    expect(messages).toEqual([
      `2 campaign members link campaign ${campaign} to lead ${lead}`,
      '2 Marketo leads share the email "ann@x.com"',
      `2 Impartner prospects have CrmId ${lead}`,
    ]);
  });
});
