import { describe, expect, it } from 'vitest';
import { rejection, useSalesforce } from './sfServer.ts';

// jsforce 3.10.16, in process, against the simulated org: each SOQL and SOSL construct answers with Salesforce's
// response shapes and errors.
const sf = useSalesforce();

async function seedLeads() {
  const { conn, campaignId } = sf.current;
  const ids: string[] = [];
  for (const [LastName, Email, Status, NumberOfEmployees] of [
    ['Ada', 'ada@example.com', 'MQL', 10],
    ['Bo', 'bo@example.org', 'MQL', 30],
    ['Cy', 'cy@example.com', 'Nurture', null],
  ] as const) {
    const r = (await conn.sobject('Lead').create({ LastName, Company: 'Acme', Email, Status, NumberOfEmployees })) as { id: string };
    ids.push(r.id);
  }
  await conn.sobject('CampaignMember').create({ CampaignId: campaignId, LeadId: ids[0], Status: 'Responded' });
  return ids;
}

describe('jsforce conn.query', () => {
  it('answers nested NOT and parentheses, and refuses NOT a AND b as Salesforce does', async () => {
    const { conn } = sf.current;
    const [ada, bo] = await seedLeads();
    const nested = await conn.query("SELECT Id FROM Lead WHERE (NOT (NOT (NOT Email LIKE '%.com'))) AND (NOT Status = 'Nurture')");
    expect(nested.records.map((r) => r.Id)).toEqual([bo]);
    const deep = await conn.query("SELECT Id FROM Lead WHERE ((Status = 'MQL' AND (NOT (NOT NumberOfEmployees < 20))))");
    expect(deep.records.map((r) => r.Id)).toEqual([ada]);
    const refused = await rejection(conn.query("SELECT Id FROM Lead WHERE NOT Status = 'MQL' AND Email != null"));
    expect(refused.errorCode).toBe('MALFORMED_QUERY');
    expect(refused.message).toMatch(/ERROR at Row:1:Column:\d+\nunexpected token: 'AND'$/);
  });

  it('answers aggregates with AggregateResult records and expr0 names', async () => {
    const { conn } = sf.current;
    await seedLeads();
    const grouped = await conn.query('SELECT Status, COUNT(Id), MAX(NumberOfEmployees) biggest FROM Lead GROUP BY Status HAVING COUNT(Id) > 0 ORDER BY COUNT(Id) DESC');
    expect(grouped).toEqual({
      totalSize: 2,
      done: true,
      records: [
        { attributes: { type: 'AggregateResult' }, Status: 'MQL', expr0: 2, biggest: 30 },
        { attributes: { type: 'AggregateResult' }, Status: 'Nurture', expr0: 1, biggest: null },
      ],
    });
    const overall = await conn.query('SELECT COUNT(Id), COUNT_DISTINCT(Status), SUM(NumberOfEmployees), AVG(NumberOfEmployees), MIN(Email) FROM Lead');
    expect(overall.records).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 3, expr1: 2, expr2: 40, expr3: 20, expr4: 'ada@example.com' }]);
    expect((await conn.query('SELECT COUNT() FROM Lead')).totalSize).toBe(3);
  });

  it('nests parent-to-child subqueries, null without children', async () => {
    const { conn } = sf.current;
    const [ada, bo] = await seedLeads();
    const result = await conn.query<{ Id: string; CampaignMembers: unknown }>(`SELECT Id, (SELECT Status FROM CampaignMembers) FROM Lead WHERE Id IN ('${ada}', '${bo}') ORDER BY LastName`);
    expect(result.records[0]?.CampaignMembers).toMatchObject({ totalSize: 1, done: true, records: [{ attributes: { type: 'CampaignMember' }, Status: 'Responded' }] });
    expect(result.records[1]?.CampaignMembers).toBeNull();
    const described = await conn.sobject('Lead').describe();
    expect(described.childRelationships).toContainEqual(expect.objectContaining({ childSObject: 'CampaignMember', field: 'LeadId', relationshipName: 'CampaignMembers' }));
  });

  it('reads date literals and date functions on the CRM’s own CreatedDate, at the simulated now', async () => {
    const { conn, clock } = sf.current;
    await seedLeads();
    const today = (await conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate = TODAY AND CreatedDate = LAST_N_DAYS:30')).totalSize;
    expect(today).toBe(3);
    const year = new Date(clock.now()).getUTCFullYear();
    const byYear = await conn.query(`SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) n FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = ${year} GROUP BY CALENDAR_YEAR(CreatedDate)`);
    expect(byYear.records).toEqual([{ attributes: { type: 'AggregateResult' }, y: year, n: 3 }]);
    expect((await conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate = N_DAYS_AGO:7 OR CreatedDate = NEXT_N_WEEKS:2')).totalSize).toBe(0);
  });

  it('expands FIELDS() with its LIMIT rule and accepts WITH SECURITY_ENFORCED', async () => {
    const { conn } = sf.current;
    await seedLeads();
    const all = await conn.query('SELECT FIELDS(ALL) FROM Lead WITH SECURITY_ENFORCED LIMIT 200');
    expect(all.records[0]).toMatchObject({ LastName: 'Ada', Email: 'ada@example.com', High_Priority__c: false, IsDeleted: false });
    const unbounded = await rejection(conn.query('SELECT FIELDS(ALL) FROM Lead'));
    expect([unbounded.errorCode, unbounded.message]).toEqual(['MALFORMED_QUERY', 'The SOQL FIELDS function must have a LIMIT of at most 200']);
  });
});

describe('jsforce conn.search (SOSL)', () => {
  it('finds people by email across leads and contacts, as dedupe code asks', async () => {
    const { conn } = sf.current;
    const [ada] = await seedLeads();
    const contact = (await conn.sobject('Contact').create({ LastName: 'Dee', Email: 'Dee@Example.com' })) as { id: string };
    const sosl = (email: string) => `FIND {${email}} IN EMAIL FIELDS RETURNING Lead(Id, Email), Contact(Id, Email)`;
    expect((await conn.search(sosl('ADA@example.com'))).searchRecords).toEqual([{ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${ada}` }, Id: ada, Email: 'ada@example.com' }]);
    expect((await conn.search(sosl('dee@example.com'))).searchRecords).toEqual([
      { attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${contact.id}` }, Id: contact.id, Email: 'Dee@Example.com' },
    ]);
    expect((await conn.search('FIND {nobody@example.com} IN EMAIL FIELDS RETURNING Lead(Id)')).searchRecords).toEqual([]);
    const wildcard = await conn.search("FIND {example*} IN EMAIL FIELDS RETURNING Lead(LastName WHERE Status = 'MQL' ORDER BY LastName DESC LIMIT 5)");
    expect(wildcard.searchRecords.map((r) => r['LastName'])).toEqual(['Bo', 'Ada']);
  });

  it('refuses a term without braces or shorter than two characters with MALFORMED_SEARCH', async () => {
    const { conn } = sf.current;
    const noBraces = await rejection(conn.search('FIND ada RETURNING Lead'));
    expect([noBraces.errorCode, noBraces.message]).toEqual(['MALFORMED_SEARCH', 'No search term found. The search term must be enclosed in braces.']);
    expect((await rejection(conn.search('FIND {a} RETURNING Lead'))).errorCode).toBe('MALFORMED_SEARCH');
  });

  it('answers parameterized search by GET and POST', async () => {
    const { conn } = sf.current;
    const [ada] = await seedLeads();
    const get = await conn.request<{ searchRecords: unknown[] }>(`/parameterizedSearch?q=${encodeURIComponent('ada@example.com')}&in=EMAIL&sobject=Lead&Lead.fields=Id,Email`);
    expect(get.searchRecords).toEqual([{ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${ada}` }, Id: ada, Email: 'ada@example.com' }]);
    const post = await conn.request<{ searchRecords: { Id: string }[] }>({
      method: 'POST',
      url: '/parameterizedSearch',
      body: JSON.stringify({ q: 'example', in: 'EMAIL', sobjects: [{ name: 'Lead', fields: ['Id'], limit: 2 }] }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(post.searchRecords).toHaveLength(2);
  });
});
