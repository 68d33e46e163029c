import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { checkInvariants } from '../../src/invariants/index.ts';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';
import { diffScenarios } from '../../src/scenarios/diffScenarios.ts';
import { checkScenario, loadScenario } from '../../src/scenarios/loadScenario.ts';
import { loadRouting } from '../../src/scenarios/loadRouting.ts';
import { replayScenarios } from '../../src/scenarios/replayScenarios.ts';
import { simulate } from '../../src/simulation/simulate.ts';

const HERE = fileURLToPath(new URL('../../scenarios/assignment-rules/', import.meta.url));
const RULES = join(HERE, 'Lead.assignmentRules-meta.xml');
const SCENARIO = join(HERE, 'territories.json');
const dir = mkdtempSync(join(tmpdir(), 'leadsim-route-in-sf-'));

/** The shipped rules with one edit applied, written to a temp file. */
function editedRules(name: string, edit: (xml: string) => string): string {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(RULES, 'utf8')));
  return file;
}

describe('routing in Salesforce: the CRM runs the assignment rule instead of the route job', () => {
  it('simulates with the rules: every lead the pipeline routed has the owner the rule gave, and the invariants judge it', async () => {
    const org = { ...loadOrgSpec(SCENARIO), assignmentRules: RULES };
    const run = await simulate({ seed: 5, leads: 40, org, routing: 'assignment-rules' });
    const results = checkInvariants(run).results;
    // The territory rule has no partner entry: partner leads go to territory reps, which the partner rules forbid.
    expect(results.filter((r) => !r.ok).map((r) => r.id)).toEqual(['partner-queue']);
    const partner = results.find((r) => r.id === 'partner-queue')!.violations;
    expect(partner.length).toBeGreaterThan(0);
    for (const v of partner) expect(v.message).toMatch(/^route gave Lead 00Q\w+ to user "[^"]+" \(005\w+\); expected the Partner Queue \(rule [123]:|meets rule [123]:/);
    const routed = run.traces.flatMap((t) => (t.outcome?.kind === 'created' && t.outcome.personType === 'Lead' ? [t.outcome.personId] : []));
    expect(routed.length).toBeGreaterThan(10);
    for (const id of routed) {
      const last = run.world.crm.assignmentRules.log(id).at(-1);
      expect(last?.rule).toBe('Territories');
      expect(run.world.crm.get('Lead', id)?.['OwnerId']).toBe(last?.owner?.id);
    }
    const step = run.traces.find((t) => t.outcome?.kind === 'created')!.steps.find((s) => s.job === 'route')!;
    expect(step.input).toMatchObject({ routing: 'assignment-rules' });
    expect(step.calls.map((c) => `${c.method} ${c.path.replace(/.*\/services\/data\/v[\d.]+/, '')}`)).toEqual([expect.stringMatching(/^PATCH \/sobjects\/Lead\/00Q/), expect.stringMatching(/^GET \/sobjects\/Lead\/00Q.*fields=OwnerId/)]);
  });

  it('still checks the invariants: a rule without its catch-all leaves leads with the integration user', async () => {
    const noCatchAll = editedRules('no-catch-all.assignmentRules-meta.xml', (xml) => xml.replace(/ {8}<ruleEntry>\n {12}<assignedTo>Inquiry_Queue<\/assignedTo>[\s\S]*?<\/ruleEntry>\n/, ''));
    const report = await replayScenarios([SCENARIO], { assignmentRules: noCatchAll });
    const scenario = report.scenarios[0]!;
    expect(scenario.ok).toBe(false);
    expect(scenario.invariants.find((r) => r.id === 'every-person-owned')?.ok).toBe(false);
    expect(scenario.checks.filter((c) => !c.ok).map((c) => c.person)).toEqual(['za']);
  });

  it('judges partner leads on what the route step read: a rule sending rule-1 leads to a rep breaks "partner leads reach the Partner Queue"', async () => {
    const partnerScenario = fileURLToPath(new URL('../../scenarios/routing/rule-1-partner-sponsored-event.json', import.meta.url));
    const toRep = editedRules('partner-to-rep.assignmentRules-meta.xml', (xml) =>
      xml.replace(
        '<ruleEntry>',
        '<ruleEntry><assignedTo>avery.stone@leadsim-corp.test</assignedTo><assignedToType>User</assignedToType><criteriaItems><field>Lead.Lead_Acquisition_Source__c</field><operation>equals</operation><value>Partner Sponsored Event</value></criteriaItems></ruleEntry>\n        <ruleEntry>',
      ),
    );
    const report = await replayScenarios([partnerScenario], { assignmentRules: toRep });
    const invariant = report.scenarios[0]!.invariants.find((r) => r.id === 'partner-queue')!;
    expect(invariant.ok).toBe(false);
    expect(invariant.violations.map((v) => v.message).join('\n')).toMatch(/route gave Lead 00Q\w+ to user "Avery Stone" \(005\w+\); expected the Partner Queue \(rule 1: partner sponsored event/);
    expect(invariant.violations[0]!.evidence).toMatchObject({ facts: { trigger: 'new', person: { Lead_Acquisition_Source__c: 'Partner Sponsored Event' } } });
  });

  it('replays the shipped scenario green, routed by the rule', async () => {
    const report = await replayScenarios([SCENARIO]);
    expect(report.ok).toBe(true);
    expect(report.scenarios[0]?.graph).toMatch(/^assignment rules .*Lead\.assignmentRules-meta\.xml$/);
  });

  it('diffs two metadata files lead by lead, with the entries each run took', async () => {
    const candidate = editedRules('candidate.assignmentRules-meta.xml', (xml) => xml.replace('JP,AU,SG,IN,KR', 'AU,SG,IN,KR').replace('DE,FR,GB,NL,AT,CH', 'DE,FR,GB,NL,AT,CH,JP'));
    const report = await diffScenarios([SCENARIO], { baseline: loadRouting(RULES), candidate: loadRouting(candidate) });
    expect(report.differences.map((d) => ({ person: d.person, field: d.field, baseline: d.baseline, candidate: d.candidate, baselinePaths: d.baselinePaths, candidatePaths: d.candidatePaths }))).toEqual([
      {
        person: 'jp',
        field: 'owner',
        baseline: '"sdr-apj-1"',
        candidate: '"sdr-emea-1"',
        baselinePaths: ['Territories: entry1(no) → entry2(no) → entry3(yes) → entry3Assign → done'],
        candidatePaths: ['Territories: entry1(no) → entry2(yes) → entry2Assign → done'],
      },
    ]);
    expect(report.ok).toBe(false);
  });

  it('refuses a bad rules file or a scenario that routes by rules without any, before anything runs', () => {
    const formula = editedRules('formula.assignmentRules-meta.xml', (xml) => xml.replace('<criteriaItems>', '<formula>ISPICKVAL(Status, "MQL")</formula><criteriaItems>'));
    expect(() => loadRouting(formula)).toThrow(/entry 1: has both a formula and criteriaItems/);
    const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8')) as { org: Record<string, unknown> };
    delete scenario.org['assignmentRules'];
    expect(() => checkScenario(scenario, SCENARIO)).toThrow(/\$\.org\.assignmentRules: routing is "assignment-rules" but the org has no rules/);
    scenario.org['assignmentRules'] = 'missing.assignmentRules-meta.xml';
    expect(() => checkScenario(scenario, SCENARIO)).toThrow(/\$\.org\.assignmentRules: Failed to read assignment rules .*the file does not exist/);
    expect(loadScenario(SCENARIO).scenario.org.assignmentRules).toBe(RULES);
  });

  it('leadsim diff takes metadata files; leadsim replay --assignment-rules takes nothing else', async () => {
    const candidate = editedRules('cli-candidate.assignmentRules-meta.xml', (xml) => xml.replace('JP,AU,SG,IN,KR', 'AU,SG,IN,KR'));
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    try {
      expect(await main(['diff', '--baseline', RULES, '--candidate', candidate, SCENARIO])).toBe(1);
      expect(out).toContain('owner: "sdr-apj-1" → "queue:Inquiry Queue" (unexpected)');
      expect(await main(['replay', SCENARIO, '--assignment-rules', join(HERE, 'territories.json')])).toBe(2);
      expect(err).toMatch(/Failed to read assignment rules ".*territories.json": 1 problem found.\n.*not well-formed XML/);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  });
});
