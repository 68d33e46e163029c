import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { fixture } from './fixture.ts';

const f = fixture();
const url = (type: string, id: string, v = '62.0') => `/services/data/v${v}/sobjects/${type}/${id}`;

function records(soql: string, options: { apiVersion?: string; includeDeleted?: boolean } = {}) {
  const result = runQuery(soql, f.crm, options);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('SELECT and record shape', () => {
  it('returns the REST query shape: attributes first, fields in SELECT order, canonical casing', () => {
    const result = records("SELECT email, ID, lastname, NumberOfEmployees FROM lead WHERE Email = 'x@y.com'");
    expect(result).toEqual({
      ok: true,
      entity: 'Lead',
      totalSize: 1,
      records: [{ attributes: { type: 'Lead', url: url('Lead', f.l4) }, Email: 'x@y.com', Id: f.l4, LastName: 'four_%', NumberOfEmployees: 500 }],
    });
    expect(Object.keys(result.records[0] ?? {})).toEqual(['attributes', 'Email', 'Id', 'LastName', 'NumberOfEmployees']);
  });

  it('returns null for empty fields and false for unset checkboxes', () => {
    const [lead] = records(`SELECT Email, Title, Partner_Recalled__c FROM Lead WHERE Id = '${f.l3}'`).records;
    expect(lead).toEqual({ attributes: { type: 'Lead', url: url('Lead', f.l3) }, Email: null, Title: null, Partner_Recalled__c: false });
  });

  it('uses apiVersion in the urls', () => {
    const [lead] = records(`SELECT Id FROM Lead WHERE Id = '${f.l1}'`, { apiVersion: '58.0' }).records;
    expect(lead?.['attributes']).toEqual({ type: 'Lead', url: url('Lead', f.l1, '58.0') });
  });

  it('nests polymorphic Owner fields under the referenced record’s actual type, null when empty', () => {
    const result = records('SELECT LastName, Owner.Name, Owner.Region__c, Status FROM Lead');
    expect(result.records).toEqual([
      { attributes: { type: 'Lead', url: url('Lead', f.l1) }, LastName: 'One', Owner: { attributes: { type: 'User', url: url('User', f.ada) }, Name: 'Ada Lovelace', Region__c: 'EMEA' }, Status: 'MQL' },
      { attributes: { type: 'Lead', url: url('Lead', f.l2) }, LastName: 'Two', Owner: { attributes: { type: 'Group', url: url('Group', f.queue) }, Name: 'Partner Queue', Region__c: null }, Status: 'Inquiry' },
      { attributes: { type: 'Lead', url: url('Lead', f.l3) }, LastName: 'Three', Owner: { attributes: { type: 'User', url: url('User', f.bob) }, Name: 'Bob Stone', Region__c: 'AMER' }, Status: 'Nurture' },
      { attributes: { type: 'Lead', url: url('Lead', f.l4) }, LastName: 'four_%', Owner: null, Status: 'Qualified' },
    ]);
  });

  it('resolves Account.Name on Contact, Campaign.Name on CampaignMember and custom __r relationships', () => {
    expect(records('SELECT account.name FROM Contact').records[0]).toEqual({
      attributes: { type: 'Contact', url: url('Contact', f.contact) },
      Account: { attributes: { type: 'Account', url: url('Account', f.partner) }, Name: 'Acme Partners' },
    });
    expect(records('SELECT Status, Campaign.Name, Campaign.MDF_Funding__c FROM CampaignMember').records[0]).toEqual({
      attributes: { type: 'CampaignMember', url: url('CampaignMember', f.member) },
      Status: 'Responded',
      Campaign: { attributes: { type: 'Campaign', url: url('Campaign', f.campaign) }, Name: 'Partner - Trial Q1', MDF_Funding__c: 'Yes' },
    });
    expect(records(`SELECT Impartner_Partner_Account__r.Partner_Type__c FROM Lead WHERE Id = '${f.l1}'`).records[0]).toEqual({
      attributes: { type: 'Lead', url: url('Lead', f.l1) },
      Impartner_Partner_Account__r: { attributes: { type: 'Account', url: url('Account', f.partner) }, Partner_Type__c: 'Alliance' },
    });
  });

  it('follows two relationships deep', () => {
    expect(records('SELECT Lead.Owner.Name FROM CampaignMember').records[0]).toEqual({
      attributes: { type: 'CampaignMember', url: url('CampaignMember', f.member) },
      Lead: { attributes: { type: 'Lead', url: url('Lead', f.l1) }, Owner: { attributes: { type: 'User', url: url('User', f.ada) }, Name: 'Ada Lovelace' } },
    });
  });

  it('accepts an object alias in fields, WHERE and ORDER BY', () => {
    const result = records("SELECT l.LastName FROM Lead l WHERE l.Status = 'MQL' ORDER BY l.LastName");
    expect(result.records.map((r) => r['LastName'])).toEqual(['One']);
  });

  it('includes recycle-bin records only with includeDeleted', () => {
    const g = fixture();
    g.crm.deleted.add(g.l2);
    const soql = 'SELECT LastName FROM Lead';
    expect(runQuery(soql, g.crm)).toMatchObject({ totalSize: 3 });
    expect(runQuery(soql, g.crm, { includeDeleted: true })).toMatchObject({ totalSize: 4 });
  });
});

describe('COUNT', () => {
  it('returns the count as totalSize with no records for COUNT()', () => {
    expect(records('SELECT COUNT() FROM Lead')).toEqual({ ok: true, entity: 'Lead', totalSize: 4, records: [] });
    expect(records("SELECT COUNT() FROM Lead WHERE Email LIKE '%example%'")).toMatchObject({ totalSize: 2, records: [] });
    expect(records('SELECT COUNT() FROM Lead LIMIT 3')).toMatchObject({ totalSize: 3 });
  });

  it('returns one AggregateResult row for COUNT(field), counting non-null values', () => {
    expect(records('SELECT COUNT(Email) FROM Lead')).toEqual({
      ok: true,
      entity: 'Lead',
      totalSize: 1,
      records: [{ attributes: { type: 'AggregateResult' }, expr0: 3 }],
    });
    expect(records('SELECT COUNT(Id) n FROM Lead').records).toEqual([{ attributes: { type: 'AggregateResult' }, n: 4 }]);
  });
});

describe('ORDER BY, LIMIT, OFFSET', () => {
  const names = (soql: string) => records(soql).records.map((r) => r['LastName']);

  it('sorts text case-insensitively, ascending by default, with nulls first', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY LastName')).toEqual(['four_%', 'One', 'Three', 'Two']);
    expect(names('SELECT LastName FROM Lead ORDER BY Email ASC')).toEqual(['Three', 'One', 'Two', 'four_%']);
  });

  it('puts nulls last by default when descending, and obeys NULLS FIRST/LAST', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY NumberOfEmployees DESC')).toEqual(['four_%', 'One', 'Two', 'Three']);
    expect(names('SELECT LastName FROM Lead ORDER BY NumberOfEmployees DESC NULLS FIRST')).toEqual(['Three', 'four_%', 'One', 'Two']);
    expect(names('SELECT LastName FROM Lead ORDER BY NumberOfEmployees ASC NULLS LAST')).toEqual(['Two', 'One', 'four_%', 'Three']);
  });

  it('sorts by several keys and keeps insertion order for ties', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY High_Priority__c DESC, CreatedDate')).toEqual(['One', 'four_%', 'Two', 'Three']);
    expect(names('SELECT LastName FROM Lead ORDER BY Owner.Region__c NULLS LAST, LastName')).toEqual(['Three', 'One', 'four_%', 'Two']);
  });

  it('sorts picklists by their value order, as Salesforce does', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY Status')).toEqual(['Two', 'One', 'four_%', 'Three']);
  });

  it('sorts by relationship fields', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY Owner.Name DESC')).toEqual(['Two', 'Three', 'One', 'four_%']);
  });

  it('applies OFFSET then LIMIT after sorting; totalSize counts the returned records', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY LastName LIMIT 2')).toEqual(['four_%', 'One']);
    expect(names('SELECT LastName FROM Lead ORDER BY LastName LIMIT 2 OFFSET 1')).toEqual(['One', 'Three']);
    expect(names('SELECT LastName FROM Lead LIMIT 2 OFFSET 3')).toEqual(['four_%']);
    expect(records('SELECT LastName FROM Lead LIMIT 2 OFFSET 1').totalSize).toBe(2);
    expect(records('SELECT LastName FROM Lead LIMIT 0').totalSize).toBe(0);
  });
});

describe('parser workarounds', () => {
  it('accepts WHERE … OFFSET n without LIMIT, which soql-parser-js 5 mis-parses', () => {
    expect(records("SELECT LastName FROM Lead WHERE Email != null OFFSET 1").records.map((r) => r['LastName'])).toEqual(['Two', 'four_%']);
  });
});
