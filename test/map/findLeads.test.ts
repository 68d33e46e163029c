import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { marketoHarness } from './marketoHarness.ts';

const h = marketoHarness({ limits: { rateLimit: false } });
beforeAll(async () => {
  h.server.listen({ onUnhandledRequest: 'error' });
  h.marketo.syncLeads({ input: Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@example.com`, firstName: `P${i}`, company: 'Acme' })) });
  h.marketo.syncLeads({ action: 'createDuplicate', input: [{ email: 'P1@EXAMPLE.com', firstName: 'Dup' }] });
});
afterAll(() => h.server.close());

describe('GET /rest/v1/leads.json (query)', () => {
  test('by email, case-insensitive, default fields, null for empty ones', async () => {
    const res = await h.rest('/rest/v1/leads.json?filterType=email&filterValues=P0@Example.com');
    expect(res).toEqual({
      requestId: expect.stringMatching(/^e42b#/),
      success: true,
      result: [{ id: 1, email: 'p0@example.com', updatedAt: '2026-01-05T09:00:00Z', createdAt: '2026-01-05T09:00:00Z', firstName: 'P0', lastName: null }],
    });
  });

  test('pages with batchSize and nextPageToken until the token disappears', async () => {
    const values = ['p0@example.com', 'p1@example.com', 'p2@example.com', 'p3@example.com', 'p4@example.com'].join(',');
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await h.rest(`/rest/v1/leads.json?filterType=email&filterValues=${values}&fields=email,company&batchSize=2${token ? `&nextPageToken=${token}` : ''}`);
      expect(res.success).toBe(true);
      for (const lead of res.result) {
        expect(Object.keys(lead)).toEqual(['id', 'email', 'company']);
        seen.push(lead.id);
      }
      token = res.nextPageToken;
      pages += 1;
    } while (token);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pages).toBe(3);
  });

  test('no match is success with an empty result', async () => {
    expect(await h.rest('/rest/v1/leads.json?filterType=email&filterValues=nobody@example.com')).toMatchObject({ success: true, result: [] });
  });

  test('an unknown field is 1006; a non-searchable filterType is 1003; missing filterType is 1002', async () => {
    expect((await h.rest('/rest/v1/leads.json?filterType=email&filterValues=a@b.c&fields=shoeSize')).errors).toEqual([{ code: '1006', message: "Field 'shoeSize' not found" }]);
    expect((await h.rest('/rest/v1/leads.json?filterType=company&filterValues=Acme')).errors).toEqual([{ code: '1003', message: "Invalid filterType 'company'" }]);
    expect((await h.rest('/rest/v1/leads.json?filterValues=Acme')).errors).toEqual([{ code: '1002', message: "Missing value for required parameter 'filterType'" }]);
  });

  test('a long query can be POSTed with _method=GET and a form body', async () => {
    const res = await h.rest('/rest/v1/leads.json?_method=GET', { form: { filterType: 'id', filterValues: '2,3', fields: 'firstName' } });
    expect(res.result).toEqual([
      { id: 2, firstName: 'P1' },
      { id: 3, firstName: 'P2' },
    ]);
  });

  test('GET /rest/v1/lead/{id}.json returns one lead, or an empty result', async () => {
    expect((await h.rest('/rest/v1/lead/6.json?fields=email,firstName')).result).toEqual([{ id: 6, email: 'P1@EXAMPLE.com', firstName: 'Dup' }]);
    expect(await h.rest('/rest/v1/lead/999.json')).toMatchObject({ success: true, result: [] });
  });

  test('describe lists REST names, including the custom fields', async () => {
    const res = await h.rest('/rest/v1/leads/describe.json');
    const names = res.result.map((f: { rest: { name: string } }) => f.rest.name);
    expect(names).toEqual(expect.arrayContaining(['id', 'email', 'sfdcLeadId', 'sfdcContactId', 'unsubscribed', 'leadAcquisitionSource']));
    expect(res.result[0]).toEqual({ id: 1, displayName: 'Id', dataType: 'integer', rest: { name: 'id', readOnly: true }, soap: { name: 'Id', readOnly: true } });
  });
});
