import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGraph } from '../../src/routing/loadGraph.ts';
import { diffScenarios } from '../../src/scenarios/diffScenarios.ts';
import { cli, tempDir, withoutRule1, writeEditedGraph, writeJson } from './cliHarness.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const LIVE = join(SCENARIOS, 'graphs/default.json');
const RULE_1 = join(SCENARIOS, 'routing/rule-1-partner-sponsored-event.json');
const RULE_6 = join(SCENARIOS, 'routing/rule-6-sdr-path.json');
const dir = tempDir('diff');
const candidate = writeEditedGraph(dir, 'candidate.json', withoutRule1);

afterEach(() => vi.restoreAllMocks());

describe('leadsim diff', () => {
  it('finds nothing when the candidate is the live graph', async () => {
    const { code, out } = await cli('diff', '--baseline', LIVE, '--candidate', LIVE, RULE_1, RULE_6);
    expect(code).toBe(0);
    expect(out).toContain('2 scenarios, 10 people, 0 changed; 0 differences: 0 allowed, 0 unexpected.');
  });

  it('reports, person by person, what removing a partner rule changes, with the graph path each took', async () => {
    const report = await diffScenarios([RULE_1, RULE_6], { baseline: loadGraph(LIVE), candidate: loadGraph(candidate) });
    expect(report.ok).toBe(false);
    const match = report.differences.filter((d) => d.person === 'match');
    expect(match.map((d) => [d.field, d.baseline, d.candidate])).toEqual([
      ['owner', '"queue:Partner Queue"', '"queue:Inquiry Queue"'],
      ['fields.Partner_Share_Status__c', '"Pending"', 'blank'],
      ['fields.Partner_Lead_Status__c', '"Qualifying"', 'blank'],
      ['sharedToPrm', 'true', 'false'],
    ]);
    expect(match[0]!.baselinePaths[0]).toContain('isPartnerSponsoredEvent(yes) → setPartnerShareStatus → assignPartnerQueue');
    expect(match[0]!.candidatePaths[0]).toContain('isMdfOrTrialCampaign(no)');
    expect(report.differences.some((d) => d.file === RULE_6)).toBe(false);
    expect(report.counts).toMatchObject({ scenarios: 2, people: 10, changedPeople: 2, unexpected: report.differences.length });

    const { code, out } = await cli('diff', '--baseline', LIVE, '--candidate', candidate, RULE_1);
    expect(code).toBe(1);
    expect(out).toContain('    owner: "queue:Partner Queue" → "queue:Inquiry Queue" (unexpected)');
    expect(out).toContain('candidate path: isRerun(no)');
  });

  it('an allow-list of the expected differences makes it pass, and says which entries matched nothing', async () => {
    const allow = writeJson(dir, 'expected.allow.json', [
      { scenario: 'routing/rule-1-partner-sponsored-event.json', person: 'match', reason: 'rule 1 is retired: partner events go through rule 2' },
      { person: 'recalled', field: 'fields', reason: 'no partner share status any more' },
      { person: 'nobody', reason: 'stale' },
    ]);
    const { code, out } = await cli('diff', '--baseline', LIVE, '--candidate', candidate, RULE_1, '--allow', allow);
    expect(code).toBe(0);
    expect(out).toContain('(allowed: rule 1 is retired: partner events go through rule 2)');
    expect(out).toContain('6 differences: 6 allowed, 0 unexpected.');
    expect(out).toContain('note: allow-list entry for nobody matched no difference');

    const partial = writeJson(dir, 'partial.allow.json', [{ person: 'match', field: 'owner', reason: 'moved' }]);
    expect((await cli('diff', '--baseline', LIVE, '--candidate', candidate, RULE_1, '--allow', partial)).code).toBe(1);
  });

  it('exits 2 on a bad allow-list or a missing graph', async () => {
    const bad = writeJson(dir, 'bad.allow.json', [{ person: 'match', field: 'colour', reason: 'x' }]);
    const result = await cli('diff', '--baseline', LIVE, '--candidate', candidate, RULE_1, '--allow', bad);
    expect(result.code).toBe(2);
    expect(result.err).toContain('$[0].field: owner, sharedToPrm, rejected, fields or fields.<Field>');
    expect((await cli('diff', '--baseline', join(dir, 'nope.json'), '--candidate', candidate, RULE_1)).code).toBe(2);
  });
});
