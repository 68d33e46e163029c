import { describe, expect, it } from 'vitest';
import { rejection, useSalesforce } from './sfServer.ts';

const sf = useSalesforce();

describe('POST /composite', () => {
  it('resolves @{ref.id} and @{ref.records[0].Id} references between subrequests', async () => {
    const { conn, crm, campaignId } = sf.current;
    const res = await conn.requestPost<{ compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string; httpHeaders: Record<string, string> }[] }>('/composite', {
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Lead', referenceId: 'newLead', body: { LastName: 'Ng', Company: 'Acme', Email: 'ng@acme.com' } },
        { method: 'GET', url: "/services/data/v62.0/query?q=SELECT+Id+FROM+Campaign+WHERE+Name='Webinar Q1'", referenceId: 'camp' },
        { method: 'POST', url: '/services/data/v62.0/sobjects/CampaignMember', referenceId: 'member', body: { CampaignId: '@{camp.records[0].Id}', LeadId: '@{newLead.id}', Status: 'Registered' } },
        { method: 'PATCH', url: '/services/data/v62.0/sobjects/Lead/@{newLead.id}', referenceId: 'touch', body: { Title: 'CTO' } },
      ],
    });
    const [lead, camp, member, touch] = res.compositeResponse;
    expect(lead).toMatchObject({ httpStatusCode: 201, referenceId: 'newLead', body: { success: true, errors: [] } });
    const leadId = (lead!.body as { id: string }).id;
    expect(lead!.httpHeaders).toEqual({ Location: `/services/data/v62.0/sobjects/Lead/${leadId}` });
    expect(camp).toMatchObject({ httpStatusCode: 200, body: { totalSize: 1, done: true } });
    expect(member).toMatchObject({ httpStatusCode: 201 });
    expect(touch).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'touch' });
    const members = [...crm.records('CampaignMember')];
    expect(members.map((m) => [m['CampaignId'], m['LeadId'], m['HasResponded']])).toEqual([[campaignId, leadId, true]]);
  });

  it('rolls back everything with allOrNone and answers PROCESSING_HALTED for the others', async () => {
    const { conn, crm } = sf.current;
    const res = await conn.requestPost<{ compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[] }>('/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'acct', body: { Name: 'Rollback Inc' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'bad', body: { AccountId: '@{acct.id}' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Lead', referenceId: 'after', body: { LastName: 'X', Company: 'Y' } },
      ],
    });
    const halted = [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }];
    expect(res.compositeResponse).toEqual([
      { body: halted, httpHeaders: {}, httpStatusCode: 400, referenceId: 'acct' },
      { body: [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }], httpHeaders: {}, httpStatusCode: 400, referenceId: 'bad' },
      { body: halted, httpHeaders: {}, httpStatusCode: 400, referenceId: 'after' },
    ]);
    expect([...crm.records('Account')].map((a) => a['Name'])).toEqual(['Acme']);
    expect([...crm.records('Lead')]).toEqual([]);
  });

  it('halts subrequests that reference a failed one, and refuses more than 25 subrequests', async () => {
    const { conn } = sf.current;
    const res = await conn.requestPost<{ compositeResponse: { body: unknown; httpStatusCode: number }[] }>('/composite', {
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Lead', referenceId: 'bad', body: { LastName: 'X' } },
        { method: 'GET', url: '/services/data/v62.0/sobjects/Lead/@{bad.id}', referenceId: 'dependent' },
      ],
    });
    expect(res.compositeResponse[1]).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: '/services/data/v62.0/limits', referenceId: `r${i}` }));
    const err = await rejection(conn.requestPost('/composite', { compositeRequest: tooMany }));
    expect(err.message).toMatch(/more than 25 subrequests/);
  });
});

describe('GET /query', () => {
  it('answers MALFORMED_QUERY with the vendor body', async () => {
    const { conn } = sf.current;
    const err = await rejection(conn.query('SELECT Id FRM Lead'));
    expect(err.errorCode).toBe('MALFORMED_QUERY');
    expect(err.data).toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });

  it('pages 5,000 records through nextRecordsUrl with autoFetch', async () => {
    const { conn, crm, ctx } = sf.current;
    for (let i = 0; i < 5000; i++) crm.create('Lead', { LastName: `L${i}`, Company: 'Bulk', Email: `l${i}@bulk.io` }, ctx);
    const first = await conn.query('SELECT Id, Email FROM Lead');
    expect(first).toMatchObject({ totalSize: 5000, done: false, nextRecordsUrl: expect.stringMatching(/\/services\/data\/v62\.0\/query\/01gSIM000000001-2000$/) });
    expect(first.records).toHaveLength(2000);
    const all = await conn.query('SELECT Id, Email FROM Lead', { autoFetch: true, maxFetch: 10000 });
    expect(all.totalSize).toBe(5000);
    expect(all.records).toHaveLength(5000);
    expect(all.records[4999]).toMatchObject({ Email: 'l4999@bulk.io' });
    const count = await conn.query('SELECT COUNT() FROM Lead');
    expect(count).toEqual({ totalSize: 5000, done: true, records: [] });
  });

  it('honours Sforce-Query-Options batchSize and includes deleted records only in queryAll', async () => {
    const { conn, crm, ctx } = sf.current;
    for (let i = 0; i < 450; i++) crm.create('Lead', { LastName: `L${i}`, Company: 'Bulk' }, ctx);
    const page = await conn.request<{ records: unknown[]; nextRecordsUrl: string }>({ method: 'GET', url: `/query?q=${encodeURIComponent('SELECT Id FROM Lead')}`, headers: { 'Sforce-Query-Options': 'batchSize=200' } });
    expect(page.records).toHaveLength(200);
    expect(page.nextRecordsUrl).toMatch(/\/query\/01gSIM\d{9}-200$/);
    const first = [...crm.records('Lead')][0]!;
    crm.delete('Lead', first.Id, ctx);
    expect((await conn.query('SELECT COUNT() FROM Lead')).totalSize).toBe(449);
    expect((await conn.query('SELECT COUNT() FROM Lead', { scanAll: true })).totalSize).toBe(450);
  });
});
