import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../src/routing/evaluateTest.ts';
import type { Graph, Test } from '../../src/routing/graphSchema.ts';
import { formatLintIssues, lintGraph } from '../../src/routing/lintGraph.ts';
import { renderTest } from '../../src/routing/renderGraphText.ts';
import type { RoutingContext } from '../../src/routing/routingContext.ts';
import { QUEUES, USERS } from './routingFixtures.ts';

const settings = { partnerEngagementStatuses: [] };

function context(person: Record<string, unknown>, currentUser?: Record<string, unknown>): RoutingContext {
  return { trigger: 'new', person, users: USERS, queues: QUEUES, ...(currentUser ? { currentUser } : {}) };
}

function holds(test: Test, person: Record<string, unknown>): boolean {
  const outcome = evaluateTest(test, context(person), settings);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.value;
}

describe('the filter operations of Salesforce criteria', () => {
  it('notIn passes a blank field and fails any listed value, ignoring case when asked', () => {
    const test: Test = { op: 'notIn', field: 'person.Country', values: ['US', 'USA'], ignoreCase: true };
    expect(holds(test, { Country: 'Germany' })).toBe(true);
    expect(holds(test, { Country: null })).toBe(true);
    expect(holds(test, { Country: 'usa' })).toBe(false);
    expect(holds({ ...test, ignoreCase: false }, { Country: 'usa' })).toBe(true);
  });

  it('equals and in compare exactly unless ignoreCase is set', () => {
    expect(holds({ op: 'equals', field: 'person.Country', value: 'US' }, { Country: 'us' })).toBe(false);
    expect(holds({ op: 'equals', field: 'person.Country', value: 'US', ignoreCase: true }, { Country: 'us' })).toBe(true);
    expect(holds({ op: 'in', field: 'person.Country', values: ['DE', 'FR'], ignoreCase: true }, { Country: 'fr' })).toBe(true);
  });

  it('orders numbers as numbers and text as text; a blank field never compares', () => {
    const big: Test = { op: 'greaterOrEqual', field: 'person.NumberOfEmployees', value: 1000 };
    expect(holds(big, { NumberOfEmployees: 1000 })).toBe(true);
    expect(holds(big, { NumberOfEmployees: 999 })).toBe(false);
    expect(holds(big, { NumberOfEmployees: null })).toBe(false);
    expect(holds({ op: 'lessThan', field: 'person.NumberOfEmployees', value: 50 }, { NumberOfEmployees: 9 })).toBe(true);
    expect(holds({ op: 'lessThan', field: 'person.NumberOfEmployees', value: 50 }, { NumberOfEmployees: null })).toBe(false);
    expect(holds({ op: 'greaterThan', field: 'person.Company', value: 'm' }, { Company: 'Northwind' })).toBe(true);
    expect(holds({ op: 'lessOrEqual', field: 'person.AnnualRevenue', value: 5e6 }, { AnnualRevenue: 5e6 })).toBe(true);
  });

  it('contains any value; notContains none, and a blank field contains nothing', () => {
    const test: Test = { op: 'contains', field: 'person.Title', values: ['VP', 'Chief'], ignoreCase: true };
    expect(holds(test, { Title: 'chief of staff' })).toBe(true);
    expect(holds(test, { Title: 'Engineer' })).toBe(false);
    expect(holds(test, { Title: null })).toBe(false);
    expect(holds({ ...test, op: 'notContains' }, { Title: null })).toBe(true);
    expect(holds({ ...test, op: 'notContains' }, { Title: 'SVP Sales' })).toBe(false);
  });

  it('includes a multi-select value when every ";" part of one listed value is selected', () => {
    const test: Test = { op: 'includes', field: 'person.Products_Of_Interest__c', values: ['Platform;Analytics', 'Support'] };
    expect(holds(test, { Products_Of_Interest__c: 'Analytics;Platform;Training' })).toBe(true);
    expect(holds(test, { Products_Of_Interest__c: 'Platform' })).toBe(false);
    expect(holds(test, { Products_Of_Interest__c: 'Support' })).toBe(true);
    expect(holds({ ...test, op: 'excludes' }, { Products_Of_Interest__c: 'Platform' })).toBe(true);
    expect(holds({ ...test, op: 'excludes' }, { Products_Of_Interest__c: null })).toBe(true);
  });

  it('reads the current user when the context has one, and says why when it has none', () => {
    const test: Test = { op: 'equals', field: 'currentUser.Region__c', value: 'EMEA' };
    const outcome = evaluateTest(test, context({}, { Id: '005000000000E01', Region__c: 'EMEA' }), settings);
    expect(outcome).toMatchObject({ ok: true, value: true });
    expect(evaluateTest(test, context({}), settings)).toMatchObject({ ok: false, reason: expect.stringContaining('needs the currentUser') });
  });

  it('renders every operation for diffs and diagrams', () => {
    const tests: Test[] = [
      { op: 'notIn', field: 'person.Country', values: ['US'], ignoreCase: true },
      { op: 'lessOrEqual', field: 'person.NumberOfEmployees', value: 50 },
      { op: 'contains', field: 'person.Title', values: ['VP'] },
      { op: 'notContains', field: 'person.Title', values: ['Intern'] },
      { op: 'includes', field: 'person.Products_Of_Interest__c', values: ['Platform;Support'] },
      { op: 'excludes', field: 'person.Products_Of_Interest__c', values: ['Training'] },
    ];
    expect(tests.map(renderTest)).toMatchInlineSnapshot(`
      [
        "person.Country not in ["US"] (any case)",
        "person.NumberOfEmployees <= 50",
        "person.Title contains any of ["VP"]",
        "person.Title contains none of ["Intern"]",
        "person.Products_Of_Interest__c includes any of ["Platform;Support"]",
        "person.Products_Of_Interest__c includes none of ["Training"]",
      ]
    `);
  });
});

describe('lint of the filter operations', () => {
  const graphWith = (test: Test): Graph => ({
    version: 1,
    name: 'ops',
    start: 'check',
    settings,
    nodes: {
      check: { kind: 'condition', test, then: 'inquiry', else: 'inquiry' },
      inquiry: { kind: 'assign', target: { queue: 'Inquiry Queue' }, next: 'done' },
      done: { kind: 'end' },
    },
  });
  const lint = (test: Test) => {
    const result = lintGraph(graphWith(test), { file: 'ops.json' });
    return result.ok ? [] : formatLintIssues('ops.json', result.issues);
  };

  it('accepts each operation on a field of the right type', () => {
    expect(lint({ op: 'lessThan', field: 'person.AnnualRevenue', value: 1e6 })).toEqual([]);
    expect(lint({ op: 'contains', field: 'person.Industry', values: ['Tech'] })).toEqual([]);
    expect(lint({ op: 'includes', field: 'person.Products_Of_Interest__c', values: ['Platform;Support'] })).toEqual([]);
    expect(lint({ op: 'in', field: 'person.LeadSource', values: ['Phone Inquiry'] })).toEqual([]);
    expect(lint({ op: 'notIn', field: 'currentUser.Region__c', values: ['EMEA'] })).toEqual([]);
  });

  it('rejects an operation on a field it cannot apply to, and a value of the wrong type', () => {
    expect([
      ...lint({ op: 'greaterThan', field: 'person.High_Priority__c', value: 'x' }),
      ...lint({ op: 'lessThan', field: 'person.NumberOfEmployees', value: 'many' }),
      ...lint({ op: 'includes', field: 'person.Country', values: ['DE'] }),
      ...lint({ op: 'includes', field: 'person.Products_Of_Interest__c', values: ['Platform;Hardware'] }),
      ...lint({ op: 'notContains', field: 'person.NumberOfEmployees', values: ['1'] }),
      ...lint({ op: 'notIn', field: 'person.Status', values: ['Hot'] }),
    ]).toMatchInlineSnapshot(`
      [
        "ops.json $.nodes.check.test.op: node "check": "greaterThan" needs a field with an order, and person.High_Priority__c is boolean (expected a number, date or text field, got boolean)",
        "ops.json $.nodes.check.test.value: node "check": wrong value type for person.NumberOfEmployees (int) (expected an integer, got "many")",
        "ops.json $.nodes.check.test.op: node "check": "includes" needs a multi-select picklist field, and person.Country is string (expected a multipicklist field, got string)",
        "ops.json $.nodes.check.test.values[0]: node "check": wrong value type for person.Products_Of_Interest__c (multipicklist) (expected values from "Platform", "Analytics", "Integrations", "Support", "Training", separated by ";", got "Hardware")",
        "ops.json $.nodes.check.test.op: node "check": "notContains" needs a text field, and person.NumberOfEmployees is int (expected a text or picklist field, got int)",
        "ops.json $.nodes.check.test.values[0]: node "check": wrong value type for person.Status (picklist) (expected one of "Inquiry", "MQL", "Accepted", "Qualifying", "Qualified", "Unqualified", "Nurture", "Converted", got "Hot")",
      ]
    `);
  });
});
