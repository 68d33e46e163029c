import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupSimulation, type SimulationServer } from '../../mocks/setupSimulation.ts';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';

const FIXTURES = new URL('../fixtures/assignmentRules/', import.meta.url).pathname;
const ORG = { ...loadOrgSpec(join(FIXTURES, 'org.json')), assignmentRules: join(FIXTURES, 'territories.assignmentRules-meta.xml') };

let sim: SimulationServer;
let conn: Connection;
const userId = (email: string) => [...sim.world.crm.records('User')].find((u) => u['Username'] === email)!.Id;
const queueId = (name: string) => [...sim.world.crm.records('Group')].find((g) => g['Name'] === name)!.Id;
const ownerOf = (id: string) => sim.world.crm.get('Lead', id)?.['OwnerId'];

beforeAll(() => {
  sim = setupSimulation({ seed: 3, org: ORG });
  conn = new jsforce.Connection({ instanceUrl: sim.salesforce.instanceUrl, accessToken: sim.salesforce.accessToken, version: sim.salesforce.version });
});
afterAll(() => sim.close());

async function create(record: Record<string, unknown>, headers?: Record<string, string>): Promise<string> {
  const result = (await conn.sobject('Lead').create({ LastName: 'Kim', Company: 'Acme', ...record }, headers ? { headers } : {})) as { id: string; success: boolean };
  expect(result.success).toBe(true);
  return result.id;
}

describe('the simulated CRM runs the active lead assignment rule', () => {
  it('holds the deployed rules as AssignmentRule records, queryable with SOQL and read-only', async () => {
    const result = await conn.query<{ Id: string; Name: string; Active: boolean; SobjectType: string }>('SELECT Id, Name, Active, SobjectType FROM AssignmentRule ORDER BY Name');
    expect(result.records.map(({ Name, Active, SobjectType }) => ({ Name, Active, SobjectType }))).toEqual([
      { Name: 'Territories', Active: true, SobjectType: 'Lead' },
      { Name: 'Territories 2025', Active: false, SobjectType: 'Lead' },
    ]);
    expect(result.records.every((r) => r.Id.startsWith('01Q'))).toBe(true);
    await expect(conn.sobject('AssignmentRule').create({ Name: 'Mine', Active: true })).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
  });

  it('assigns a lead created through REST with Sforce-Auto-Assign: TRUE (jsforce 3.10.16 headers) as the rule says', async () => {
    const us = await create({ CountryCode: 'US' }, { 'Sforce-Auto-Assign': 'TRUE' });
    expect(ownerOf(us)).toBe(userId('avery.stone@leadsim-corp.test'));
    const partner = await create({ CountryCode: 'US', LeadSource: 'Partner Referral', Impartner_Partner_Account__c: null }, { 'Sforce-Auto-Assign': 'true' });
    expect(ownerOf(partner)).toBe(userId('avery.stone@leadsim-corp.test'));
    const elsewhere = await create({ CountryCode: 'ZA' }, { 'Sforce-Auto-Assign': 'TRUE' });
    expect(ownerOf(elsewhere)).toBe(queueId('Inquiry Queue'));
    expect(sim.world.crm.assignmentRules.log(us)).toMatchObject([{ rule: 'Territories', owner: { name: 'Avery Stone' }, path: 'entry1(no) → entry2(yes) → entry2Assign → done' }]);
  });

  it('runs the active rule when the header is absent (REST defaults to TRUE), and none with FALSE', async () => {
    const absent = await create({ CountryCode: 'JP' });
    expect(ownerOf(absent)).toBe(userId('emi.sato@leadsim-corp.test'));
    const off = await create({ CountryCode: 'JP' }, { 'Sforce-Auto-Assign': 'FALSE' });
    expect(ownerOf(off)).toBe(sim.world.crm.integrationUserId);
  });

  it('runs a named rule by its 01Q id, active or not, and refuses a malformed id', async () => {
    const [old] = (await conn.query<{ Id: string }>("SELECT Id FROM AssignmentRule WHERE Name = 'Territories 2025'")).records;
    const id = await create({ CountryCode: 'US' }, { 'Sforce-Auto-Assign': old!.Id });
    expect(ownerOf(id)).toBe(queueId('Inquiry Queue'));
    await expect(create({ CountryCode: 'US' }, { 'Sforce-Auto-Assign': 'rule-1' })).rejects.toMatchObject({ errorCode: 'MALFORMED_ID' });
  });

  it('reassigns on update too, when the update asks (or leaves the header out)', async () => {
    const id = await create({ CountryCode: 'US' }, { 'Sforce-Auto-Assign': 'FALSE' });
    await conn.sobject('Lead').update({ Id: id, CountryCode: 'DE' }, { headers: { 'Sforce-Auto-Assign': 'FALSE' } });
    expect(ownerOf(id)).toBe(sim.world.crm.integrationUserId);
    await conn.sobject('Lead').update({ Id: id, Title: 'CTO' });
    expect(ownerOf(id)).toBe(userId('clara.weiss@leadsim-corp.test'));
  });

  it('runs the rule for records created through composite and the collections API', async () => {
    const res = await fetch(`${sim.salesforce.instanceUrl}/services/data/v62.0/composite/sobjects`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.salesforce.accessToken}`, 'Content-Type': 'application/json', 'Sforce-Auto-Assign': 'TRUE' },
      body: JSON.stringify({ allOrNone: false, records: [{ attributes: { type: 'Lead' }, LastName: 'A', Company: 'B', CountryCode: 'AU' }] }),
    });
    const [saved] = (await res.json()) as { id: string }[];
    expect(ownerOf(saved!.id)).toBe(userId('emi.sato@leadsim-corp.test'));
  });

  it('runs the rule for a SOAP create only with an AssignmentRuleHeader (useDefaultRule or assignmentRuleId)', async () => {
    const soapCreate = async (header: string) => {
      const envelope = `<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Header xmlns="urn:partner.soap.sforce.com"><SessionHeader><sessionId>${sim.salesforce.accessToken}</sessionId></SessionHeader>${header}</soapenv:Header><soapenv:Body xmlns="urn:partner.soap.sforce.com"><create xmlns:ns1="sobject.partner.soap.sforce.com"><ns1:sObjects><type>Lead</type><LastName>Soap</LastName><Company>Acme</Company><CountryCode>CA</CountryCode></ns1:sObjects></create></soapenv:Body></soapenv:Envelope>`;
      const res = await fetch(`${sim.salesforce.instanceUrl}/services/Soap/u/62.0`, { method: 'POST', headers: { 'Content-Type': 'text/xml', SOAPAction: '""' }, body: envelope });
      const xml = await res.text();
      return /<id>([^<]+)<\/id>/.exec(xml)?.[1] ?? xml;
    };
    expect(ownerOf(await soapCreate(''))).toBe(sim.world.crm.integrationUserId);
    expect(ownerOf(await soapCreate('<AssignmentRuleHeader><useDefaultRule>true</useDefaultRule></AssignmentRuleHeader>'))).toBe(userId('avery.stone@leadsim-corp.test'));
    const [old] = (await conn.query<{ Id: string }>("SELECT Id FROM AssignmentRule WHERE Active = false")).records;
    expect(ownerOf(await soapCreate(`<AssignmentRuleHeader><assignmentRuleId>${old!.Id}</assignmentRuleId></AssignmentRuleHeader>`))).toBe(queueId('Inquiry Queue'));
    // jsforce's own SOAP create (no AssignmentRuleHeader) leaves the owner alone.
    const created = (await conn.soap.create({ type: 'Lead', LastName: 'Js', Company: 'Acme', CountryCode: 'US' } as never)) as unknown as { id: string; success: boolean };
    expect(created.success).toBe(true);
    expect(ownerOf(created.id)).toBe(sim.world.crm.integrationUserId);
  });
});

describe("Lead Settings' default lead owner", () => {
  it('gets the leads no entry matches, and the leads a TRUE header meets with no active rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadsim-default-owner-'));
    const rules = join(dir, 'Lead.assignmentRules-meta.xml');
    const source = readFileSync(join(FIXTURES, 'territories.assignmentRules-meta.xml'), 'utf8');
    writeFileSync(rules, source.replace(/ {8}<ruleEntry>\n {12}<assignedTo>Inquiry_Queue<\/assignedTo>\n {12}<assignedToType>Queue<\/assignedToType>\n {12}<notifyCcRecipients>[\s\S]*?<\/ruleEntry>\n/, ''));
    const local = setupSimulation({ seed: 3, org: { ...ORG, assignmentRules: rules, defaultLeadOwner: 'Partner Queue' } });
    try {
      const c = new jsforce.Connection({ instanceUrl: local.salesforce.instanceUrl, accessToken: local.salesforce.accessToken, version: '62.0' });
      const lead = async (fields: Record<string, unknown>) => ((await c.sobject('Lead').create({ LastName: 'N', Company: 'C', ...fields })) as { id: string }).id;
      const partnerQueue = [...local.world.crm.records('Group')].find((g) => g['Name'] === 'Partner Queue')!.Id;
      expect(local.world.crm.get('Lead', await lead({ CountryCode: 'ZA' }))?.['OwnerId']).toBe(partnerQueue);
      expect(local.world.crm.get('Lead', await lead({ CountryCode: 'US' }))?.['OwnerId']).not.toBe(partnerQueue);
      expect(local.world.crm.get('Lead', await lead({ CountryCode: 'ZA', Title: 'x' }))?.['OwnerId']).toBe(partnerQueue);
    } finally {
      local.close();
    }
  });
});
