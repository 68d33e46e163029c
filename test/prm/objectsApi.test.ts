import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { impartnerHarness } from './impartnerHarness.ts';

const h = impartnerHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

const prospect = (n: number, extra: Record<string, unknown> = {}) => ({ FirstName: `F${n}`, LastName: `L${n}`, Email: `p${n}@example.com`, Country: 'DE', PartnerAccountId: 1, CrmId: `00Q00000000000${n}AAA`, ...extra });

describe('Impartner auth', () => {
  test('a missing key, a wrong key and a wrong tenant are refused with 401', async () => {
    const missing = await h.api('GET', '/Account', undefined, { 'x-prm-tenantid': '42' });
    expect(missing).toEqual({ status: 401, body: { success: false, message: 'Failed to authenticate "prm-key": the Authorization header is missing or not "prm-key <apiKey>". Send Authorization: prm-key <apiKey>.' } });
    expect((await h.api('GET', '/Account', undefined, { authorization: 'prm-key nope', 'x-prm-tenantid': '42' })).status).toBe(401);
    const tenant = await h.api('GET', '/Account', undefined, { authorization: 'prm-key test-key', 'x-prm-tenantid': '7' });
    expect(tenant.status).toBe(401);
    expect(tenant.body.message).toMatchInlineSnapshot(`"Failed to authenticate "X-PRM-TenantId": tenant 7 does not match the API key. Send the tenant id the key was issued for."`);
    expect((await h.api('GET', '/Account', undefined, { authorization: 'prm-key test-key' })).status).toBe(401);
  });
});

describe('Impartner objects', () => {
  test('PUT creates with integer ids and defaults; the envelope is {success, data}', async () => {
    const account = await h.api('PUT', '/Account', { Name: 'Channel Co', CrmId: '001000000000001AAA', PartnerLevel: 'gold', Region: 'EMEA' });
    expect(account).toEqual({
      status: 200,
      body: { success: true, data: { Id: 1, Name: 'Channel Co', CrmId: '001000000000001AAA', Website: null, PartnerLevel: 'Gold', PartnerType: null, Region: 'EMEA', IsActive: true, Created: '2026-01-05T09:00:00Z', Updated: '2026-01-05T09:00:00Z' } },
    });
    const created = await h.api('PUT', '/prospect', prospect(1));
    expect(created.body.data).toMatchObject({ Id: 1, ShareStatus: 'Pending', LeadStatus: 'Qualifying', SharedDate: '2026-01-05T09:00:00Z', RecalledDate: null });
  });

  test('the tenant prefix /prm/api/objects/v1 serves the same objects', async () => {
    const res = await h.api('GET', '/Account/1?fields=Name', undefined, undefined, '/prm/api/objects/v1');
    expect(res.body).toEqual({ success: true, data: { Id: 1, Name: 'Channel Co' } });
  });

  test('list returns {count, entity, results}; filter, orderBy, skip/take and fields work together', async () => {
    for (let n = 2; n <= 6; n++) {
      h.clock.advance(60_000);
      await h.api('PUT', '/Prospect', prospect(n, n % 2 === 0 ? { Country: 'US' } : {}));
    }
    const all = await h.api('GET', '/Prospect?take=2&skip=1&orderBy=Updated desc&fields=Email,Updated');
    expect(all.body).toEqual({
      success: true,
      data: {
        count: 6,
        entity: 'Prospect',
        results: [
          { Id: 5, Email: 'p5@example.com', Updated: '2026-01-05T09:04:00Z' },
          { Id: 4, Email: 'p4@example.com', Updated: '2026-01-05T09:03:00Z' },
        ],
      },
    });
    const filter = encodeURIComponent("country = 'us' and (Updated > '2026-01-05 09:01:00' or Id = 1)");
    const filtered = await h.api('GET', `/Prospect?filter=${filter}&fields=Id`);
    expect(filtered.body.data).toEqual({ count: 2, entity: 'Prospect', results: [{ Id: 4 }, { Id: 6 }] });
    const byCrm = await h.api('GET', `/Prospect?filter=${encodeURIComponent("CrmId = '00Q000000000003AAA'")}&fields=Id,CrmId`);
    expect(byCrm.body.data.results).toEqual([{ Id: 3, CrmId: '00Q000000000003AAA' }]);
  });

  test('a bad filter, an unknown field and a bad take are 400s naming the problem', async () => {
    const bad = await h.api('GET', `/Prospect?filter=${encodeURIComponent('Shoe = 1')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatchInlineSnapshot(`"Failed to list "Prospect": invalid filter "Shoe = 1": unknown field "Shoe" on Prospect. Write a THQL condition such as "CrmId = '00Q000000000001AAA'"."`);
    expect((await h.api('GET', '/Prospect?fields=Nope')).body.message).toContain('unknown field "Nope"');
    expect((await h.api('GET', '/Prospect?take=abc')).status).toBe(400);
  });

  test('PATCH updates by Id, stamps status dates and records history', async () => {
    h.clock.advance(60_000);
    const res = await h.api('PATCH', '/Prospect', { Id: 2, ShareStatus: 'Accepted', LeadStatus: 'Qualified' });
    expect(res.body.data).toMatchObject({ Id: 2, ShareStatus: 'Accepted', AcceptedDate: '2026-01-05T09:06:00Z', LeadStatus: 'Qualified', Updated: '2026-01-05T09:06:00Z' });
    expect(h.impartner.history({ object: 'Prospect', recordId: 2 }).slice(-3).map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['ShareStatus', 'Pending', 'Accepted'],
      ['LeadStatus', 'Qualifying', 'Qualified'],
      ['AcceptedDate', null, '2026-01-05T09:06:00Z'],
    ]);
  });

  test('bad bodies are 400s that name the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['PUT', '/Prospect', { LastName: 'X', PartnerAccountId: 1 }, 'field "Email" is required'],
      ['PUT', '/Prospect', prospect(9, { ShareStatus: 'Maybe' }), 'field "ShareStatus" must be one of Pending, Accepted, Rejected, Recalled (got "Maybe")'],
      ['PUT', '/Prospect', prospect(9, { Colour: 'red' }), 'unknown field "Colour"'],
      ['PUT', '/Prospect', prospect(9, { PartnerAccountId: 99 }), 'field "PartnerAccountId" refers to Account 99, which does not exist'],
      ['PUT', '/Prospect', prospect(9, { Id: 5 }), 'field "Id" is read-only'],
      ['PATCH', '/Prospect', { LeadStatus: 'Qualified' }, 'field "Id" is required'],
      ['PUT', '/Prospect', '{"Email":', 'the body is not valid JSON'],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await h.api(method, path, body);
      expect(res.status, message).toBe(400);
      expect(res.body.success).toBe(false);
      expect(res.body.message).toContain(message);
    }
  });

  test('unknown records and objects are 404 "Record not found" / "Object not found"', async () => {
    expect(await h.api('GET', '/Prospect/999')).toEqual({ status: 404, body: { success: false, message: 'Record not found: Prospect 999' } });
    expect((await h.api('PATCH', '/Prospect', { Id: 999, LeadStatus: 'Qualified' })).status).toBe(404);
    expect((await h.api('GET', '/Widget')).body.message).toMatch(/^Object not found: Widget/);
  });

  test('a second prospect with the same CrmId, or the same email for the same partner, is refused', async () => {
    const sameCrm = await h.api('PUT', '/Prospect', prospect(7, { CrmId: '00Q000000000001AAA' }));
    expect(sameCrm.status).toBe(409);
    expect(sameCrm.body.message).toMatchInlineSnapshot(`"Failed to create "Prospect": duplicate of Prospect 1 (same CrmId "00Q000000000001AAA"). Update Prospect 1 instead of creating another."`);
    const sameEmail = await h.api('PUT', '/Prospect', prospect(7, { Email: ' P1@Example.COM', CrmId: null }));
    expect(sameEmail.body.message).toContain('same email "p1@example.com" for partner account 1');
    const update = await h.api('PATCH', '/Prospect', { Id: 3, CrmId: '00Q000000000001AAA' });
    expect(update.status).toBe(409);
    expect(h.impartner.records('Prospect')).toHaveLength(6);
  });

  test('POST /Prospect/{id}/recall sets Recalled and RecalledDate; recalling twice is refused', async () => {
    h.clock.advance(30 * 86_400_000);
    const res = await h.api('POST', '/Prospect/1/recall');
    expect(res.body.data).toMatchObject({ Id: 1, ShareStatus: 'Recalled', RecalledDate: '2026-02-04T09:06:00Z' });
    const again = await h.api('POST', '/Prospect/1/recall');
    expect(again.status).toBe(400);
    expect(again.body.message).toMatchInlineSnapshot(`"Failed to recall "Prospect 1": its share status is Recalled. Only Pending or Accepted prospects can be recalled."`);
  });

  test('DELETE removes a record; describe lists objects and fields', async () => {
    expect((await h.api('DELETE', '/Prospect/6')).body).toEqual({ success: true, data: { Id: 6 } });
    expect((await h.api('GET', '/Prospect/6')).status).toBe(404);
    const objects = await h.api('GET', '/_describe');
    expect(objects.body.data.map((o: { name: string }) => o.name)).toEqual(['Account', 'User', 'Prospect', 'Lead', 'Deal']);
    const fields = await h.api('GET', '/Prospect/_describe');
    expect(fields.body.data.find((f: { name: string }) => f.name === 'ShareStatus')).toEqual({
      name: 'ShareStatus', display: 'Share Status', dataType: 'Picklist', isRequired: false, isReadOnly: false, fieldType: 'Picklist', picklistType: 'Single',
      values: { Pending: 'Pending', Accepted: 'Accepted', Rejected: 'Rejected', Recalled: 'Recalled' },
    });
  });
});
