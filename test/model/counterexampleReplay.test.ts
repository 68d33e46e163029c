import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/runCheck.ts';
import { saveCounterexample } from '../../src/check/saveCounterexample.ts';
import type { ReplayReport } from '../../src/scenarios/replayScenarios.ts';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';
import { cli, tempDir } from '../scenarios/cliHarness.ts';

type Nodes = Record<string, Record<string, unknown> & { test?: { tests?: { field?: string }[] } }>;

/** Broken graphs, each failing a different way: what `check` must find and `replay` must reproduce. */
const BROKEN: Readonly<Record<string, (nodes: Nodes) => void>> = {
  // Rule 1 removed: partner-sponsored event attendees miss the Partner Queue.
  'no-rule-1': (nodes) => {
    nodes['isAlliancePartner']!['else'] = 'isMdfOrTrialCampaign';
    delete nodes['isPartnerSponsoredEvent'];
    delete nodes['setPartnerShareStatus'];
  },
  // Non-MQLs go to the integration user instead of the Inquiry Queue: nobody in sales owns them.
  'inquiries-to-integration-user': (nodes) => {
    nodes['assignInquiryQueue']!['target'] = { user: 'Integration User' };
  },
  // Partner leads are queued but never shared: nobody in the Partner Queue has a prospect.
  'queue-without-sharing': (nodes) => {
    nodes['assignPartnerQueue']!['next'] = 'done';
    delete nodes['shareToPrm'];
  },
  // Rule 7 sends a re-run MQL to the Partner Queue without sharing it: a person there that no partner sees.
  'rerun-to-partner-queue': (nodes) => {
    nodes['rerunRoundRobin']!['target'] = { queue: 'Partner Queue' };
  },
  // Rule 1 without its recall check: a recalled lead is routed straight back into the Partner Queue.
  'rule-1-ignores-recall': (nodes) => {
    const test = nodes['isPartnerSponsoredEvent']!.test!;
    test.tests = test.tests!.filter((t) => !String(t.field).startsWith('person.Partner_Recalled'));
  },
};

/** The action a graph's counterexample needs besides inbound events (so the replay runs it through the shared action). */
const ACTION_USED: Readonly<Record<string, string>> = { 'rerun-to-partner-queue': 'countryChange', 'rule-1-ignores-recall': 'recall' };

describe('a counterexample saved by check replays to the same violation (one implementation of every action)', () => {
  const dir = tempDir('counterexamples');

  test.each(Object.keys(BROKEN))('%s', async (name) => {
    const graph = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as { name: string; nodes: Nodes };
    graph.name = name;
    BROKEN[name]!(graph.nodes);
    const graphFile = join(dir, `${name}.json`);
    writeFileSync(graphFile, JSON.stringify(graph));
    const report = await runCheck({ seed: 1, runs: 300, graph: graph as never, graphFile, property: 'sequence', maxCommands: 6 });
    const failure = report.failures[0];
    expect(failure, `check found nothing wrong with ${name}`).toBeDefined();

    const file = join(dir, `${name}.counterexample.json`);
    expect(saveCounterexample(file, report, failure!, graphFile)).toEqual({ format: 'scenario' });
    const replayed = await cli('replay', file, '--reporter', 'json');
    expect(replayed.code).toBe(1);
    const replay = JSON.parse(replayed.out) as ReplayReport;
    const found = replay.scenarios[0]!.invariants.flatMap((r) => r.violations.map((v) => `${v.invariant}: ${v.message}`));
    // Same invariant, same person, same message: the steps ran through the same code as in the check.
    for (const v of failure!.violations) expect(found).toContain(`${v.invariant}: ${v.message}`);
    const action = ACTION_USED[name];
    // Graph-aware generation may engage a person the org already holds recalled (a recall before the run) instead.
    const seededRecall = action === 'recall' && failure!.steps.some((s) => report.org.people.some((p) => p.key === s['person'] && (p.fields?.['Partner_Recalled__c'] === true || typeof p.fields?.['Partner_Recalled_Date__c'] === 'string')));
    if (action && !seededRecall) expect(failure!.steps.map((s) => s.kind)).toContain(action);
  });
});
