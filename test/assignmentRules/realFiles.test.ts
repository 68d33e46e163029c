import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import jsforce, { type Connection } from 'jsforce';
import { afterEach, describe, expect, it } from 'vitest';
import { setupSimulation, type SimulationServer } from '../../mocks/setupSimulation.ts';
import { assignmentRuleToGraph } from '../../src/assignmentRules/assignmentRuleToGraph.ts';
import { declareOrgAdditions } from '../../src/assignmentRules/declareOrgAdditions.ts';
import { graphToAssignmentRule, type ExportedRule } from '../../src/assignmentRules/graphToAssignmentRule.ts';
import { orgRuleDirectory } from '../../src/assignmentRules/orgRuleDirectory.ts';
import { readAssignmentRules } from '../../src/assignmentRules/readAssignmentRules.ts';
import { writeAssignmentRules } from '../../src/assignmentRules/writeAssignmentRules.ts';
import { OrgSpecSchema, orgSchemaExtension, type OrgSpec } from '../../src/org/orgSpec.ts';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';
import { lintGraph } from '../../src/routing/lintGraph.ts';

/**
 * Lead assignment rules files from public SFDX and Metadata API repositories (test/fixtures/assignmentRules/real/,
 * one folder per repository, the source named in each file's first comment), each with the org spec its org needs
 * (`org.json`, written with `graph import --declare-missing` and checked by hand). People's names and usernames in
 * them are replaced with made-up ones (`.example` domains), so no real person's address is kept here; the rules are
 * otherwise as published. They import, lint, export back as they were, and run in the simulated CRM when a lead is
 * written with `Sforce-Auto-Assign`.
 */
const REAL = new URL('../fixtures/assignmentRules/real/', import.meta.url).pathname;
const folders = readdirSync(REAL).sort();
const ruleFile = (folder: string) => join(REAL, folder, readdirSync(join(REAL, folder)).find((f) => f.includes('.assignmentRules'))!);
const IMPORTABLE = folders.filter((f) => readdirSync(join(REAL, f)).includes('org.json'));

/** The file as kept here: without the source comment leadsim's copy adds, ending in a newline. */
function published(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/^(<\?xml[^>]*\?>\n)<!--[^\n]*-->\n/, '$1');
  return text.endsWith('\n') ? text : `${text}\n`;
}

function importAll(folder: string, org: OrgSpec) {
  const source = readAssignmentRules(ruleFile(folder));
  const options = { directory: orgRuleDirectory(org), org: orgSchemaExtension(org) };
  return source.rules.assignmentRule.map((rule) => assignmentRuleToGraph(source, { ...options, rule: rule.fullName }));
}

describe('real assignment rules files import, lint and round-trip', () => {
  it('has the files of at least ten repositories, each naming its source', () => {
    expect(IMPORTABLE.length).toBeGreaterThanOrEqual(12);
    for (const folder of folders) expect(readFileSync(ruleFile(folder), 'utf8').split('\n')[1]).toMatch(/^<!-- Real file, kept as test data: https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
  });

  it.each(IMPORTABLE)('%s: every rule imports against its org and lints; export writes the file back as it was', (folder) => {
    const imported = importAll(folder, loadOrgSpec(join(REAL, folder, 'org.json')));
    const rules: ExportedRule[] = [];
    for (const { graph, warnings } of imported) {
      expect(warnings).toEqual([]);
      expect(lintGraph(JSON.parse(JSON.stringify(graph))).ok).toBe(true);
      const exported = graphToAssignmentRule(graph);
      if (!exported.ok) throw new Error(JSON.stringify(exported.misfits));
      rules.push(exported.rule);
    }
    expect(writeAssignmentRules(rules)).toBe(published(ruleFile(folder)));
  });

  it.each(IMPORTABLE)('%s: --declare-missing from an empty org writes an org spec the file imports against', (folder) => {
    const source = readAssignmentRules(ruleFile(folder));
    const declared = declareOrgAdditions(source, { users: [] }, 'empty org', source.rules.assignmentRule.map((r) => r.fullName));
    const org = OrgSpecSchema.parse(declared.org);
    expect(() => importAll(folder, org)).not.toThrow();
  });

  it('names what the org lacks, with the org spec snippet that declares it', () => {
    const file = relative(process.cwd(), ruleFile('Buena-Dev__ASA'));
    expect(() => assignmentRuleToGraph(readAssignmentRules(file), { rule: 'Strategic %26 Biz Dev assignment rule' })).toThrowErrorMatchingInlineSnapshot(`
      [InputError: Failed to import assignment rules "test/fixtures/assignmentRules/real/Buena-Dev__ASA/Lead.assignmentRules": 5 problems found.
        test/fixtures/assignmentRules/real/Buena-Dev__ASA/Lead.assignmentRules $.assignmentRule[1].ruleEntry[0].criteriaItems[0].value: rule "Strategic %26 Biz Dev assignment rule" entry 1: criterion 1: the org has no Lead record type "Strategic Partnership" (expected the org spec to declare it: "recordTypes": {"Lead": ["Strategic Partnership"]}, got "Strategic Partnership")
        test/fixtures/assignmentRules/real/Buena-Dev__ASA/Lead.assignmentRules $.assignmentRule[1].ruleEntry[0].criteriaItems[1].field: rule "Strategic %26 Biz Dev assignment rule" entry 1: criterion 2: the org has no field Lead.Channel__c (expected the org spec to declare it: "fields": {"Lead.Channel__c": {"type": "picklist", "values": ["CU"]}}, got "Lead.Channel__c")
        test/fixtures/assignmentRules/real/Buena-Dev__ASA/Lead.assignmentRules $.assignmentRule[1].ruleEntry[1].criteriaItems[0].value: rule "Strategic %26 Biz Dev assignment rule" entry 2: criterion 1: the org has no Lead record type "Business Development" (expected the org spec to declare it: "recordTypes": {"Lead": ["Business Development"]}, got "Business Development")
        test/fixtures/assignmentRules/real/Buena-Dev__ASA/Lead.assignmentRules $.assignmentRule[1].ruleEntry[1].criteriaItems[2].value: rule "Strategic %26 Biz Dev assignment rule" entry 2: criterion 3: the org has no Lead.Status value "Open" (expected the org spec to declare it: "picklistValues": {"Lead.Status": ["Open"]}, got "Open")
        test/fixtures/assignmentRules/real/Buena-Dev__ASA/Lead.assignmentRules $.assignmentRule[1].ruleEntry[2].criteriaItems[0].value: rule "Strategic %26 Biz Dev assignment rule" entry 3: criterion 1: the org has no Lead record type "Business Development" (expected the org spec to declare it: "recordTypes": {"Lead": ["Business Development"]}, got "Business Development")
      Fix the rule (or pick another with --rule), then import again.
      The org spec lacks what the rule names; add to it (--org):
        "fields": {"Lead.Channel__c": {"type": "picklist", "values": ["CU"]}}
        "picklistValues": {"Lead.Status": ["Open"], "Lead.LeadSource": ["MQL"]}
        "recordTypes": {"Lead": ["Strategic Partnership", "Business Development"]}
      or run again with --declare-missing FILE to write the org spec with them.]
    `);
  });

  it('refuses Case rules and Einstein scores clearly, naming the file and the place', () => {
    expect(() => assignmentRuleToGraph(readAssignmentRules(ruleFile('Crown-Commercial-Service__ccs-salesforce-brightgen')))).toThrow(
      /Case\.assignmentRules-meta\.xml \$: these are Case assignment rules, and leadsim runs Lead assignment rules only/,
    );
    const renamed = { ...readAssignmentRules(ruleFile('Crown-Commercial-Service__ccs-salesforce-brightgen')), object: 'Lead' };
    expect(() => assignmentRuleToGraph(renamed)).toThrow(/these are Case assignment rules \(criteria on Case\.Origin\)/);
    expect(() => assignmentRuleToGraph(readAssignmentRules(ruleFile('CloudKaptan-Consultancy-Services__ind--mainRepo--coe')), { org: { fields: { 'Lead.Net_Worth__c': { type: 'currency' } } } })).toThrow(
      /ruleEntry\[0\]\.criteriaItems\[0\]\.field: rule "Vc Fund Lead Assign Rule" entry 1: criterion 1: "ScoreIntelligence\.Score" is an Einstein Lead Scoring score/,
    );
  });
});

describe('real assignment rules run in the simulated CRM', () => {
  let sim: SimulationServer | undefined;
  afterEach(() => sim?.close());

  function start(folder: string): { conn: Connection; sim: SimulationServer } {
    sim = setupSimulation({ seed: 5, org: loadOrgSpec(join(REAL, folder, 'org.json')) });
    return { sim, conn: connect(sim, sim.salesforce.accessToken) };
  }
  const connect = (s: SimulationServer, accessToken: string) => new jsforce.Connection({ instanceUrl: s.salesforce.instanceUrl, accessToken, version: s.salesforce.version });
  /** Creates a lead through REST with `Sforce-Auto-Assign: TRUE` (or the rule id given); returns its owner's name. */
  async function ownerAfterCreate(conn: Connection, s: SimulationServer, fields: Record<string, unknown>, rule = 'TRUE'): Promise<string> {
    const result = (await conn.sobject('Lead').create({ LastName: 'Real', Company: 'Acme', ...fields }, { headers: { 'Sforce-Auto-Assign': rule } })) as { id: string; success: boolean };
    expect(result.success).toBe(true);
    return ownerName(s, result.id);
  }
  const ownerName = (s: SimulationServer, id: string) => {
    const owner = String(s.world.crm.get('Lead', id)?.['OwnerId']);
    return String(s.world.crm.byId(owner)?.record['Name']);
  };
  const ruleId = async (conn: Connection, name: string) => (await conn.query<{ Id: string }>(`SELECT Id FROM AssignmentRule WHERE Name = '${name}'`)).records[0]!.Id;

  it('Damco-Solutions/ASTM_FullSandbox: territories by country code lists, products and lead sources, the org\'s own Status values', async () => {
    const { conn, sim: s } = start('Damco-Solutions__ASTM_FullSandbox');
    expect(await ownerAfterCreate(conn, s, { Product_type__c: 'PTP E-Book', CountryCode: 'US' })).toBe('Afoster');
    expect(await ownerAfterCreate(conn, s, { Lead_Source__c: 'TPT eBook Brazil' })).toBe('Ddunmore');
    expect(await ownerAfterCreate(conn, s, { CountryCode: 'us', Status: 'Open - Not Contacted' })).toBe('Mrowe');
    expect(await ownerAfterCreate(conn, s, { CountryCode: 'DE' })).toBe('Akerr');
    expect(await ownerAfterCreate(conn, s, { CountryCode: 'JP' })).toBe('Cellis');
    expect(await ownerAfterCreate(conn, s, { CountryCode: 'ZA' })).toBe('Mivey');
    expect(await ownerAfterCreate(conn, s, { CountryCode: 'AQ' })).toBe('Cellis');
    expect(await ownerAfterCreate(conn, s, { CountryCode: 'XK' })).toBe('Integration User');
    const status = (await conn.describe('Lead')).fields.find((f) => f.name === 'Status');
    expect(status?.picklistValues?.map((v) => v.value)).toContain('Working - Contacted');
  });

  it('Avanza-Seguros/salesforce: the active rule runs by default, the inactive one by its id', async () => {
    const { conn, sim: s } = start('Avanza-Seguros__salesforce');
    expect(await ownerAfterCreate(conn, s, { LastName: 'Perez [no proporcionado]' })).toBe('Gabriel Soto');
    expect(await ownerAfterCreate(conn, s, { LastName: 'Perez', Mercado__c: 'Siniestro Enfermedad' })).toBe('Integration User');
    expect(await ownerAfterCreate(conn, s, { Mercado__c: 'Siniestro Enfermedad' }, await ruleId(conn, 'Asignasion Siniestros'))).toBe('Cotizaciones');
  });

  it('ArlanisSOU/edenred-fullcopy: a queue for merchant leads, company size with postal code prefixes in (1 AND 2) OR (3 AND 4)', async () => {
    const { conn, sim: s } = start('ArlanisSOU__edenred-fullcopy');
    expect(await ownerAfterCreate(conn, s, { LeadSource: 'Wunscheinlösestellen Form', Lead_Type__c: 'Merchant' })).toBe('Affiliates Leads Cora Rita Dario');
    expect(await ownerAfterCreate(conn, s, { Company_Size__c: '1000+' })).toBe('Christian Maier');
    expect(await ownerAfterCreate(conn, s, { Company_Size__c: '250-999', PostalCode: '6900' })).toBe('Anna Berger');
    expect(await ownerAfterCreate(conn, s, { Company_Size__c: '1-49', PostalCode: '1030' })).toBe('Clara Eder');
    expect(await ownerAfterCreate(conn, s, { Company_Size__c: '50-249', PostalCode: '9020' })).toBe('Moritz Graf');
  });

  it('AutoRABIT-POC/Valspar (.assignmentRules): an entry without assignee keeps the owner; a blank value means "is blank"', async () => {
    const { conn, sim: s } = start('AutoRABIT-POC__Valspar');
    expect(await ownerAfterCreate(conn, s, { Business_Unit__c: 'Coatings', LeadSource: 'Web', Global_Region__c: 'Asia' })).toBe('Integration User');
    expect(s.world.crm.assignmentRules.log().at(-1)).toMatchObject({ path: 'entry1(yes) → entry1Assign → done' });
    expect(await ownerAfterCreate(conn, s, { Business_Unit__c: 'Packaging', LeadSource: 'Web', Global_Region__c: 'North America' })).toBe('Kcarter');
    expect(await ownerAfterCreate(conn, s, { Business_Unit__c: 'Packaging', LeadSource: 'Other', Global_Region__c: 'APAC' })).toBe('Wei Tan');
    expect(await ownerAfterCreate(conn, s, { Business_Unit__c: 'Packaging', LeadSource: 'Web' })).toBe('Pdrake');
  });

  it('Integration-User/Salesforce (.assignmentRules): Lead.CreatedById compared by the creating user\'s name', async () => {
    const { conn, sim: s } = start('Integration-User__Salesforce');
    expect(await ownerAfterCreate(conn, s, { Marketing_Identified_Country_lead__c: 'United States' })).toBe('US SDR Inbound');
    expect(await ownerAfterCreate(conn, s, {})).toBe('US SDR Inbound');
    expect(await ownerAfterCreate(conn, s, { Marketing_Identified_Country_lead__c: 'Germany' })).toBe('EU SDR Inbound');
    const rep = s.world.crm.create('User', { FirstName: 'Rae', LastName: 'Rep', Email: 'rae@example.com', Username: 'rae@example.com' }, { userId: s.world.crm.integrationUserId });
    if (!rep.ok) throw new Error('seed');
    expect(await ownerAfterCreate(connect(s, s.world.crm.sessions.issueToken(rep.value.id)), s, { Marketing_Identified_Country_lead__c: 'Germany' })).toBe('Rae Rep');
  });

  it('CONAMRA/Trigger-ClassOptimization--Conam2dev (.assignmentRules): the lead\'s campaign, the connection user, entries without assignee', async () => {
    const { conn, sim: s } = start('CONAMRA__Trigger-ClassOptimization--Conam2dev');
    const crm = s.world.crm;
    const connectionUser = [...crm.records('User')].find((u) => u['Name'] === 'Connection User')!.Id;
    expect(await ownerAfterCreate(connect(s, crm.sessions.issueToken(connectionUser)), s, {})).toBe('Rockconnections');
    expect(await ownerAfterCreate(conn, s, { New_Partner_Contact__c: true, ProMED_Lead__c: true })).toBe('Integration User');
    expect(await ownerAfterCreate(conn, s, { LeadSource: 'Customer Journey Web to Lead' })).toBe('Web to Lead');
    const ctx = { userId: crm.integrationUserId };
    const campaign = crm.create('Campaign', { Name: 'NSBA' }, ctx);
    const lead = (await conn.sobject('Lead').create({ LastName: 'Camp', Company: 'Acme' }, { headers: { 'Sforce-Auto-Assign': 'FALSE' } })) as { id: string };
    if (!campaign.ok || !crm.create('CampaignMember', { CampaignId: campaign.value.id, LeadId: lead.id }, ctx).ok) throw new Error('seed');
    await conn.sobject('Lead').update({ Id: lead.id, Title: 'CFO' }, { headers: { 'Sforce-Auto-Assign': 'TRUE' } });
    expect(ownerName(s, lead.id)).toBe('NSBA');
  });

  it('Buena-Dev/ASA (.assignmentRules): record types by name, the org\'s Status values, a fullName with %26', async () => {
    const { conn, sim: s } = start('Buena-Dev__ASA');
    const recordType = async (name: string) => (await conn.query<{ Id: string }>(`SELECT Id FROM RecordType WHERE SobjectType = 'Lead' AND Name = '${name}'`)).records[0]!.Id;
    expect(await ownerAfterCreate(conn, s, { Intake_Location__c: 'TS Boston', RecordTypeId: await recordType('CPS - TS') })).toBe('TS Boston');
    expect(await ownerAfterCreate(conn, s, { Intake_Location__c: 'TS Boston', RecordTypeId: await recordType('CPS - EOC') })).toBe('Integration User');
    const strategic = await ruleId(conn, 'Strategic %26 Biz Dev assignment rule');
    expect(await ownerAfterCreate(conn, s, { RecordTypeId: await recordType('Business Development'), Status: 'Open', LeadSource: 'MQL', Email: 'a@corp.example' }, strategic)).toBe('Strategic Sales');
    expect(await ownerAfterCreate(conn, s, { RecordTypeId: await recordType('Business Development'), Email: 'a@school.edu' }, strategic)).toBe('Mktg Queue');
    expect(await ownerAfterCreate(conn, s, {}, strategic)).toBe('Shared State Queue');
  });

  it('Ahmed-Elawad/sf-fsc: a managed package\'s multi-select picklist compared with equals (the whole selection)', async () => {
    const { conn, sim: s } = start('Ahmed-Elawad__sf-fsc');
    const rule = await ruleId(conn, 'Assign Referrals');
    expect(await ownerAfterCreate(conn, s, { FinServ__ExpressedInterest__c: 'Investments' }, rule)).toBe('Investment');
    expect(await ownerAfterCreate(conn, s, { FinServ__ExpressedInterest__c: 'Education' }, rule)).toBe('Banking');
    expect(await ownerAfterCreate(conn, s, { FinServ__ExpressedInterest__c: 'Education;Investments' }, rule)).toBe('Integration User');
  });

  it('the Salesforce default rule shape (Standard, Tech Leads, an import source with an accent) routes as written', async () => {
    let started = start('Cube84-Consulting-Services-Pvt-ltd__BibleFullCPSB');
    expect(await ownerAfterCreate(started.conn, started.sim, { Country: 'usa' })).toBe('Devuser+sf');
    started.sim.close();
    started = start('BeachsideConsultingLLC__salesforce_reviews');
    expect(await ownerAfterCreate(started.conn, started.sim, { Industry: 'Energy' })).toBe('Peter Walsh');
    expect(await ownerAfterCreate(started.conn, started.sim, { Industry: 'Retail' })).toBe('Integration User');
    started.sim.close();
    started = start('AlainHofstetter__nextgen');
    expect(await ownerAfterCreate(started.conn, started.sim, { ZImportSource__c: 'rené amsler' })).toBe('Stefan Bauer1');
  });

  it('writes an org spec with --declare-missing and imports with it, from the CLI', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const dir = mkdtempSync(join(tmpdir(), 'leadsim-real-'));
    const writes: string[] = [];
    const out = (chunk: string | Uint8Array) => (writes.push(String(chunk)), true);
    const { vi } = await import('vitest');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(out);
    try {
      expect(await main(['graph', 'import', ruleFile('Buena-Dev__ASA'), '--all', '--declare-missing', join(dir, 'org.json'), '--out', join(dir, 'graphs')])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8'))).toMatchObject({ recordTypes: { Lead: ['CPS - EOC', 'CPS - TS', 'CPS - UB', 'Strategic Partnership', 'Business Development'] }, picklistValues: { 'Lead.Status': ['Open'] } });
    expect(readdirSync(join(dir, 'graphs'))).toEqual(['01-CPS-Lead-Assignment.json', '02-Strategic-26-Biz-Dev-assignment-rule.json']);
  });
});
