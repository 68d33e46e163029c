import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import type { RecordSource } from '../../src/systems/crm/recordSource.ts';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { Impartner } from '../../src/systems/prm/impartner.ts';
import { seededCrm } from './crmFixture.ts';

/** The CRM without its indexes: every query scans. */
function scanning(source: RecordSource): RecordSource {
  return { records: (type, options) => source.records(type, options), byId: (id) => source.byId(id) };
}

describe('CRM indexes for the pipeline lookups', () => {
  it('finds campaign members by person (15- or 18-character id, any case) and leads by event id as a scan does, after updates and deletes', () => {
    const { crm, ctx, campaignId } = seededCrm();
    const must = (r: ReturnType<typeof crm.create>): string => (r.ok ? r.value.id : (() => { throw new Error(JSON.stringify(r.errors)); })());
    const leads = [1, 2, 3].map((n) => must(crm.create('Lead', { LastName: `L${n}`, Company: 'C', Email: `l${n}@x.test`, Pipeline_Event_Id__c: `evt-${n}` }, ctx)));
    const members = leads.map((id) => must(crm.create('CampaignMember', { CampaignId: campaignId, LeadId: id, Status: 'Sent' }, ctx)));
    crm.update('Lead', leads[1]!, { Pipeline_Event_Id__c: 'evt-2b' }, ctx);
    crm.delete('CampaignMember', members[2]!, ctx);
    const queries = [
      `SELECT Id, LeadId FROM CampaignMember WHERE CampaignId = '${campaignId}' AND LeadId = '${leads[0]}'`,
      `SELECT Id FROM CampaignMember WHERE LeadId = '${leads[0]!.slice(0, 15)}'`,
      `SELECT Id FROM CampaignMember WHERE LeadId = '${leads[2]}'`,
      `SELECT Id FROM CampaignMember WHERE LeadId IN ('${leads[0]}', '${leads[1]}')`,
      "SELECT Id FROM Lead WHERE Pipeline_Event_Id__c = 'EVT-1'",
      "SELECT Id FROM Lead WHERE Pipeline_Event_Id__c = 'evt-2'",
      "SELECT Id FROM Lead WHERE Pipeline_Event_Id__c = 'evt-2b'",
      `SELECT Id, Email FROM Lead WHERE Id = '${leads[2]}'`,
    ];
    const counts = queries.map((soql) => {
      const indexed = runQuery(soql, crm);
      expect(indexed, soql).toEqual(runQuery(soql, scanning(crm)));
      return 'totalSize' in indexed ? indexed.totalSize : -1;
    });
    expect(counts).toEqual([1, 1, 0, 2, 1, 0, 1, 1]);
    expect([...(crm.lookup('Lead', 'Id', leads[2]!.slice(0, 15).toLowerCase()) ?? [])].map((r) => r.Id)).toEqual([leads[2]]);
    expect([...(crm.lookup('CampaignMember', 'LeadId', leads[0]!.slice(0, 15).toLowerCase()) ?? [])].map((r) => r.Id)).toEqual([members[0]]);
  });
});

describe('Impartner indexes', () => {
  const prm = () => {
    const impartner = new Impartner({ clock: new SimClock() });
    const must = <T,>(r: { ok: true; value: T } | { ok: false; message: string }): T => (r.ok ? r.value : (() => { throw new Error(r.message); })());
    must(impartner.create('Account', { Name: 'P', CrmId: '001000000000001AAA' }));
    for (const n of [1, 2, 3]) must(impartner.create('Prospect', { FirstName: 'F', LastName: `L${n}`, Email: `p${n}@x.test`, Country: 'DE', PartnerAccountId: 1, CrmId: `00Q00000000000${n}AAA` }));
    return { impartner, must };
  };

  it('lists by CrmId (any case, with other terms) exactly as the filter says, after updates and deletes', () => {
    const { impartner, must } = prm();
    must(impartner.update('Prospect', { Id: 2, CrmId: '00Q000000000009AAA' }));
    must(impartner.delete('Prospect', 3));
    const ids = (filter: string) => must(impartner.list('Prospect', { filter })).results.map((r) => r.Id);
    expect(ids("CrmId = '00q000000000001aaa'")).toEqual([1]);
    expect(ids("CrmId = '00Q000000000002AAA'")).toEqual([]);
    expect(ids("CrmId = '00Q000000000009AAA' and LastName = 'L2'")).toEqual([2]);
    expect(ids("CrmId = '00Q000000000001AAA' or CrmId = '00Q000000000009AAA'")).toEqual([1, 2]);
    expect(ids("not (CrmId = '00Q000000000001AAA')")).toEqual([2]);
    expect(ids("CrmId = '00Q000000000003AAA'")).toEqual([]);
  });

  it('still refuses duplicate prospects by CrmId and by email within a partner account', () => {
    const { impartner } = prm();
    const again = impartner.create('Prospect', { FirstName: 'F', LastName: 'X', Email: 'new@x.test', Country: 'DE', PartnerAccountId: 1, CrmId: '00Q000000000002AAA' });
    expect(again).toMatchObject({ ok: false, status: 409 });
    const sameEmail = impartner.create('Prospect', { FirstName: 'F', LastName: 'Y', Email: ' P1@X.test ', Country: 'DE', PartnerAccountId: 1, CrmId: '00Q000000000007AAA' });
    expect(sameEmail).toMatchObject({ ok: false, status: 409 });
    expect(!sameEmail.ok && sameEmail.message).toContain('Prospect 1');
  });
});
