import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';

const ONLY = ['negate-condition:isMql', 'drop-value:settings.partnerEngagementStatuses:Visited Booth', 'change-operator:isMql:startsWith'];

describe('leadsim mutate', () => {
  it('judges mutants in worker threads, lists each survivor with a replay command, saves catching scenarios, exits 1 below --min-score', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadsim-mutate-'));
    const json = join(dir, 'report.json');
    const r = runCli(['mutate', 'scenarios/routing/rule-6-sdr-path.json', '--runs', '2', '--workers', '2', '--only', ONLY.join(','), '--min-score', '100', '--json', json, '--save', dir]);
    expect(r.stdout.split('\n')[0]).toBe('seed 42');
    expect(r.stdout).toContain('Mutation score of graph "default": 50% (1 of 2 non-equivalent mutants killed; 1 equivalent, reported apart)');
    expect(r.stdout).toContain('  - drop-value:settings.partnerEngagementStatuses:Visited Booth');
    expect(r.stdout).toContain("      replay: npx leadsim mutate scenarios/routing/rule-6-sdr-path.json --seed 42 --runs 2 --only 'drop-value:settings.partnerEngagementStatuses:Visited Booth' --min-score 100");
    expect(r.stdout).toContain('Equivalent (1)');
    expect(r.stdout).toContain('FAIL mutation score 50% is below --min-score 100%.');
    // Not a terminal: plain progress lines on stderr.
    expect(r.stderr).toMatch(/^\[\d\/3\] (killed|survived|equivalent) /m);
    expect(r.status).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { workers: number; mutants: { id: string; status: string }[] };
    expect(report.workers).toBe(2);
    expect(report.mutants.map((m) => [m.id, m.status])).toEqual([
      ['negate-condition:isMql', 'killed'],
      ['change-operator:isMql:startsWith', 'equivalent'],
      ['drop-value:settings.partnerEngagementStatuses:Visited Booth', 'survived'],
    ]);
    const saved = readdirSync(dir).filter((f) => f.startsWith('drop-value'));
    expect(saved).toEqual(['drop-value-settings.partnerEngagementStatuses-Visited-Booth.json']);
    // The saved scenario replays green with the original graph, and catches the mutant from now on.
    expect(runCli(['replay', join(dir, saved[0]!)]).status).toBe(0);
    const again = runCli(['mutate', join(dir, saved[0]!), '--runs', '1', '--workers', '1', '--only', ONLY[1]!, '--min-score', '100']);
    expect(again.stdout).toContain('100% (1 of 1 non-equivalent mutants killed');
    expect(again.status).toBe(0);
  }, 240_000);

  it('refuses an unknown mutant id and bad options with exit 2 before running anything', () => {
    const unknown = runCli(['mutate', '--no-scenarios', '--only', 'negate-condition:nowhere']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no mutant of graph "default" has the id "negate-condition:nowhere"');
    expect(runCli(['mutate', '--min-score', '120']).status).toBe(2);
  });
});
