import { describe, expect, it } from 'vitest';
import { INSTANCE_URL, useSalesforce } from './sfServer.ts';

const sf = useSalesforce();

async function call(method: string, path: string, token: string, body?: string): Promise<{ status: number; json: unknown; limit: string | null }> {
  const res = await fetch(`${INSTANCE_URL}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text), limit: res.headers.get('sforce-limit-info') };
}

describe('HTTP edges', () => {
  it('answers JSON_PARSER_ERROR, 405 and 404 with Salesforce bodies and the limit header', async () => {
    const { token } = sf.current;
    const bad = await call('POST', '/services/data/v62.0/sobjects/Lead', token, '{"LastName": ');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject([{ errorCode: 'JSON_PARSER_ERROR' }]);
    expect(bad.limit).toBe('api-usage=1/100000');
    const put = await call('PUT', '/services/data/v62.0/sobjects/Lead/00QSm0000000001', token, '{}');
    expect(put).toMatchObject({ status: 405, json: [{ errorCode: 'METHOD_NOT_ALLOWED', message: "HTTP Method 'PUT' not allowed. Allowed are GET,PATCH,HEAD,DELETE" }] });
    expect(await call('GET', '/services/data/v62.0/sobjects/Foo/describe', token)).toMatchObject({ status: 404, json: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] });
    expect(await call('GET', '/services/data/v62.0/sobjects/Lead/00QSm0000000001?fields=Foo', token)).toMatchObject({ status: 400, json: [{ errorCode: 'INVALID_FIELD' }] });
    const versions = await fetch(`${INSTANCE_URL}/services/data`);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    expect(await versions.json()).toContainEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
  });

  it('answers 404 ENTITY_IS_DELETED when patching a deleted record', async () => {
    const { token, crm, ctx } = sf.current;
    const lead = crm.create('Lead', { LastName: 'A', Company: 'B' }, ctx);
    if (!lead.ok) throw new Error('seed');
    crm.delete('Lead', lead.value.id, ctx);
    expect(await call('PATCH', `/services/data/v62.0/sobjects/Lead/${lead.value.id}`, token, '{"Title":"x"}')).toMatchObject({
      status: 404,
      json: [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }],
    });
  });

  it('finds people by email through the index, following updates, deletes and rollbacks', async () => {
    const { conn, crm, ctx } = sf.current;
    const a = crm.create('Lead', { LastName: 'A', Company: 'B', Email: 'Ann@X.io' }, ctx);
    if (!a.ok) throw new Error('seed');
    const find = async () => (await conn.query("SELECT Id, Email FROM Lead WHERE Email = 'ann@x.io'")).records.map((r) => r['Email']);
    expect(await find()).toEqual(['Ann@X.io']);
    crm.transaction(() => ({ ok: crm.update('Lead', a.value.id, { Email: 'other@x.io' }, ctx).ok && false }));
    expect(await find()).toEqual(['Ann@X.io']);
    crm.update('Lead', a.value.id, { Email: 'other@x.io' }, ctx);
    expect(await find()).toEqual([]);
    crm.create('Lead', { LastName: 'C', Company: 'D', Email: 'ann@x.io' }, ctx);
    expect(await find()).toEqual(['ann@x.io']);
  });
});
