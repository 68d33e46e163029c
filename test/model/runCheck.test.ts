import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { runCheck, type CheckReport } from '../../src/check/runCheck.ts';
import { saveCounterexample, saveRegressionCounterexample } from '../../src/check/saveCounterexample.ts';
import { configureCheck } from '../../src/cli/commands/check.ts';
import { LeadsimError } from '../../src/core/errors.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { checkScenario } from '../../src/scenarios/loadScenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'leadsim-check-'));
afterAll(() => {
  vi.restoreAllMocks();
});

/** The default graph without rule 1: a partner sponsored event lead no longer goes to the Partner Queue. */
function graphWithoutRule1(): Graph {
  const graph = structuredClone(loadDefaultGraph()) as Graph & { nodes: Record<string, Record<string, unknown>> };
  graph.nodes['isAlliancePartner']!['else'] = 'isMdfOrTrialCampaign';
  delete graph.nodes['isPartnerSponsoredEvent'];
  delete graph.nodes['setPartnerShareStatus'];
  return graph;
}

/** Runs `leadsim check` through the registered command, as main does: the exit code, and what it printed. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let code = 0;
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const program = new Command('leadsim').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  configureCheck(program.command('check'), {
    setExit: (c) => {
      code = c;
    },
  });
  try {
    await program.parseAsync(['check', ...args], { from: 'user' });
  } catch (error) {
    code = error instanceof LeadsimError || (error as { code?: string }).code?.startsWith('commander.') ? 2 : 1;
    out += String((error as Error).message);
  } finally {
    write.mockRestore();
  }
  return { code, out };
}

describe('runCheck', () => {
  let broken: CheckReport;

  test('finds rule 1 missing from a graph, shrinks it to one partner event, and names the invariant', async () => {
    broken = await runCheck({ seed: 1, runs: 50, graph: graphWithoutRule1(), graphFile: 'no-rule-1.json', property: 'sequence' });
    expect(broken.ok).toBe(false);
    const failure = broken.failures[0]!;
    expect(failure.invariant).toBe('partner-queue');
    // One command: a partner event's list upload (on its own, or in an out-of-order pair).
    expect(failure.counterexample).toMatch(/^ 1\. (inbound|outOfOrder)\(.*list-upload "[^"]+"\)$/);
    expect(failure.violations[0]?.message).toMatch(/expected the Partner Queue \(rule 1: partner sponsored event/);
    expect(failure.trace).toMatch(/^event list-upload:evt-00000[12] \(list-upload\) → created Lead/);
    expect(failure.replay).toBe(`npx leadsim check --seed 1 --runs 50 --property sequence --path ${failure.path} --replay-path ${/--replay-path (\S+)/.exec(failure.replay)![1]} --graph no-rule-1.json`);
  });

  test('the replay command reproduces exactly that failure', async () => {
    const failure = broken.failures[0]!;
    const replayPath = /--replay-path (\S+)/.exec(failure.replay)![1]!;
    const again = await runCheck({ seed: 1, runs: 50, graph: graphWithoutRule1(), property: 'sequence', path: failure.path, replayPath });
    expect(again.failures[0]?.counterexample).toBe(failure.counterexample);
    expect(again.failures[0]?.violations.map((v) => v.message)).toEqual(failure.violations.map((v) => v.message));
    expect(again.failures[0]?.numRuns).toBe(1);
  });

  test('a counterexample saves as a scenario file that loads as a regression test', () => {
    const file = join(dir, 'counterexample.json');
    const saved = saveCounterexample(file, broken, broken.failures[0]!);
    expect(saved).toEqual({ format: 'scenario' });
    const scenario = checkScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(scenario.scenario.seed).toBe(1);
    expect(scenario.scenario.events.map((e) => e.kind)).toEqual(scenario.scenario.events.map(() => 'inbound'));
    expect(scenario.scenario.events).toContainEqual(expect.objectContaining({ kind: 'inbound', at: 60_000, entryPoint: 'list-upload' }));
  });

  test('a counterexample saves as a regression scenario with the expectations of the correct graph, which the broken graph fails', async () => {
    const file = join(dir, 'regression.json');
    const saved = await saveRegressionCounterexample(file, broken, broken.failures[0]!, loadDefaultGraph(), graphWithoutRule1());
    expect(saved).toEqual({ passes: true, catchesCheckedGraph: true });
    const scenario = checkScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(scenario.graph).toBeUndefined();
    expect(Object.values(scenario.scenario.expect).some((e) => e.owner === 'queue:Partner Queue')).toBe(true);
  });

  test('the default graph passes both properties at a small budget', async () => {
    const report = await runCheck({ seed: 8, runs: 5 });
    expect(report.properties.map((p) => [p.property, p.ok, p.numRuns])).toEqual([
      ['batch', true, 5],
      ['sequence', true, 5],
    ]);
  });
});

describe('leadsim check', () => {
  test('exits 0 and prints the seed first, then PASS per property', async () => {
    const { code, out } = await cli('--seed', '4', '--runs', '3');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 5)).toEqual([
      'seed 4',
      expect.stringMatching(/^graph: scenarios\/graphs\/default\.json \("default", \d+ nodes\)$/),
      expect.stringMatching(/^org: generated from seed 4 \(\d+ users, 2 queues, .*\)$/),
      expect.stringMatching(/^PASS batch: .* \(3 runs\)$/),
      expect.stringMatching(/^PASS sequence: .* \(3 runs\)$/),
    ]);
  });

  test('exits 1 with the violated invariant, the counterexample, the trace and the replay command', async () => {
    const graphFile = join(dir, 'no-rule-1.json');
    writeFileSync(graphFile, JSON.stringify(graphWithoutRule1()));
    const saved = join(dir, 'saved.json');
    const { code, out } = await cli('--seed', '1', '--runs', '50', '--property', 'sequence', '--graph', graphFile, '--save-counterexample', saved);
    expect(code).toBe(1);
    expect(out).toContain('FAIL sequence:');
    expect(out).toContain('  violated: partner-queue');
    expect(out).toMatch(/ {2}counterexample:\n {4} 1\. (inbound|outOfOrder)\(.*list-upload/);
    expect(out).toMatch(/ {2}trace:\n {4}event list-upload:evt-00000[12] \(list-upload\)/);
    expect(out).toMatch(new RegExp(`  replay: npx leadsim check --seed 1 --runs 50 --property sequence --path [\\d:]+ --replay-path \\S+ --graph ${graphFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    expect(out).toContain(`Counterexample saved to ${saved} (scenario).`);
  });

  test('exits 2 for bad options and a bad graph file', async () => {
    expect((await cli('--runs', '0')).code).toBe(2);
    const noProperty = await cli('--path', '1:2');
    expect(noProperty.code).toBe(2);
    expect(noProperty.out).toContain("--property: is required: --path replays one property's case; expected ");
    const badGraph = join(dir, 'bad-graph.json');
    writeFileSync(badGraph, '{"version": 1}');
    expect((await cli('--graph', badGraph)).code).toBe(2);
    expect((await cli('--graph', join(dir, 'missing.json'))).code).toBe(2);
  });
});
