import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupSimulation, type SimulationServer } from '../../mocks/setupSimulation.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { OrgSpecSchema, type OrgSpecInput } from '../../src/org/orgSpec.ts';
import { Rng } from '../../src/core/random.ts';
import { CRM_SCHEMA } from '../../src/systems/crm/schema.ts';
import { Crm } from '../../src/systems/crm/crm.ts';
import { SimClock } from '../../src/core/clock.ts';

/** An org with its own fields, picklist values and record types, as real orgs have them. */
const ORG: OrgSpecInput = {
  users: [{ key: 'ana', FirstName: 'Ana', LastName: 'Ruiz', Email: 'ana@corp.example', Username: 'ana.ruiz@corp.example.sandbox', Region__c: 'EMEA', Role__c: 'SDR' }],
  fields: {
    'Lead.Territory__c': { type: 'picklist', values: ['East', 'West'], restricted: true },
    'Lead.Net_Worth__c': { type: 'currency' },
    'Lead.Interests__c': { type: 'multipicklist', values: ['A', 'B', 'C'] },
    'Lead.External_Key__c': { type: 'string', length: 40, externalId: true },
    'Lead.Partner_Rep__c': { type: 'reference', referenceTo: ['User'] },
    'User.Division__c': { type: 'string' },
  },
  picklistValues: { 'Lead.Status': ['Open - Not Contacted', 'Working - Contacted'], 'Lead.LeadSource': ['Trade Show'] },
  recordTypes: { Lead: ['Direct', 'Partner'] },
};

let sim: SimulationServer;
let conn: Connection;

beforeAll(() => {
  sim = setupSimulation({ seed: 2, org: OrgSpecSchema.parse(ORG) });
  conn = new jsforce.Connection({ instanceUrl: sim.salesforce.instanceUrl, accessToken: sim.salesforce.accessToken, version: sim.salesforce.version });
});
afterAll(() => sim.close());

const create = (fields: Record<string, unknown>) => conn.sobject('Lead').create({ LastName: 'Ng', Company: 'Acme', ...fields }, { headers: { 'Sforce-Auto-Assign': 'FALSE' } }) as Promise<{ id: string; success: boolean }>;

describe("an org spec's own fields, picklist values and record types are the CRM's", () => {
  it('writes take the declared fields and values, and refuse what the org does not have', async () => {
    const ok = await create({ Territory__c: 'East', Net_Worth__c: 80000, Interests__c: 'A;C', Status: 'Open - Not Contacted', LeadSource: 'Trade Show', External_Key__c: 'K-1' });
    expect(ok.success).toBe(true);
    expect(sim.world.crm.get('Lead', ok.id, ['Territory__c', 'Net_Worth__c', 'Status'])).toMatchObject({ Territory__c: 'East', Net_Worth__c: 80000, Status: 'Open - Not Contacted' });
    await expect(create({ Territory__c: 'North' })).rejects.toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    await expect(create({ Status: 'Hot' })).rejects.toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    await expect(create({ Net_Worth__c: 'lots' })).rejects.toMatchObject({ errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD' });
    await expect(create({ Shoe_Size__c: 42 })).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
  });

  it('describe lists them (currency as double), the extra values, and the record types', async () => {
    const lead = await conn.describe('Lead');
    const field = (name: string) => lead.fields.find((f) => f.name === name);
    expect(field('Territory__c')).toMatchObject({ type: 'picklist', custom: true, restrictedPicklist: true });
    expect(field('Net_Worth__c')).toMatchObject({ type: 'double' });
    expect(field('Partner_Rep__c')).toMatchObject({ type: 'reference', referenceTo: ['User'], relationshipName: 'Partner_Rep__r' });
    expect(field('Status')?.picklistValues?.map((v) => v.value)).toEqual([...(CRM_SCHEMA.Lead['Status']?.values ?? []), 'Open - Not Contacted', 'Working - Contacted']);
    expect(lead.recordTypeInfos.map((r: { name: string }) => r.name)).toEqual(['Direct', 'Partner', 'Master']);
  });

  it('SOQL and SOSL read them: filters, order, relationships, record types', async () => {
    const ana = [...sim.world.crm.records('User')].find((u) => u['Username'] === 'ana.ruiz@corp.example.sandbox')!.Id;
    const direct = (await conn.query<{ Id: string }>("SELECT Id FROM RecordType WHERE SobjectType = 'Lead' AND Name = 'Direct'")).records[0]!.Id;
    const made = await create({ LastName: 'Okafor', Territory__c: 'West', Net_Worth__c: 120000, Partner_Rep__c: ana, RecordTypeId: direct });
    const rows = (await conn.query<Record<string, unknown>>('SELECT Id, Territory__c, Partner_Rep__r.Name, RecordType.Name FROM Lead WHERE Net_Worth__c > 100000 ORDER BY Territory__c')).records;
    expect(rows).toMatchObject([{ Id: made.id, Territory__c: 'West', Partner_Rep__r: { Name: 'Ana Ruiz' }, RecordType: { Name: 'Direct' } }]);
    const found = await conn.search('FIND {Okafor} IN NAME FIELDS RETURNING Lead(Id, Territory__c)');
    expect(found.searchRecords).toMatchObject([{ Id: made.id, Territory__c: 'West' }]);
  });

  it('a record type of another object, or an External ID the org declares, work as in Salesforce', async () => {
    const other = sim.world.crm.create('Lead', { LastName: 'X', Company: 'Y', RecordTypeId: '012000000000000AAA' }, { userId: sim.world.crm.integrationUserId });
    expect(other.ok).toBe(false);
    const upserted = await conn.sobject('Lead').upsert({ External_Key__c: 'K-9', LastName: 'Upsert', Company: 'Acme' }, 'External_Key__c');
    expect(upserted).toMatchObject({ success: true });
  });

  it('an org without declarations, as leadsim init and generated orgs are, keeps leadsim\'s schema object itself', () => {
    const generated = generateOrg(new Rng(1));
    expect(generated).not.toHaveProperty('fields');
    const crm = new Crm({ clock: new SimClock(), schemaExtension: {} });
    expect(crm.schema).toBe(CRM_SCHEMA);
  });

  it('refuses declarations that clash with leadsim\'s schema, naming each', () => {
    const result = OrgSpecSchema.safeParse({
      users: [],
      fields: { 'Lead.Status': { type: 'string' }, 'Lead.Tier__c': { type: 'picklist' }, 'Case.Origin__c': { type: 'string' }, 'Lead.Score__c': { type: 'int', values: ['1'] } },
      picklistValues: { 'Lead.Email': ['x'], 'Lead.Nope__c': ['y'] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "fields.Lead.Tier__c.values: a picklist field needs its values",
        "fields.Lead.Score__c.values: only picklists have values, and this field is int",
        "fields.Lead.Status: Lead.Status is already a field of leadsim's CRM (picklist); add values with "picklistValues": {"Lead.Status": [...]}",
        "fields.Case.Origin__c: "Case.Origin__c" is not a field name: expected "<Object>.<Field API name>", with Object one of Lead, Contact, Account, Campaign, CampaignMember, User",
        "picklistValues.Lead.Email: Lead.Email is not a picklist (its type is email)",
        "picklistValues.Lead.Nope__c: Lead.Nope__c is not a field of leadsim's CRM; declare it under "fields" with its values",
      ]
    `);
  });
});
