import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { Marketo, normalizeEmail } from '../../src/systems/map/index.ts';
import { marketoHarness } from './marketoHarness.ts';

const h = marketoHarness({ limits: { rateLimit: false } });
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

const sync = (body: unknown) => h.rest('/rest/v1/leads.json', { body });

describe('POST /rest/v1/leads.json (sync)', () => {
  test('createOrUpdate creates, then updates by email case-insensitively, results in input order', async () => {
    const res = await sync({
      action: 'createOrUpdate',
      lookupField: 'email',
      input: [{ email: 'ada@example.com', firstName: 'Ada' }, { email: 'grace@example.com' }, { email: '  ADA@Example.com ', lastName: 'Lovelace' }],
    });
    expect(res).toMatchObject({ success: true, result: [{ id: 1, status: 'created' }, { id: 2, status: 'created' }, { id: 1, status: 'updated' }] });
    expect(h.marketo.lead(1)).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
  });

  test('action and lookupField default to createOrUpdate by email', async () => {
    const res = await sync({ input: [{ email: 'grace@example.com', company: 'Navy' }] });
    expect(res.result).toEqual([{ id: 2, status: 'updated' }]);
  });

  test('createOnly skips an existing email with 1005 and an id with 1003', async () => {
    const res = await sync({ action: 'createOnly', input: [{ email: 'ada@example.com' }, { id: 1, email: 'x@example.com' }, { email: 'new@example.com' }] });
    expect(res.result).toEqual([
      { status: 'skipped', reasons: [{ code: '1005', message: 'Lead already exists' }] },
      { status: 'skipped', reasons: [{ code: '1003', message: "Field 'id' is not allowed with action 'createOnly'" }] },
      { id: 3, status: 'created' },
    ]);
  });

  test('updateOnly skips an unknown email with 1004', async () => {
    const res = await sync({ action: 'updateOnly', input: [{ email: 'nobody@example.com', firstName: 'No' }] });
    expect(res.result).toEqual([{ status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] }]);
  });

  test('an unknown field skips the record with 1006; a bad value with 1003', async () => {
    const res = await sync({ input: [{ email: 'ada@example.com', shoeSize: 42 }, { email: 'ada@example.com', numberOfEmployees: 'many' }] });
    expect(res.result).toEqual([
      { status: 'skipped', reasons: [{ code: '1006', message: "Field 'shoeSize' not found" }] },
      { status: 'skipped', reasons: [{ code: '1003', message: "Value 'many' for field 'numberOfEmployees' is not a valid integer" }] },
    ]);
  });

  test('createDuplicate makes a second lead with the same email; updateOnly by email then gets 1007', async () => {
    const dup = await sync({ action: 'createDuplicate', input: [{ email: 'Grace@example.com' }] });
    expect(dup.result).toEqual([{ id: 4, status: 'created' }]);
    const res = await sync({ action: 'updateOnly', lookupField: 'email', input: [{ email: 'grace@example.com', title: 'RAdm' }] });
    expect(res.result).toEqual([{ status: 'skipped', reasons: [{ code: '1007', message: 'Multiple leads match the lookup criteria' }] }]);
  });

  test('updateOnly by id works and an unknown id gets 1004', async () => {
    const res = await sync({ action: 'updateOnly', lookupField: 'id', input: [{ id: 3, title: 'CTO' }, { id: 999, title: 'x' }] });
    expect(res.result).toEqual([{ id: 3, status: 'updated' }, { status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] }]);
  });

  test('lookup by sfdcLeadId matches the CRM id', async () => {
    await sync({ action: 'updateOnly', lookupField: 'id', input: [{ id: 3, sfdcLeadId: '00Q000000000001AAA' }] });
    const res = await sync({ lookupField: 'sfdcLeadId', input: [{ sfdcLeadId: '00Q000000000001AAA', leadStatus: 'MQL' }] });
    expect(res.result).toEqual([{ id: 3, status: 'updated' }]);
  });

  test('request-level problems: more than 300 records, an unsupported lookupField, invalid JSON', async () => {
    const many = await sync({ input: Array.from({ length: 301 }, (_, i) => ({ email: `p${i}@example.com` })) });
    expect(many).toMatchObject({ success: false, errors: [{ code: '1003' }] });
    expect((await sync({ lookupField: 'company', input: [{ email: 'a@b.c' }] })).errors).toEqual([{ code: '1011', message: "Field 'company' not supported" }]);
    expect((await sync('{"input": [')).errors).toEqual([{ code: '609', message: 'Invalid JSON' }]);
    expect((await sync({ action: 'merge', input: [] })).errors[0].code).toBe('1003');
  });

  test('field history records old and new values with source api', () => {
    expect(h.marketo.history(1).map((e) => [e.field, e.oldValue, e.newValue, e.source])).toEqual([
      ['email', null, 'ada@example.com', 'api'],
      ['firstName', null, 'Ada', 'api'],
      ['lastName', null, 'Lovelace', 'api'],
    ]);
  });

  test('an unknown REST path gets 610', async () => {
    expect((await h.rest('/rest/v1/nothing.json')).errors[0].code).toBe('610');
  });
});

describe('sync properties', () => {
  const emailArb = fc.tuple(fc.constantFrom('ann', 'bob', 'cy'), fc.constantFrom('a.com', 'B.com'), fc.constantFrom('', ' ', '  '), fc.boolean());
  prop.prop([fc.array(emailArb, { minLength: 1, maxLength: 40 })], { numRuns: 60 })(
    'createOrUpdate by email never makes two leads with the same normalized email, and ids count from 1',
    (entries) => {
      const marketo = new Marketo({ clock: new SimClock() });
      const input = entries.map(([user, domain, pad, upper]) => ({ email: `${pad}${upper ? user.toUpperCase() : user}@${domain}${pad}` }));
      const res = marketo.syncLeads({ input });
      expect(res.ok).toBe(true);
      const emails = marketo.leads().map((l) => normalizeEmail(String(l['email'])));
      expect(new Set(emails).size).toBe(emails.length);
      expect(marketo.leads().map((l) => l.id)).toEqual(emails.map((_, i) => i + 1));
    },
  );
});
