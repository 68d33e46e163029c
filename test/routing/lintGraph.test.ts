import { describe, expect, it } from 'vitest';
import { formatLintIssues, lintGraph } from '../../src/routing/lintGraph.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';

/** A small valid graph: MQLs to round robin, others to the Inquiry Queue. */
function small(): Graph {
  return {
    version: 1,
    name: 'small',
    start: 'isMql',
    settings: { partnerEngagementStatuses: ['Attended'] },
    nodes: {
      isMql: { kind: 'condition', test: { op: 'equals', field: 'person.Status', value: 'MQL' }, then: 'roundRobin', else: 'inquiry' },
      roundRobin: { kind: 'assign', target: { roundRobin: { pool: { role: 'SDR', region: '$person.region' } } }, next: 'done', fallback: 'inquiry' },
      inquiry: { kind: 'assign', target: { queue: 'Inquiry Queue' }, next: 'done' },
      done: { kind: 'end' },
    },
  };
}

/** Lints `json` as `bad.json` and returns the lines `leadsim graph lint` would print. */
function lint(json: unknown): string[] {
  const result = lintGraph(json, { file: 'bad.json' });
  return result.ok ? [] : formatLintIssues('bad.json', result.issues);
}

function edit(change: (graph: Record<string, any>) => void): unknown {
  const graph = structuredClone(small()) as Record<string, any>;
  change(graph);
  return graph;
}

describe('lintGraph', () => {
  it('accepts the default graph and the small graph', () => {
    expect(lintGraph(structuredClone(loadDefaultGraph())).ok).toBe(true);
    expect(lint(small())).toEqual([]);
  });

  it('rejects an unknown node reference, naming the node and the edge', () => {
    expect(lint(edit((g) => (g.nodes.isMql.else = 'inquiryQueue')))).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.isMql.else: node "isMql": unknown node "inquiryQueue" (expected a node id under $.nodes (isMql, roundRobin, inquiry, done), got "inquiryQueue")",
      ]
    `);
    expect(lint(edit((g) => (g.start = 'begin')))).toMatchInlineSnapshot(`
      [
        "bad.json $.start: the start node "begin" does not exist (expected a node id under $.nodes (isMql, roundRobin, inquiry, done), got "begin")",
      ]
    `);
  });

  it('rejects an unknown field for the object, and an unknown record', () => {
    expect(lint(edit((g) => (g.nodes.isMql.test = { op: 'and', tests: [{ op: 'empty', field: 'account.BDR' }, { op: 'equals', field: 'lead.Status', value: 'MQL' }] })))).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.isMql.test.tests[0].field: node "isMql": unknown field "BDR" on Account (account) (expected a Account field API name, got "BDR")",
        "bad.json $.nodes.isMql.test.tests[1].field: node "isMql": unknown record "lead" in field reference "lead.Status" (expected "trigger" or <record>.<field> with record one of person, campaign, campaignMember, account, partnerAccount, currentUser, got "lead.Status")",
      ]
    `);
  });

  it('rejects values of the wrong type for the field, in conditions, value lists, settings and updates', () => {
    expect(
      lint(
        edit((g) => {
          g.nodes.isMql.test = {
            op: 'or',
            tests: [
              { op: 'equals', field: 'person.High_Priority__c', value: 'yes' },
              { op: 'in', field: 'person.Status', values: ['MQL', 'Hot'] },
              { op: 'startsWith', field: 'person.Actively_Being_Sequenced__c', value: 'tr' },
            ],
          };
          g.settings.partnerEngagementStatuses = ['Attended', 'Engaged'];
          g.nodes.stamp = { kind: 'update', fields: { Partner_Share_Status__c: 'Maybe', Foo__c: 1, OwnerId: '005x' }, next: 'roundRobin' };
          g.nodes.isMql.then = 'stamp';
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "bad.json $.settings.partnerEngagementStatuses[1]: not a CampaignMember Status value (expected one of "Sent", "Registered", "Attended", "Visited Booth", "Follow Up Requested", "Responded", "No Show", got "Engaged")",
        "bad.json $.nodes.isMql.test.tests[0].value: node "isMql": wrong value type for person.High_Priority__c (boolean) (expected true or false, got "yes")",
        "bad.json $.nodes.isMql.test.tests[1].values[1]: node "isMql": wrong value type for person.Status (picklist) (expected one of "Inquiry", "MQL", "Accepted", "Qualifying", "Qualified", "Unqualified", "Nurture", "Converted", got "Hot")",
        "bad.json $.nodes.isMql.test.tests[2].op: node "isMql": "startsWith" needs a text field, and person.Actively_Being_Sequenced__c is boolean (expected a text or picklist field, got boolean)",
        "bad.json $.nodes.stamp.fields.Partner_Share_Status__c: node "stamp": wrong value for Lead.Partner_Share_Status__c (picklist) (expected one of "Pending", "Accepted", "Rejected", got "Maybe")",
        "bad.json $.nodes.stamp.fields.Foo__c: node "stamp": unknown field "Foo__c" on Lead (expected a Lead field API name, got "Foo__c")",
        "bad.json $.nodes.stamp.fields.OwnerId: node "stamp": field "OwnerId" cannot be updated by routing (expected an assign node to change the owner, got "OwnerId")",
      ]
    `);
  });

  it('rejects a cycle, showing it', () => {
    expect(lint(edit((g) => (g.nodes.inquiry.next = 'isMql')))).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.inquiry.next: node "inquiry": "next" leads back to "isMql", closing the cycle isMql → roundRobin → inquiry → isMql (expected an acyclic graph (a person passes each node at most once), got "isMql")",
      ]
    `);
  });

  it('rejects an unreachable node', () => {
    expect(lint(edit((g) => (g.nodes.orphan = { kind: 'sharePrm', next: 'done' })))).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.orphan: node "orphan" is unreachable from the start node "isMql" (expected a node some path from the start leads to, got no incoming path)",
      ]
    `);
  });

  it('rejects a path that ends without an owner, including through a fallback', () => {
    expect(lint(edit((g) => (g.nodes.isMql.else = 'done')))).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.done: node "done": a path reaches this end without an owner: isMql → done (expected an assign node on every path before an end, got no assignment on this path)",
      ]
    `);
    expect(lint(edit((g) => (g.nodes.roundRobin.fallback = 'done')))).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.done: node "done": a path reaches this end without an owner: isMql → roundRobin → done (expected an assign node on every path before an end, got no assignment on this path)",
      ]
    `);
  });

  it('rejects an unknown settings list and an unknown round-robin pool', () => {
    expect(
      lint(
        edit((g) => {
          g.nodes.isMql.test = { op: 'in', field: 'campaignMember.Status', values: '$settings.engagedStatuses' };
          g.nodes.roundRobin.target = { roundRobin: { pool: 'emeaTeam' } };
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "bad.json $.nodes.isMql.test.values: node "isMql": unknown settings list "$settings.engagedStatuses" (expected a value list defined under $.settings, got "$settings.engagedStatuses")",
        "bad.json $.nodes.roundRobin.target.roundRobin.pool: node "roundRobin": unknown round-robin pool "emeaTeam" (expected a pool defined under $.settings.pools, got "emeaTeam")",
      ]
    `);
  });

  it('rejects malformed nodes with their JSON path and what was expected', () => {
    expect(
      lint(
        edit((g) => {
          g.nodes.isMql.kind = 'if';
          g.nodes.inquiry.target = { group: 'Inquiry Queue' };
          g.nodes.done.next = 'x';
          g.nodes['bad id'] = { kind: 'end' };
          g.version = 2;
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "bad.json $.version: wrong value (expected one of 1, got 2)",
        "bad.json $.nodes.isMql.kind: node "isMql": unknown kind (expected one of "condition", "update", "assign", "sharePrm", "end", got "if")",
        "bad.json $.nodes.inquiry.target: node "inquiry": not an assignment target (expected one of {"queue": name}, {"user": id or name}, {"accountBdr": true}, {"accountOwner": true}, {"keepCurrentOwner": true}, {"roundRobin": {"pool": name or {"role", "region"} or {"users"}}}, got {"group":"Inquiry Queue"})",
        "bad.json $.nodes.done: node "done": unknown key: "next" (expected only the keys this kind of object takes)",
        "bad.json $.nodes["bad id"]: node "bad id": invalid node id (expected a letter, then letters, digits or underscores, got "bad id")",
      ]
    `);
  });
});
