import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';

describe('replay --coverage', () => {
  it('prints coverage after the replay and fails below --min-coverage', () => {
    const r = runCli(['replay', 'scenarios/routing/rule-6-sdr-path.json', '--coverage', '--min-coverage', '100']);
    expect(r.stdout).toContain('Routing coverage of graph "default"');
    expect(r.stdout).toContain('Never reached');
    expect(r.stdout).toMatch(/FAIL routing coverage of graph "default" is [\d.]+%, below --min-coverage 100%\./);
    expect(r.status).toBe(1);
  });

  it('writes JSON to --coverage-out and passes a threshold it meets', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'leadsim-coverage-')), 'coverage.json');
    const r = runCli(['replay', 'scenarios/routing/rule-6-sdr-path.json', '--coverage', 'json', '--coverage-out', out, '--min-coverage', '10']);
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { graphs: { graph: string; totals: { percent: number }; unreached: unknown[] }[] };
    expect(json.graphs[0]?.graph).toBe('default');
    expect(json.graphs[0]?.unreached.length).toBeGreaterThan(0);
  });

  it('refuses a bad format with exit 2', () => {
    const r = runCli(['replay', 'scenarios/routing/rule-6-sdr-path.json', '--coverage', 'html']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('coverage');
  });
});
