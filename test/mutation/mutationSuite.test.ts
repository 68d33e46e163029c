import { describe, expect, it } from 'vitest';
import { graphMutants } from '../../src/mutation/graphMutants.ts';
import { MutationSuite } from '../../src/mutation/mutationSuite.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { checkScenario, loadScenario } from '../../src/scenarios/loadScenario.ts';
import { replayScenario } from '../../src/scenarios/replayScenarios.ts';

const graph = loadDefaultGraph();
const mutants = new Map(graphMutants(graph).mutants.map((m) => [m.id, m]));

describe('MutationSuite', async () => {
  const suite = await MutationSuite.build({ graph, scenarios: ['scenarios/routing/rule-6-sdr-path.json', 'scenarios/routing/rule-1-partner-sponsored-event.json'].map(loadScenario), seed: 42, runs: 4 });
  const judge = (id: string) => suite.evaluate(mutants.get(id)!);

  it('runs the scenarios and the generated inputs once with the original graph, recording every routing decision', () => {
    expect(suite.failing()).toEqual([]);
    expect(suite.baseline.map((b) => b.input.kind)).toEqual(['scenario', 'scenario', 'batch', 'batch', 'batch', 'batch', 'sequence', 'sequence', 'sequence', 'sequence']);
    expect(suite.baseline[0]!.calls.length).toBe(6);
    expect(suite.baseline[0]!.nodes.has('assignAccountBdr')).toBe(true);
  });

  it('kills a mutant with the scenario whose expectation it breaks', async () => {
    const r = await judge('retarget:assignAccountBdr:the matched account\'s owner');
    expect(r).toMatchObject({ status: 'killed', killedBy: { kind: 'scenario', input: 'scenarios/routing/rule-6-sdr-path.json' } });
    expect(r.killedBy?.reason).toMatch(/^bdr owner: expected /);
  });

  it('kills a mutant with a generated input when an invariant breaks', async () => {
    // Neither scenario has a joint campaign: the partner-queue invariant catches the lost prospect status.
    const r = await judge('drop-update:setProspectShareStatus:Prospect_Share_Status__c');
    expect(r).toMatchObject({ status: 'killed', killedBy: { kind: 'batch' } });
    expect(r.killedBy?.reason).toMatch(/invariant violated .*: partner-queue/);
  });

  it('pins the fields the graph writes, so a suggestion catches a dropped update the golden fields leave out', async () => {
    const r = await judge('drop-update:clearRerunFlag');
    expect(r.status).toBe('survived');
    expect(r.suggestion).toMatchObject({ catches: true, scenario: { events: [{ kind: 'countryChange', rerun: true }] } });
    expect(Object.values(r.suggestion!.scenario.expect ?? {})[0]?.fields).toMatchObject({ Rerun_Routing__c: false });
  });

  it('reports an equivalent mutant apart, with how many cases the bounded search compared', async () => {
    expect(await judge('change-operator:isMql:startsWith')).toMatchObject({ status: 'equivalent', changed: 0, search: { verdict: 'equivalent' } });
  });

  it('explains a survivor and suggests a small scenario, with the original decision as expectation, that catches it', async () => {
    const r = await judge('drop-value:settings.partnerEngagementStatuses:Visited Booth');
    expect(r.status).toBe('survived');
    expect(r.explanation).toContain('It differs when');
    expect(r.example?.original).toContain('owner queue "Partner Queue"');
    expect(r.example?.mutant).toContain('owner queue "Inquiry Queue"');
    expect(r.suggestion).toMatchObject({ catches: true, passes: true });
    const loaded = checkScenario(r.suggestion!.scenario, 'suggested.json');
    expect((await replayScenario(loaded)).ok).toBe(true);
    expect((await replayScenario(loaded, { graph: mutants.get(r.id)!.graph })).ok).toBe(false);
  });
});
