import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { INSTANCE_URL, rejection, useSalesforce } from './sfServer.ts';

const sf = useSalesforce();

async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${INSTANCE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe('discovery: versions, resources, identity', () => {
  it('lists versions without a session, and a version lists its resources with the identity URL on the instance host', async () => {
    const { token, crm } = sf.current;
    const versions = (await (await fetch(`${INSTANCE_URL}/services/data`)).json()) as { version: string; label: string; url: string }[];
    expect(versions.find((v) => v.version === '62.0')).toEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
    expect(versions.find((v) => v.version === '20.0')?.label).toBe("Winter '11");
    const resources = await call('GET', '/services/data/v62.0', token);
    expect(resources.status).toBe(200);
    expect(resources.body).toMatchObject({ sobjects: '/services/data/v62.0/sobjects', query: '/services/data/v62.0/query', identity: `${INSTANCE_URL}/id/${crm.orgId}/${crm.integrationUserId}` });
    expect(resources.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
  });

  it('answers jsforce identity() from the resource list when the connection has no user info', async () => {
    const { conn, crm } = sf.current;
    const me = await conn.identity();
    expect(me).toMatchObject({ id: `${INSTANCE_URL}/id/${crm.orgId}/${crm.integrationUserId}`, user_id: crm.integrationUserId, organization_id: crm.orgId, username: 'integration@leadsim.test', active: true });
    const bad = await fetch(`${INSTANCE_URL}/id/${crm.orgId}/${crm.integrationUserId}?format=json&oauth_token=nope`);
    expect([bad.status, await bad.text()]).toEqual([403, 'Bad_OAuth_Token']);
  });

  it('logs in with SOAP login (jsforce loginBySoap) and logs out; a wrong username is an INVALID_LOGIN fault', async () => {
    const { crm } = sf.current;
    const conn = new jsforce.Connection({ loginUrl: 'https://login.salesforce.com', version: '62.0' });
    const info = await conn.loginBySoap('sam@leadsim.test', 'secret+token');
    expect(info.organizationId).toBe(crm.orgId);
    expect(conn.instanceUrl).toBe('https://login.salesforce.com');
    expect(crm.get('User', info.id)?.['Username']).toBe('sam@leadsim.test');
    expect((await conn.query('SELECT Id FROM User')).totalSize).toBeGreaterThan(1);
    await conn.logout();
    expect(crm.sessions.resolveToken(String(conn.accessToken))).toBeUndefined();
    const wrong = await rejection(new jsforce.Connection({ loginUrl: INSTANCE_URL, version: '62.0' }).loginBySoap('nobody@x.io', 'pw'));
    expect(wrong.message).toMatch(/INVALID_LOGIN/);
  });
});

describe('what clients call on login', () => {
  it('answers the org query (simple-salesforce is_sandbox) and paths with a trailing slash (simple-salesforce limits/)', async () => {
    const { conn, token, crm } = sf.current;
    const org = await conn.query<{ Id: string; IsSandbox: boolean; Name: string }>('SELECT Id, IsSandbox, Name FROM Organization LIMIT 1');
    expect(org.records.map((r) => [r.Id, r.IsSandbox])).toEqual([[crm.orgId, false]]);
    expect((await call('GET', '/services/data/v62.0/limits/', token)).body).toMatchObject({ DailyApiRequests: { Max: 100000 } });
    const write = await call('PATCH', `/services/data/v62.0/sobjects/Organization/${crm.orgId}`, token, { Name: 'Mine now' });
    expect(write.body[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect((await conn.sobject('Organization').describe()).createable).toBe(false);
  });
});

describe('upsert by external id and idLookup fields', () => {
  it('creates (201), updates (200, or 204 before v46) and refuses several matches (300) through PATCH /sobjects/Lead/Email/{value}', async () => {
    const { token, crm } = sf.current;
    const created = await call('PATCH', '/services/data/v62.0/sobjects/Lead/Email/ana@example.com', token, { LastName: 'Silva', Company: 'Acme' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^00Q/), success: true, errors: [], created: true });
    expect(crm.get('Lead', created.body.id)?.['Email']).toBe('ana@example.com');
    const updated = await call('PATCH', '/services/data/v62.0/sobjects/Lead/Email/ANA@example.com', token, { Title: 'CTO' });
    expect([updated.status, updated.body]).toEqual([200, { id: created.body.id, success: true, errors: [], created: false }]);
    expect((await call('PATCH', '/services/data/v45.0/sobjects/Lead/Email/ana@example.com', token, { Title: 'CEO' })).status).toBe(204);
    expect(crm.get('Lead', created.body.id)?.['Title']).toBe('CEO');

    // The duplicate rule keeps emails unique, so two leads share one only when the rule is off.
    crm.configure({ duplicateRules: { Lead: 'off' } });
    const twin = crm.create('Lead', { LastName: 'Twin', Company: 'Acme', Email: 'ana@example.com' }, { userId: crm.integrationUserId });
    const several = await call('PATCH', '/services/data/v62.0/sobjects/Lead/Email/ana@example.com', token, { Title: 'x' });
    expect(several.status).toBe(300);
    expect(several.body).toEqual([`/services/data/v62.0/sobjects/Lead/${created.body.id}`, `/services/data/v62.0/sobjects/Lead/${twin.ok && twin.value.id}`]);
  });

  it('honours updateOnly, refuses fields that are not id lookups, and reads and deletes by external id', async () => {
    const { token } = sf.current;
    expect((await call('PATCH', '/services/data/v62.0/sobjects/Lead/Email/new@example.com?updateOnly=true', token, { LastName: 'N', Company: 'C' })).status).toBe(404);
    const phone = await call('PATCH', '/services/data/v62.0/sobjects/Lead/Phone/123', token, { LastName: 'N', Company: 'C' });
    expect([phone.status, phone.body]).toEqual([404, [{ message: 'Provided external ID field does not exist or is not accessible: Phone', errorCode: 'NOT_FOUND' }]]);
    const made = await call('PATCH', '/services/data/v62.0/sobjects/Lead/Pipeline_Event_Id__c/evt-42', token, { LastName: 'E', Company: 'C' });
    expect(made.status).toBe(201);
    const read = await call('GET', '/services/data/v62.0/sobjects/Lead/Pipeline_Event_Id__c/evt-42?fields=LastName', token);
    expect(read.body).toMatchObject({ Id: made.body.id, LastName: 'E' });
    expect((await call('DELETE', '/services/data/v62.0/sobjects/Lead/Pipeline_Event_Id__c/evt-42', token)).status).toBe(204);
    expect((await call('GET', '/services/data/v62.0/sobjects/Lead/Pipeline_Event_Id__c/evt-42', token)).status).toBe(404);
    const viaId = await call('POST', '/services/data/v62.0/sobjects/Lead/Id', token, { LastName: 'I', Company: 'C' });
    expect([viaId.status, viaId.body.created]).toEqual([201, true]);
  });

  it('works through jsforce upsert, one record (sObject rows) and many (collections)', async () => {
    const { conn, crm } = sf.current;
    const one = (await conn.sobject('Lead').upsert({ Email: 'bo@example.com', LastName: 'Bo', Company: 'B' }, 'Email')) as { id: string; created: boolean };
    expect(one).toMatchObject({ success: true, created: true });
    const many = await conn.sobject('Lead').upsert(
      [
        { Email: 'bo@example.com', Title: 'VP' },
        { Email: 'cy@example.com', LastName: 'Cy', Company: 'C' },
        { Email: 'dee@example.com', LastName: 'Dee' },
      ],
      'Email',
    );
    expect(many).toEqual([
      { id: one.id, success: true, errors: [], created: false },
      { id: expect.stringMatching(/^00Q/), success: true, errors: [], created: true },
      { success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Company]', fields: ['Company'] }] },
    ]);
    expect(crm.get('Lead', one.id)?.['Title']).toBe('VP');
  });

  it('marks Id, Email, Name and the external id field as idLookup in describe', async () => {
    const { conn } = sf.current;
    const fields = (await conn.sobject('Lead').describe()).fields.filter((f) => (f as unknown as { idLookup: boolean }).idLookup).map((f) => f.name);
    expect(fields).toEqual(['Id', 'Name', 'Email', 'Pipeline_Event_Id__c']);
    const ext = (await conn.sobject('Lead').describe()).fields.find((f) => f.name === 'Pipeline_Event_Id__c') as unknown as { externalId: boolean };
    expect(ext.externalId).toBe(true);
  });
});

describe('duplicate rules per org and the duplicate rule header', () => {
  const lead = { LastName: 'Dup', Company: 'D', Email: 'dup@example.com' };

  it('block refuses even with allowSave=true; alert refuses without it (allowSave: true in the verdict) and saves with it', async () => {
    const { token, crm } = sf.current;
    expect((await call('POST', '/services/data/v62.0/sobjects/Lead', token, lead)).status).toBe(201);
    const blocked = await call('POST', '/services/data/v62.0/sobjects/Lead', token, lead, { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' });
    expect(blocked.status).toBe(400);
    expect(blocked.body[0]).toMatchObject({ errorCode: 'DUPLICATES_DETECTED', duplicateResut: { allowSave: false } });

    crm.configure({ duplicateRules: { Lead: 'alert' } });
    const alerted = await call('POST', '/services/data/v62.0/sobjects/Lead', token, lead);
    expect(alerted.body[0]).toMatchObject({ errorCode: 'DUPLICATES_DETECTED', duplicateResut: { allowSave: true, duplicateRule: 'Standard_Lead_Duplicate_Rule' } });
    expect(alerted.body[0].duplicateResut.matchResults[0].matchRecords[0].record).toEqual({ attributes: expect.any(Object), Id: expect.stringMatching(/^00Q/) });
    const detailed = await call('POST', '/services/data/v62.0/sobjects/Lead', token, lead, { 'Sforce-Duplicate-Rule-Header': 'allowSave=false; includeRecordDetails=true' });
    expect(detailed.body[0].duplicateResut.matchResults[0].matchRecords[0].record).toMatchObject({ Email: 'dup@example.com', LastName: 'Dup' });
    const saved = await call('POST', '/services/data/v62.0/sobjects/Lead', token, lead, { 'Sforce-Duplicate-Rule-Header': 'allowSave=true; includeRecordDetails=true; runAsCurrentUser=true' });
    expect(saved.status).toBe(201);
    expect([...crm.records('Lead')].filter((l) => l['Email'] === 'dup@example.com')).toHaveLength(2);
  });

  it('honours the SOAP DuplicateRuleHeader on create the same way', async () => {
    const { token, crm } = sf.current;
    crm.create('Lead', lead, { userId: crm.integrationUserId });
    crm.configure({ duplicateRules: { Lead: 'alert' } });
    const soapCreate = async (allowSave: boolean) =>
      (
        await fetch(`${INSTANCE_URL}/services/Soap/u/62.0`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
          body:
            `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header><SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>${token}</sessionId></SessionHeader>` +
            `<DuplicateRuleHeader xmlns="urn:partner.soap.sforce.com"><allowSave>${allowSave}</allowSave></DuplicateRuleHeader></se:Header>` +
            `<se:Body><create xmlns="urn:partner.soap.sforce.com"><sObjects><type>Lead</type><LastName>Dup</LastName><Company>D</Company><Email>dup@example.com</Email></sObjects></create></se:Body></se:Envelope>`,
        })
      ).text();
    expect(await soapCreate(false)).toMatch(/<success>false<\/success>.*DUPLICATES_DETECTED|DUPLICATES_DETECTED.*<success>false<\/success>/s);
    expect(await soapCreate(true)).toMatch(/<success>true<\/success>/);
  });
});

describe('state and country picklists', () => {
  it('refuses names that are not integration values, fills the code from the name and the name from the code', async () => {
    const { token, crm } = sf.current;
    crm.configure({ stateAndCountryPicklists: true });
    const usa = await call('POST', '/services/data/v62.0/sobjects/Lead', token, { LastName: 'A', Company: 'C', Country: 'USA' });
    expect([usa.status, usa.body[0].errorCode, usa.body[0].fields]).toEqual([400, 'FIELD_INTEGRITY_EXCEPTION', ['Country']]);
    const byName = await call('POST', '/services/data/v62.0/sobjects/Lead', token, { LastName: 'B', Company: 'C', Country: 'United States' });
    expect(crm.get('Lead', byName.body.id)).toMatchObject({ Country: 'United States', CountryCode: 'US' });
    const byCode = await call('POST', '/services/data/v62.0/sobjects/Lead', token, { LastName: 'C', Company: 'C', CountryCode: 'de' });
    expect(crm.get('Lead', byCode.body.id)).toMatchObject({ Country: 'Germany', CountryCode: 'DE' });
    const badCode = await call('POST', '/services/data/v62.0/sobjects/Lead', token, { LastName: 'D', Company: 'C', CountryCode: 'XX' });
    expect(badCode.body[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['CountryCode'] });
    // On create the code wins over a name that disagrees; on update a mismatch is refused.
    const both = await call('POST', '/services/data/v62.0/sobjects/Lead', token, { LastName: 'E', Company: 'C', Country: 'France', CountryCode: 'ES' });
    expect(crm.get('Lead', both.body.id)).toMatchObject({ Country: 'Spain', CountryCode: 'ES' });
    const mismatch = await call('PATCH', `/services/data/v62.0/sobjects/Lead/${both.body.id}`, token, { Country: 'France', CountryCode: 'ES' });
    expect(mismatch.body[0].errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    await call('PATCH', `/services/data/v62.0/sobjects/Lead/${both.body.id}`, token, { CountryCode: null });
    expect(crm.get('Lead', both.body.id)).toMatchObject({ Country: null, CountryCode: null });
    const describe = await call('GET', '/services/data/v62.0/sobjects/Lead/describe', token);
    const code = describe.body.fields.find((f: { name: string }) => f.name === 'CountryCode');
    expect(code.type).toBe('picklist');
    expect(code.picklistValues).toContainEqual({ value: 'US', label: 'United States', active: true, defaultValue: false, validFor: null });
  });

  it('accepts any text when the org has no picklists (the default)', async () => {
    const { token, crm } = sf.current;
    const usa = await call('POST', '/services/data/v62.0/sobjects/Lead', token, { LastName: 'A', Company: 'C', Country: 'USA' });
    expect(crm.get('Lead', usa.body.id)).toMatchObject({ Country: 'USA', CountryCode: null });
  });
});

describe('replication: updated and deleted records by time window', () => {
  it('lists ids whose SystemModstamp is in the window, and deletions with their date', async () => {
    const { conn, clock } = sf.current;
    clock.advance(5 * 60_000);
    const a = (await conn.sobject('Lead').create({ LastName: 'A', Company: 'C' })) as { id: string };
    clock.advance(2 * 60_000);
    const start = new Date(clock.now());
    const b = (await conn.sobject('Lead').create({ LastName: 'B', Company: 'C' })) as { id: string };
    clock.advance(60_000);
    await conn.sobject('Lead').destroy(a.id);
    clock.advance(60_000);
    const updated = await conn.sobject('Lead').updated(start, new Date(clock.now()));
    expect(updated.ids).toEqual([b.id]);
    const deleted = await conn.sobject('Lead').deleted(start, new Date(clock.now()));
    expect(deleted.deletedRecords).toEqual([{ id: a.id, deletedDate: '2026-01-05T09:08:00.000+0000' }]);
    const backwards = await rejection(conn.sobject('Lead').updated(new Date(clock.now()), start));
    expect(backwards.errorCode).toBe('INVALID_REPLICATION_DATE');
  });
});
