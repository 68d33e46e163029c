import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentRuleToGraph } from '../../src/assignmentRules/assignmentRuleToGraph.ts';
import { graphToAssignmentRule } from '../../src/assignmentRules/graphToAssignmentRule.ts';
import { orgRuleDirectory } from '../../src/assignmentRules/orgRuleDirectory.ts';
import { parseAssignmentRules } from '../../src/assignmentRules/readAssignmentRules.ts';
import { replaceRules } from '../../src/assignmentRules/replaceRules.ts';
import { writeAssignmentRules } from '../../src/assignmentRules/writeAssignmentRules.ts';
import { orgSchemaExtension } from '../../src/org/orgSpec.ts';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { emptyRoundRobinState } from '../../src/routing/roundRobin.ts';
import { route } from '../../src/routing/route.ts';

/**
 * Every kind of criterion the Metadata API writes, in a rule made for the test (not a real file: the real ones are
 * in realFiles.test.ts): lookups by name, typed values (dates, numbers with separators and currency codes,
 * checkboxes), multi-select picklists, quoted values, entries without assignee, settings that ride along.
 */
const ORG = { ...loadOrgSpec(join(new URL('../fixtures/assignmentRules/', import.meta.url).pathname, 'org.json')), fields: { 'Lead.Decision_Date__c': { type: 'date' as const }, 'Lead.Net_Worth__c': { type: 'currency' as const } } };
const directory = orgRuleDirectory(ORG);
const options = { directory, org: orgSchemaExtension(ORG) };

const item = (field: string, operation: string, value?: string) => `<criteriaItems><field>${field}</field><operation>${operation}</operation>${value === undefined ? '' : `<value>${value}</value>`}</criteriaItems>`;
const entry = (to: string | undefined, body: string) => `<ruleEntry>${to === undefined ? '' : `<assignedTo>${to}</assignedTo><assignedToType>${to.includes('@') ? 'User' : 'Queue'}</assignedToType>`}${body}</ruleEntry>`;
const file = (entries: string[], prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}AssignmentRules xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://soap.sforce.com/2006/04/metadata"><${prefix}assignmentRule><${prefix}fullName>Kinds</${prefix}fullName><${prefix}active>true</${prefix}active>${entries.join('').replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`)}</${prefix}assignmentRule></${prefix}AssignmentRules>`;

const RULE = [
  entry('avery.stone@leadsim-corp.test', item('Lead.OwnerId', 'equals', 'inquiry queue') + '<template>unfiled$public/Owner</template>'),
  entry('blake.rivera@leadsim-corp.test', item('Lead.OwnerId', 'equals', 'Clara Weiss,Dario Conti') + '<notifyCcRecipients>true</notifyCcRecipients>'),
  entry('clara.weiss@leadsim-corp.test', item('Lead.Decision_Date__c', 'greaterOrEqual', '1/31/2024') + item('Lead.Net_Worth__c', 'lessThan', '&quot;USD 80,000&quot;')),
  entry('dario.conti@leadsim-corp.test', item('Lead.NumberOfEmployees', 'greaterThan', '&quot;1,000&quot;') + '<booleanFilter>1</booleanFilter>'),
  entry('emi.sato@leadsim-corp.test', item('Lead.Products_Of_Interest__c', 'includes', 'Analytics;Platform,Support')),
  entry(undefined, item('Lead.DoNotCall', 'equals', 'True') + '<overrideExistingTeams>false</overrideExistingTeams>'),
  entry('Partner_Queue', item('Lead.Company', 'equals', '&quot;Acme, Inc.&quot;,Globex') + item('User.Region__c', 'notEqual', 'APJ')),
  entry('Inquiry_Queue', ''),
];

function owner(graph: Graph, person: Record<string, unknown>, currentUser: Record<string, unknown> = { Region__c: 'AMER' }): string {
  const ids = Object.fromEntries([...directory.users, ...directory.queues].map((r) => [r.Name, r.Id]));
  const context = {
    trigger: 'new' as const,
    person: { OwnerId: ids['Integration User'], ...person, ...(typeof person['OwnerId'] === 'string' ? { OwnerId: ids[person['OwnerId']] } : {}) },
    users: directory.users.map((u) => ({ ...u, IsActive: true })),
    queues: [...directory.queues],
    currentUser,
  };
  const decision = route(graph, context, emptyRoundRobinState());
  return decision.ok ? decision.owner.name : `failed: ${decision.reason}`;
}

describe('criteria of every kind import as Salesforce reads them', () => {
  const graph = assignmentRuleToGraph(parseAssignmentRules(file(RULE), 'Lead.assignmentRules-meta.xml'), options).graph;

  it('reads lookups by the name of the user or queue they hold, ignoring case', () => {
    expect(graph.nodes['entry1']).toMatchObject({ test: { op: 'equals', field: 'person.Owner.Name', value: 'inquiry queue', ignoreCase: true } });
    expect(owner(graph, { OwnerId: 'Inquiry Queue' })).toBe('Avery Stone');
    expect(owner(graph, { OwnerId: 'Dario Conti' })).toBe('Blake Rivera');
  });

  it('reads dates, numbers with separators and currency codes, checkboxes and multi-select picklists by type', () => {
    expect(graph.nodes['entry3']).toMatchObject({ test: { op: 'and', tests: [{ op: 'greaterOrEqual', value: '2024-01-31' }, { op: 'lessThan', value: 80000 }] } });
    expect(owner(graph, { Decision_Date__c: '2024-02-01', Net_Worth__c: 5000 })).toBe('Clara Weiss');
    expect(owner(graph, { Decision_Date__c: '2024-01-30', Net_Worth__c: 5000, NumberOfEmployees: 1001 })).toBe('Dario Conti');
    expect(owner(graph, { Products_Of_Interest__c: 'Platform;Analytics;Training' })).toBe('Emi Sato');
    expect(owner(graph, { Products_Of_Interest__c: 'Analytics' })).not.toBe('Emi Sato');
    expect(owner(graph, { DoNotCall: true })).toBe('Integration User');
    expect(owner(graph, { Company: 'ACME, INC.' })).toBe('Partner Queue');
    expect(owner(graph, { Company: 'Acme, Inc.' }, { Region__c: 'APJ' })).toBe('Inquiry Queue');
  });

  it('exports back to the same text, settings and filter logic as written, an entry without assignee as one', () => {
    const exported = graphToAssignmentRule(graph);
    if (!exported.ok) throw new Error(JSON.stringify(exported.misfits));
    const text = writeAssignmentRules([exported.rule]);
    expect(text).toContain('<booleanFilter>1</booleanFilter>');
    expect(text).toContain('<value>1/31/2024</value>');
    expect(text).toContain('<field>Lead.OwnerId</field>');
    expect(text).toMatch(/<ruleEntry>\n {12}<criteriaItems>\n {16}<field>Lead\.DoNotCall<\/field>\n {16}<operation>equals<\/operation>\n {16}<value>True<\/value>\n {12}<\/criteriaItems>\n {12}<overrideExistingTeams>false<\/overrideExistingTeams>\n {8}<\/ruleEntry>/);
    const again = assignmentRuleToGraph(parseAssignmentRules(text, 'Lead.assignmentRules-meta.xml'), options).graph;
    expect({ ...again, description: '' }).toEqual({ ...graph, description: '' });
    const twice = graphToAssignmentRule(again);
    expect(twice.ok && writeAssignmentRules([twice.rule])).toBe(text);
  });

  it('reads a namespace prefix, and an id where the file names a record by id', () => {
    const queue = directory.queues.find((q) => q.Name === 'Inquiry Queue')!.Id;
    const prefixed = assignmentRuleToGraph(parseAssignmentRules(file([entry('Inquiry_Queue', item('Lead.OwnerId', 'equals', queue))], 'md:'), 'Lead.assignmentRules-meta.xml'), options).graph;
    expect(prefixed.nodes['entry1']).toMatchObject({ test: { op: 'equals', field: 'person.OwnerId', value: queue } });
  });

  it('refuses what it cannot run, naming the place: relative dates, a formula beside criteria, an unknown object', () => {
    const problems = (entries: string[]) => {
      try {
        assignmentRuleToGraph(parseAssignmentRules(file(entries), 'Lead.assignmentRules-meta.xml'), options);
        return [];
      } catch (error) {
        return (error as Error).message.split('\n').slice(1).filter((l) => l.startsWith('  '));
      }
    };
    expect([
      ...problems([entry('Inquiry_Queue', item('Lead.Decision_Date__c', 'greaterThan', 'LAST 90 DAYS'))]),
      ...problems([entry('Inquiry_Queue', item('Lead.City', 'equals', 'Oslo') + '<formula>ISPICKVAL(Status, "MQL")</formula>')]),
      ...problems([entry('Inquiry_Queue', item('Account.Industry', 'equals', 'Retail'))]),
    ]).toMatchInlineSnapshot(`
      [
        "  Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].value: rule "Kinds" entry 1: criterion 1: "LAST 90 DAYS" is not a date value for Lead.Decision_Date__c (expected a fixed date such as 1/31/2024: relative dates (TODAY, LAST 90 DAYS...) need date arithmetic a routing graph does not have, got "LAST 90 DAYS")",
        "  Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].formula: rule "Kinds" entry 1: has both a formula and criteriaItems (expected one or the other, as the Metadata API requires)",
        "  Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].formula: rule "Kinds" entry 1: uses a formula, which leadsim cannot run: "ISPICKVAL(Status, \\"MQL\\")" (expected criteriaItems (with booleanFilter), or the constant formula true or false; rewrite the entry with criteria to test it)",
        "  Lead.assignmentRules-meta.xml $.assignmentRule[0].ruleEntry[0].criteriaItems[0].field: rule "Kinds" entry 1: criterion 1: unknown object in field "Account.Industry" (expected Lead.<field>, User.<field> (the current user) or Campaign.<field>, got "Account.Industry")",
      ]
    `);
  });
});

describe('whole files: several rules, and a rule written into an existing file', () => {
  it('replaces the rule of the same name where it stands, keeps the others with their formulas, deactivates the old active rule', () => {
    const existing = parseAssignmentRules(
      '<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata"><assignmentRule><fullName>Old</fullName><active>true</active><ruleEntry><assignedTo>Inquiry_Queue</assignedTo><assignedToType>Queue</assignedToType><formula>ISPICKVAL(Status, "MQL")</formula></ruleEntry></assignmentRule><assignmentRule><fullName>Kinds</fullName><active>false</active></assignmentRule></AssignmentRules>',
      'Lead.assignmentRules-meta.xml',
    ).rules.assignmentRule;
    const exported = graphToAssignmentRule(assignmentRuleToGraph(parseAssignmentRules(file(RULE), 'Lead.assignmentRules-meta.xml'), options).graph);
    if (!exported.ok) throw new Error('misfit');
    const { rules, deactivated } = replaceRules(existing, [exported.rule]);
    expect(rules.map((r) => [r.fullName, r.active])).toEqual([['Old', false], ['Kinds', true]]);
    expect(deactivated).toEqual(['Old']);
    expect(writeAssignmentRules(rules)).toContain('<formula>ISPICKVAL(Status, &quot;MQL&quot;)</formula>');
  });
});
