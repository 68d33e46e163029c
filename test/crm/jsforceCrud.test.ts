import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { SALESFORCE_CLIENT } from '../../src/world/credentials.ts';
import { INSTANCE_URL, rejection, useSalesforce } from './sfServer.ts';

const sf = useSalesforce();

describe('jsforce against the simulated Salesforce', () => {
  it('creates, retrieves, updates and destroys a lead', async () => {
    const { conn, crm } = sf.current;
    const created = await conn.sobject('Lead').create({ FirstName: 'Ada', LastName: 'Lovelace', Company: 'Engines', Email: 'ada@engines.io' });
    expect(created).toMatchObject({ success: true, errors: [] });
    const id = (created as { id: string }).id;
    const lead = await conn.sobject('Lead').retrieve(id);
    expect(lead).toMatchObject({ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${id}` }, Id: id, Name: 'Ada Lovelace', Status: 'Inquiry' });
    const some = await conn.sobject('Lead').retrieve(id, { fields: ['Email'] });
    expect(some).toEqual({ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${id}` }, Id: id, Email: 'ada@engines.io' });
    expect(await conn.sobject('Lead').update({ Id: id, Title: 'CTO' })).toEqual({ id, success: true, errors: [] });
    expect(crm.get('Lead', id)?.['Title']).toBe('CTO');
    expect(await conn.sobject('Lead').destroy(id)).toEqual({ id, success: true, errors: [] });
    const gone = await rejection(conn.sobject('Lead').retrieve(id));
    expect(gone.errorCode).toBe('NOT_FOUND');
  });

  it('records the workflow from Sforce-Call-Options or X-Leadsim-Workflow in field history', async () => {
    const { crm, token } = sf.current;
    const conn = new jsforce.Connection({ instanceUrl: INSTANCE_URL, accessToken: token, version: '62.0', callOptions: { client: 'pipeline:upsert' } });
    const created = (await conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' })) as { id: string };
    expect(crm.history(created.id).map((h) => h.workflow)).toEqual(['pipeline:upsert', 'pipeline:upsert', 'pipeline:upsert']);
    await conn.sobject('Lead').update({ Id: created.id, Title: 'CTO' }, { headers: { 'X-Leadsim-Workflow': 'pipeline:route' } });
    expect(crm.history(created.id).at(-1)).toMatchObject({ field: 'Title', newValue: 'CTO', workflow: 'pipeline:route' });
  });

  it('maps validation failures to the vendor error bodies', async () => {
    const { conn } = sf.current;
    const missing = await rejection(conn.sobject('Lead').create({ FirstName: 'A' }));
    expect(missing.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(missing.data).toEqual({ message: 'Required fields are missing: [LastName, Company]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName', 'Company'] });
    const email = await rejection(conn.sobject('Lead').create({ LastName: 'A', Company: 'B', Email: 'foo@' }));
    expect(email.data).toEqual({ message: 'Email: invalid email address: foo@', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] });
    const field = await rejection(conn.sobject('Lead').create({ LastName: 'A', Company: 'B', Foo: 1 }));
    expect(field.errorCode).toBe('INVALID_FIELD');
    expect(field.message).toBe("No such column 'Foo' on sobject of type Lead");
    const notFound = await rejection(conn.sobject('Lead').update({ Id: '00QSm0000000999', Title: 'x' }));
    expect(notFound.data).toEqual({ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND', fields: [] });
  });

  it('answers DUPLICATES_DETECTED with the misspelt duplicateResut, even with allowSave', async () => {
    const { conn } = sf.current;
    const first = (await conn.sobject('Lead').create({ LastName: 'A', Company: 'B', Email: 'dup@x.io' })) as { id: string };
    const dup = await rejection(conn.sobject('Contact').create({ LastName: 'C', Email: 'DUP@x.io' }, { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' } }));
    expect(dup.errorCode).toBe('DUPLICATES_DETECTED');
    expect(dup.data).toEqual({
      duplicateResut: {
        allowSave: false,
        duplicateRule: 'Standard_Contact_Duplicate_Rule',
        duplicateRuleEntityType: 'Contact',
        errorMessage: "You're creating a duplicate record. We recommend you use an existing record instead.",
        matchResults: [
          {
            entityType: 'Lead',
            errors: [],
            matchEngine: 'FuzzyMatchEngine',
            matchRecords: [{ additionalInformation: [], fieldDiffs: [], matchConfidence: 100, record: { attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${first.id}` }, Id: first.id } }],
            rule: 'Standard_Lead_Match_Rule_v1_0',
            size: 1,
            success: true,
          },
        ],
      },
      errorCode: 'DUPLICATES_DETECTED',
      message: "You're creating a duplicate record. We recommend you use an existing record instead.",
      fields: [],
    });
  });

  it('creates a collection where one record fails, and rolls everything back with allOrNone', async () => {
    const { conn, crm } = sf.current;
    const results = await conn.sobject('Lead').create([{ LastName: 'A', Company: 'B' }, { FirstName: 'no last name' }, { LastName: 'C', Company: 'D' }]);
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1]).toEqual({ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName, Company]', fields: ['LastName', 'Company'] }] });
    expect([...crm.records('Lead')]).toHaveLength(2);
    const rolled = await conn.sobject('Lead').create([{ LastName: 'E', Company: 'F' }, { LastName: 'G' }], { allOrNone: true });
    expect(rolled).toEqual([
      { success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] },
      { success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Company]', fields: ['Company'] }] },
    ]);
    expect([...crm.records('Lead')]).toHaveLength(2);
    expect(crm.history().filter((h) => h.newValue === 'E')).toEqual([]);
  });

  it('updates, retrieves and destroys collections', async () => {
    const { conn } = sf.current;
    const made = (await conn.sobject('Lead').create([{ LastName: 'A', Company: 'B' }, { LastName: 'C', Company: 'D' }])) as { id: string }[];
    const ids = made.map((r) => r.id);
    const updated = await conn.sobject('Lead').update(ids.map((Id) => ({ Id, Title: 'VP' })));
    expect(updated.map((r) => r.success)).toEqual([true, true]);
    const fetched = await conn.sobject('Lead').retrieve([...ids, '00QSm0000000999AAA'], { fields: ['Title'] });
    expect(fetched.map((r) => r && r['Title'])).toEqual(['VP', 'VP', null]);
    const destroyed = await conn.sobject('Lead').destroy(ids);
    expect(destroyed).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
  });

  it('answers 401 INVALID_SESSION_ID for an unknown token', async () => {
    const conn = new jsforce.Connection({ instanceUrl: INSTANCE_URL, accessToken: 'bogus', version: '62.0' });
    const err = await rejection(conn.sobject('Lead').create({ LastName: 'A', Company: 'B' }));
    expect(err.errorCode).toBe('INVALID_SESSION_ID');
    expect(err.data).toEqual({ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' });
  });

  it('refreshes the session after a 401 and retries', async () => {
    const { crm } = sf.current;
    const refreshToken = crm.sessions.issueRefreshToken(crm.integrationUserId);
    const stale = crm.sessions.issueToken(crm.integrationUserId);
    crm.sessions.revokeToken(stale);
    const conn = new jsforce.Connection({
      instanceUrl: INSTANCE_URL,
      accessToken: stale,
      refreshToken,
      version: '62.0',
      oauth2: { loginUrl: INSTANCE_URL, ...SALESFORCE_CLIENT, redirectUri: `${INSTANCE_URL}/callback` },
    });
    const refreshed: string[] = [];
    conn.on('refresh', (accessToken: string) => refreshed.push(accessToken));
    const created = await conn.sobject('Lead').create({ LastName: 'A', Company: 'B' });
    expect(created).toMatchObject({ success: true });
    expect(refreshed).toHaveLength(1);
    expect(conn.accessToken).not.toBe(stale);
    expect(crm.sessions.resolveToken(String(conn.accessToken))).toBe(crm.integrationUserId);
  });

  it('logs in with the password grant and rejects unknown users and wrong client credentials', async () => {
    const { crm } = sf.current;
    const conn = new jsforce.Connection({ loginUrl: INSTANCE_URL, version: '62.0', oauth2: { loginUrl: INSTANCE_URL, ...SALESFORCE_CLIENT, redirectUri: `${INSTANCE_URL}/cb` } });
    const info = await conn.login('integration@leadsim.test', 'any-password');
    expect(info).toEqual({ id: crm.integrationUserId, organizationId: crm.orgId, url: `${INSTANCE_URL}/id/${crm.orgId}/${crm.integrationUserId}` });
    expect(conn.instanceUrl).toBe(INSTANCE_URL);
    // The identity URL is on the instance's host, so identity() never leaves it.
    expect(await conn.identity()).toMatchObject({ user_id: crm.integrationUserId, organization_id: crm.orgId, username: 'integration@leadsim.test' });
    const login = (clientId: string, clientSecret: string, user = 'integration@leadsim.test') =>
      rejection(new jsforce.Connection({ oauth2: { loginUrl: INSTANCE_URL, clientId, clientSecret, redirectUri: 'x' } }).login(user, 'pw'));
    expect((await login(SALESFORCE_CLIENT.clientId, SALESFORCE_CLIENT.clientSecret, 'nobody@x.io')).message).toMatch(/authentication failure/);
    expect((await login('c', SALESFORCE_CLIENT.clientSecret)).message).toMatch(/client identifier invalid/);
    expect((await login(SALESFORCE_CLIENT.clientId, 's')).message).toMatch(/invalid client credentials/);
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED once the daily limit is reached, and reports usage in limitInfo', async () => {
    const { conn, crm } = sf.current;
    crm.apiUsage.setLimit(2);
    await conn.sobject('Lead').create({ LastName: 'A', Company: 'B' });
    expect(conn.limitInfo).toEqual({ apiUsage: { used: 1, limit: 2 } });
    await conn.sobject('Lead').create({ LastName: 'C', Company: 'D' });
    const err = await rejection(conn.sobject('Lead').create({ LastName: 'E', Company: 'F' }));
    expect(err.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(err.data).toEqual({ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' });
    expect(conn.limitInfo).toEqual({ apiUsage: { used: 2, limit: 2 } });
  });

  it('serves describe, describeGlobal and limits', async () => {
    const { conn } = sf.current;
    const describe = await conn.sobject('Lead').describe();
    expect(describe.keyPrefix).toBe('00Q');
    expect(describe.fields.find((f) => f.name === 'Status')).toMatchObject({ type: 'picklist', createable: true, nillable: false, defaultedOnCreate: true });
    expect(describe.fields.find((f) => f.name === 'OwnerId')).toMatchObject({ referenceTo: ['User', 'Group'], relationshipName: 'Owner' });
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toContain('CampaignMember');
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 100000, Remaining: 100000 - 3 });
    // The common allocations beside it, each {Max, Remaining}; at v62 bulk batches are DailyBulkApiBatches.
    const all = limits as unknown as Record<string, { Max: number; Remaining: number }>;
    for (const name of ['DailyBulkApiBatches', 'DailyAsyncApexExecutions', 'DailyBulkV2QueryJobs', 'DailyStreamingApiEvents', 'DataStorageMB', 'SingleEmail']) {
      expect(all[name], name).toEqual({ Max: expect.any(Number), Remaining: expect.any(Number) });
      expect(all[name]!.Remaining).toBeLessThanOrEqual(all[name]!.Max);
    }
    expect(all['DailyBulkApiRequests']).toBeUndefined();
    const unknown = await rejection(conn.sobject('Foo').describe());
    expect(unknown.errorCode).toBe('NOT_FOUND');
  });
});
