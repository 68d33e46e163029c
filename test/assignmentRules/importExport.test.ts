import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { assignmentRuleToGraph } from '../../src/assignmentRules/assignmentRuleToGraph.ts';
import { parseFilterLogic, renderFilterLogic } from '../../src/assignmentRules/booleanFilter.ts';
import { joinCriteriaValues, splitCriteriaValues } from '../../src/assignmentRules/criteriaValues.ts';
import { graphToAssignmentRule } from '../../src/assignmentRules/graphToAssignmentRule.ts';
import { orgRuleDirectory } from '../../src/assignmentRules/orgRuleDirectory.ts';
import { parseAssignmentRules, readAssignmentRules } from '../../src/assignmentRules/readAssignmentRules.ts';
import { writeAssignmentRules } from '../../src/assignmentRules/writeAssignmentRules.ts';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';
import { diffGraphs, formatGraphDiff } from '../../src/routing/diffGraphs.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { lintGraph } from '../../src/routing/lintGraph.ts';
import { emptyRoundRobinState } from '../../src/routing/roundRobin.ts';
import { route } from '../../src/routing/route.ts';
import type { RoutingContext } from '../../src/routing/routingContext.ts';
import { runCli } from '../cli/runCli.ts';

const FIXTURES = new URL('../fixtures/assignmentRules/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);
const ORG = loadOrgSpec(fixture('org.json'));
const directory = orgRuleDirectory(ORG);
const SHAPES = ['territories.assignmentRules-meta.xml', 'segments.assignmentRules-meta.xml'];

function importFixture(name: string, rule?: string): Graph {
  return assignmentRuleToGraph(readAssignmentRules(fixture(name)), { directory, ...(rule ? { rule } : {}) }).graph;
}

/** Routes one lead (Lead fields) with a graph against the fixture org; returns the owner's name or the failure. */
function owner(graph: Graph, lead: Record<string, unknown>, currentUser?: Record<string, unknown>): string {
  const context: RoutingContext = {
    trigger: 'new',
    person: { OwnerId: '005000000000INT', ...lead },
    users: directory.users.map((u) => ({ ...u, IsActive: true })),
    queues: [...directory.queues],
    ...(currentUser ? { currentUser } : {}),
  };
  const decision = route(graph, context, emptyRoundRobinState());
  return decision.ok ? decision.owner.name : `failed: ${decision.reason}`;
}

describe('import: a rule as a routing graph', () => {
  it('imports the active rule of a territory file, entries in order, first match wins, the catch-all last', () => {
    const graph = importFixture('territories.assignmentRules-meta.xml');
    expect(lintGraph(graph).ok).toBe(true);
    expect(graph.assignmentRule).toEqual({ fullName: 'Territories', active: true });
    expect(Object.keys(graph.nodes)).toEqual(['entry1', 'entry1Assign', 'entry2', 'entry2Assign', 'entry3', 'entry3Assign', 'entry4', 'entry4Assign', 'entry5', 'done']);
    expect(owner(graph, { CountryCode: 'us' })).toBe('Avery Stone');
    expect(owner(graph, { Country: 'Netherlands, The' })).toBe('Clara Weiss');
    expect(owner(graph, { CountryCode: 'JP' })).toBe('Emi Sato');
    expect(owner(graph, { CountryCode: 'BR', Impartner_Partner_Account__c: '001000000000001', LeadSource: 'Partner Referral' })).toBe('Partner Queue');
    expect(owner(graph, { CountryCode: 'BR', Impartner_Partner_Account__c: '001000000000001', LeadSource: 'Web' })).toBe('Avery Stone');
    expect(owner(graph, { CountryCode: 'ZA' })).toBe('Inquiry Queue');
  });

  it('imports a named inactive rule beside the active one', () => {
    const graph = importFixture('territories.assignmentRules-meta.xml', 'Territories 2025');
    expect(graph.assignmentRule).toEqual({ fullName: 'Territories 2025', active: false });
    expect(owner(graph, { CountryCode: 'US' })).toBe('Inquiry Queue');
  });

  it('runs every documented operation and booleanFilter mixes as Salesforce reads them', () => {
    const graph = importFixture('segments.assignmentRules-meta.xml');
    expect(owner(graph, { NumberOfEmployees: 5000, Title: 'vp of Sales' })).toBe('Grace Lee');
    expect(owner(graph, { AnnualRevenue: 9e7, Email: 'a@corp.example' })).toBe('Grace Lee');
    expect(owner(graph, { AnnualRevenue: 9e7, Email: 'a@gmail.com', Status: 'Nurture' })).toBe('Inquiry Queue');
    expect(owner(graph, { Products_Of_Interest__c: 'Analytics;Platform', Company: 'ACME Inc' }, { Region__c: 'EMEA' })).toBe('Hugo Martin');
    expect(owner(graph, { Products_Of_Interest__c: 'Analytics;Platform', Company: 'ACME Inc' }, { Region__c: 'APJ' })).not.toBe('Hugo Martin');
    expect(owner(graph, { Products_Of_Interest__c: 'Platform', Company: 'Acme', NumberOfEmployees: 10, Email: 'x@leadsim-corp.test' }, { Region__c: 'EMEA' })).toBe('Dario Conti');
    expect(owner(graph, { Email: 'x@other.example', High_Priority__c: false, NumberOfEmployees: 500 }, { Region__c: 'EMEA' })).toBe('Inquiry Queue');
    expect(owner(graph, { Email: 'x@leadsim-corp.test', NumberOfEmployees: 10, Products_Of_Interest__c: 'Support' }, { Region__c: 'EMEA' })).toBe('005000000000INT');
  });

  it('keeps the settings that do not route (template, notifyCcRecipients) on the assign nodes', () => {
    const graph = importFixture('territories.assignmentRules-meta.xml');
    expect(graph.nodes['entry2Assign']).toMatchObject({ ruleEntry: { template: 'unfiled$public/LeadsNewassignmentnotificationSAMPLE' } });
    expect(graph.nodes['entry5']).toMatchObject({ target: { queue: 'Inquiry_Queue' }, ruleEntry: { notifyCcRecipients: 'false' } });
  });

  it('resolves assignees by username, id or name, and names every one the org lacks', () => {
    const rules = (assignedTo: string, type = 'User') =>
      parseAssignmentRules(
        `<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata"><assignmentRule><fullName>R</fullName><active>true</active><ruleEntry><assignedTo>${assignedTo}</assignedTo><assignedToType>${type}</assignedToType></ruleEntry></assignmentRule></AssignmentRules>`,
        'Lead.assignmentRules-meta.xml',
      );
    const grace = directory.users.find((u) => u.Name === 'Grace Lee')!;
    for (const name of ['Grace Lee', grace.Id, grace.Id.slice(0, 15), 'GRACE.LEE@leadsim-corp.test']) {
      expect(assignmentRuleToGraph(rules(name), { directory }).graph.nodes['entry1']).toMatchObject({ target: { user: 'grace.lee@leadsim-corp.test' } });
    }
    expect(assignmentRuleToGraph(rules('Partner Queue', 'Queue'), { directory }).graph.nodes['entry1']).toMatchObject({ target: { queue: 'Partner_Queue' } });
    expect(() => assignmentRuleToGraph(rules('nobody@corp.example'), { directory })).toThrowErrorMatchingInlineSnapshot(`
      [InputError: Failed to import assignment rules "Lead.assignmentRules-meta.xml": 1 problem found.
        Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].assignedTo: rule "R" entry 1: the org has no user "nobody@corp.example" (expected one of "integration@leadsim.test", "avery.stone@leadsim-corp.test", "blake.rivera@leadsim-corp.test", "clara.weiss@leadsim-corp.test", "dario.conti@leadsim-corp.test", "emi.sato@leadsim-corp.test", "farid.khan@leadsim-corp.test", "grace.lee@leadsim-corp.test", "hugo.martin@leadsim-corp.test", got "nobody@corp.example")
      Fix the rule (or pick another with --rule), then import again.
      The org spec lacks what the rule names; add to it (--org):
        "users": [..., {"key": "nobody", "FirstName": "", "LastName": "Nobody", "Email": "nobody@corp.example"}]
      or run again with --declare-missing FILE to write the org spec with them.]
    `);
    expect(() => assignmentRuleToGraph(rules('Sales_Queue', 'Queue'), { directory })).toThrow(/the org has no queue "Sales_Queue" \(expected one of "Partner_Queue", "Inquiry_Queue"/);
  });

  it('refuses a formula entry, naming it; the constant formula true matches every lead', () => {
    expect(() => importFixture('formula.assignmentRules-meta.xml')).toThrow(
      /formula.assignmentRules-meta.xml \$\.assignmentRule\[0\]\.ruleEntry\[0\]\.formula: rule "Formula rule" entry 1: uses a formula, which leadsim cannot run: "AND\(NOT\(ISBLANK/,
    );
    const text = readFileSync(fixture('formula.assignmentRules-meta.xml'), 'utf8').replace(/<ruleEntry>[\s\S]*?<\/ruleEntry>/, '');
    const graph = assignmentRuleToGraph(parseAssignmentRules(text, 'Lead.assignmentRules-meta.xml'), { directory }).graph;
    expect(owner(graph, {})).toBe('Inquiry Queue');
  });

  it('reports bad files with the place in the file: XML, shape, two active rules, fields, operations, filter logic', () => {
    const wrap = (entry: string, extra = '') =>
      `<?xml version="1.0" encoding="UTF-8"?><AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata"><assignmentRule><fullName>R</fullName><active>true</active><ruleEntry><assignedTo>Inquiry_Queue</assignedTo><assignedToType>Queue</assignedToType>${entry}</ruleEntry></assignmentRule>${extra}</AssignmentRules>`;
    const item = (field: string, operation: string, value?: string) => `<criteriaItems><field>${field}</field><operation>${operation}</operation>${value === undefined ? '' : `<value>${value}</value>`}</criteriaItems>`;
    const problem = (text: string) => {
      try {
        assignmentRuleToGraph(parseAssignmentRules(text, 'Lead.assignmentRules-meta.xml'), { directory });
        return 'no error';
      } catch (error) {
        return (error as Error).message.split('\n')[1]?.trim();
      }
    };
    expect([
      problem('<AssignmentRules><assignmentRule></AssignmentRules>'),
      problem('<Workflow/>'),
      problem(wrap('', '<assignmentRule><fullName>S</fullName><active>true</active></assignmentRule>')),
      problem(wrap(item('Lead.Country', 'like', 'US'))),
      problem(wrap(item('Lead.Shoe_Size__c', 'equals', '42'))),
      problem(wrap(item('Account.Name', 'equals', 'Acme'))),
      problem(wrap(item('Lead.NumberOfEmployees', 'greaterThan', 'many'))),
      problem(wrap(item('Lead.NumberOfEmployees', 'greaterThan', '1,2'))),
      problem(wrap(`<booleanFilter>1 AND 2 OR 3</booleanFilter>${item('Lead.Country', 'equals', 'a')}${item('Lead.Country', 'equals', 'b')}${item('Lead.Country', 'equals', 'c')}`)),
      problem(wrap(`<booleanFilter>1 AND 4</booleanFilter>${item('Lead.Country', 'equals', 'a')}${item('Lead.Country', 'equals', 'b')}`)),
      problem(wrap(`<booleanFilter>1</booleanFilter>${item('Lead.Country', 'equals', 'a')}${item('Lead.Country', 'equals', 'b')}`)),
      problem(wrap(`<booleanFilter>1 AN 2</booleanFilter>${item('Lead.Country', 'equals', 'a')}${item('Lead.Country', 'equals', 'b')}`)),
      problem(wrap(item('Lead.Status', 'equals', 'Hot'))),
    ]).toMatchInlineSnapshot(`
      [
        "Lead.assignmentRules-meta.xml $: not well-formed XML at line 1, column 34: Expected closing tag 'assignmentRule' (opened in line 1, col 18) instead of closing tag 'AssignmentRules'. (expected an XML document)",
        "Lead.assignmentRules-meta.xml $: the root element is <Workflow> (expected <AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">)",
        "Lead.assignmentRules-meta.xml $.assignmentRule[1].active: rules "R" and "S" are both active (expected at most one active rule per object, as Salesforce allows)",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].operation: Invalid option: expected one of "equals"|"notEqual"|"lessThan"|"greaterThan"|"lessOrEqual"|"greaterOrEqual"|"contains"|"notContain"|"startsWith"|"includes"|"excludes"|"within" (got "like")",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].field: rule "R" entry 1: criterion 1: the org has no field Lead.Shoe_Size__c (expected the org spec to declare it: "fields": {"Lead.Shoe_Size__c": {"type": "double"}}, got "Lead.Shoe_Size__c")",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].field: rule "R" entry 1: criterion 1: unknown object in field "Account.Name" (expected Lead.<field>, User.<field> (the current user) or Campaign.<field>, got "Account.Name")",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].value: rule "R" entry 1: criterion 1: "many" is not a int value for Lead.NumberOfEmployees (expected a whole number, got "many")",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].value: rule "R" entry 1: criterion 1: "greaterThan" takes one value (expected one value, got 2 values)",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].booleanFilter: rule "R" entry 1: booleanFilter "1 AND 2 OR 3": AND and OR mixed without parentheses at character 9: Salesforce requires parentheses around successive AND and OR expressions (expected filter logic such as 1 AND (2 OR 3))",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].booleanFilter: rule "R" entry 1: booleanFilter "1 AND 4": criterion 4 at character 7 does not exist (the entry has 2 criteria) (expected filter logic such as 1 AND (2 OR 3))",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].booleanFilter: rule "R" entry 1: booleanFilter "1": criteria 2 are defined but not referenced in the filter logic (expected filter logic such as 1 AND (2 OR 3))",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].booleanFilter: rule "R" entry 1: booleanFilter "1 AN 2": unknown word "AN" at character 3: use criterion numbers, AND, OR, NOT and parentheses (expected filter logic such as 1 AND (2 OR 3))",
        "Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].value: rule "R" entry 1: criterion 1: the org has no Lead.Status value "Hot" (expected the org spec to declare it: "picklistValues": {"Lead.Status": ["Hot"]}, got "Hot")",
      ]
    `);
  });

  it('leaves out entries no lead can reach, and says so', () => {
    const text = readFileSync(fixture('territories.assignmentRules-meta.xml'), 'utf8').replace('</assignmentRule>\n</AssignmentRules>', '<ruleEntry><assignedTo>Partner_Queue</assignedTo><assignedToType>Queue</assignedToType></ruleEntry></assignmentRule>\n</AssignmentRules>');
    const imported = assignmentRuleToGraph(parseAssignmentRules(text, 'Lead.assignmentRules-meta.xml'), { directory });
    expect(imported.warnings).toEqual(['rule "Territories" entry 6: left out: entry 5 before it matches every lead, so Salesforce never reaches it']);
    expect(lintGraph(imported.graph).ok).toBe(true);
  });
});

describe('criteria values and filter logic', () => {
  it('splits values as Salesforce reads them: commas separate, quotes keep commas, "" is a quote', () => {
    expect(splitCriteriaValues('US, USA ,"Washington, D.C.","say ""hi""",,')).toEqual(['US', 'USA', 'Washington, D.C.', 'say "hi"']);
    expect(splitCriteriaValues(undefined)).toEqual([]);
    for (const values of [['US'], ['a,b', 'c'], ['say "hi"', ' x']]) expect(splitCriteriaValues(joinCriteriaValues(values))).toEqual(values);
  });

  it('parses filter logic case-insensitively and renders it canonically', () => {
    const parsed = parseFilterLogic('1 or (2 and not 3)', 3);
    expect(parsed.ok && renderFilterLogic(parsed.logic)).toBe('1 OR (2 AND NOT 3)');
    expect(parseFilterLogic('((1))', 1).ok).toBe(true);
    expect(parseFilterLogic('(1 AND 2', 2)).toEqual({ ok: false, message: 'missing ")" at the end' });
  });
});

describe('export: a graph as a rule, and the round trip', () => {
  it.each(SHAPES)('import → export → import gives the same graph (%s)', (name) => {
    const graph = importFixture(name);
    const exported = graphToAssignmentRule(graph);
    if (!exported.ok) throw new Error(JSON.stringify(exported.misfits));
    const text = writeAssignmentRules([exported.rule]);
    const again = assignmentRuleToGraph(parseAssignmentRules(text, 'Lead.assignmentRules-meta.xml'), { directory }).graph;
    expect({ ...again, description: '' }).toEqual({ ...graph, description: '' });
  });

  it('writes a rule in canonical form back byte for byte', () => {
    const source = readFileSync(fixture('territories.assignmentRules-meta.xml'), 'utf8');
    const exported = graphToAssignmentRule(importFixture('territories.assignmentRules-meta.xml'));
    const activeOnly = source.replace(/ {4}<assignmentRule>\n {8}<fullName>Territories 2025<\/fullName>[\s\S]*?<\/assignmentRule>\n/, '');
    expect(exported.ok && writeAssignmentRules([exported.rule])).toBe(activeOnly);
  });

  it('names every node of the default graph that a rule cannot express', () => {
    const result = graphToAssignmentRule(JSON.parse(readFileSync(new URL('../../scenarios/graphs/default.json', import.meta.url), 'utf8')) as Graph);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byNode = new Map(result.misfits.map((m) => [m.node, m.reason]));
    expect(byNode.get('isRerun')).toMatch(/trigger: assignment rule criteria read Lead fields/);
    expect(byNode.get('shareToPrm')).toBeDefined();
    expect(byNode.get('assignSdrRoundRobin')).toBeDefined();
  });
});

describe('leadsim graph import | export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadsim-rules-cli-'));

  /** Runs the CLI in process; returns the exit code and what went to stdout and stderr. */
  async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    try {
      return { status: await main(args), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('imports with --org, exports back, and exits 2 with each problem', async () => {
    const out = join(dir, 'territories.json');
    const imported = await cli('graph', 'import', fixture('territories.assignmentRules-meta.xml'), '--org', fixture('org.json'), '--out', out);
    expect(imported.stdout).toContain('rule "Territories" (active), 5 entries');
    expect(imported.status).toBe(0);
    expect((await cli('graph', 'lint', out)).status).toBe(0);
    const exported = await cli('graph', 'export', '--to', 'assignment-rules', out);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('<fullName>Territories</fullName>');

    const missing = await cli('graph', 'import', fixture('territories.assignmentRules-meta.xml'), '--org', fixture('org.json'), '--rule', 'Nope', '--out', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no rule is named "Nope" (expected --rule NAME with one of "Territories 2025", "Territories")');
    expect(existsSync(join(dir, 'nope.json'))).toBe(false);
    const misfit = await cli('graph', 'export', '--to', 'assignment-rules', new URL('../../scenarios/graphs/default.json', import.meta.url).pathname);
    expect(misfit.status).toBe(2);
    expect(misfit.stderr).toMatch(/node "shareToPrm": share to the PRM/);
    expect(misfit.stdout).toBe('');
    writeFileSync(join(dir, 'bad.xml'), '<AssignmentRules><oops></AssignmentRules>');
    const bad = await cli('graph', 'import', join(dir, 'bad.xml'), '--out', join(dir, 'bad.json'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not well-formed XML at line 1');
    expect(bad.stderr).not.toContain('    at ');
  });

  it('runs as a separate process with the same exit code', () => {
    const result = runCli(['graph', 'export', '--to', 'assignment-rules', new URL('../../scenarios/graphs/default.json', import.meta.url).pathname]);
    expect(result.status).toBe(2);
  });
});

describe('graph diff of imported rules', () => {
  it('shows a changed criterion, a changed assignee and a changed email template, entry by entry', () => {
    const before = importFixture('territories.assignmentRules-meta.xml');
    const source = readFileSync(fixture('territories.assignmentRules-meta.xml'), 'utf8')
      .replace('US,CA,MX,BR', 'US,CA')
      .replace('<assignedTo>emi.sato@leadsim-corp.test</assignedTo>', '<assignedTo>farid.khan@leadsim-corp.test</assignedTo>')
      .replace('<template>unfiled$public/LeadsNewassignmentnotificationSAMPLE</template>', '<template>unfiled$public/AmerWelcome</template>');
    const after = assignmentRuleToGraph(parseAssignmentRules(source, 'Lead.assignmentRules-meta.xml'), { directory }).graph;
    expect(formatGraphDiff(diffGraphs(before, after)).filter((line) => !line.startsWith('~ description'))).toMatchInlineSnapshot(`
      [
        "~ entry2: condition changed: person.CountryCode in ["US", "CA", "MX", "BR"] (any case) → person.CountryCode in ["US", "CA"] (any case)",
        "~ entry2Assign: assignment changed: user "avery.stone@leadsim-corp.test" (template: "unfiled$public/LeadsNewassignmentnotificationSAMPLE") → user "avery.stone@leadsim-corp.test" (template: "unfiled$public/AmerWelcome")",
        "~ entry4Assign: assignment changed: user "emi.sato@leadsim-corp.test" → user "farid.khan@leadsim-corp.test"",
      ]
    `);
  });
});
