import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

describe('leadsim simulate', () => {
  it('prints the seed first and gives the same report byte for byte for the same seed', () => {
    const a = runCli(['simulate', '--seed', '5', '--leads', '80']);
    const b = runCli(['simulate', '--seed', '5', '--leads', '80']);
    expect(a.status).toBe(0);
    expect(a.stdout.split('\n').slice(0, 3)).toEqual(['seed 5', expect.stringMatching(/^graph: scenarios\/graphs\/default\.json \("default", \d+ nodes\)$/), expect.stringMatching(/^org: generated from seed 5 \(\d+ users, 2 queues, \d+ accounts, .*\)$/)]);
    expect(a.stdout).toContain('All 10 invariants hold.');
    expect(b.stdout).toBe(a.stdout);
    const c = runCli(['simulate', '--seed', '6', '--leads', '80']);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('exits 1 and names the violating leads and the replay command when a native integration bypasses the pipeline', () => {
    const r = runCli(['simulate', '--seed', '5', '--leads', '80', '--native', 'chat']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}One process/);
    expect(r.stdout).toMatch(/00Q\w{15}: Lead 00Q\w{15} was created by Chat Connector/);
    expect(r.stdout).toContain('Replay: npx leadsim simulate --no-config --seed 5 --leads 80 --graph scenarios/graphs/default.json --native chat');
  });

  it('exits 2 with the option, what was expected and what was found on bad options', () => {
    const r = runCli(['simulate', '--leads', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--leads "many": is not valid; expected an integer from 1 to 1000000');
    expect(r.stdout).toBe('');
    const native = runCli(['simulate', '--native', 'marketo,hubspot']);
    expect(native.status).toBe(2);
    expect(native.stderr).toContain('--native "marketo,hubspot": has "hubspot", which is not valid; expected a comma-separated list, each one of marketo, impartner, chat');
    const empty = runCli(['simulate', '--leads', '50', '--entry-points', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--entry-points "": has an empty item; expected a comma-separated list, each one of web-form');
    expect(empty.stderr).not.toMatch(/\n\s+at /);
    const unknown = runCli(['simulate', '--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('error: unknown option \'--bogus\'\nSee "leadsim simulate --help".\n');
    const rate = runCli(['simulate', '--fault-rate', 'abc']);
    expect(rate.status).toBe(2);
    expect(rate.stderr).toBe('leadsim: Failed to run "leadsim simulate": 1 bad option.\n  --fault-rate "abc": is not valid; expected a number from 0 to 0.25\nSee "leadsim simulate --help".\n');
    expect(rate.stderr).not.toMatch(/NaN|\$\.|an object/);
  });

  it('exits 2 before running anything when a report cannot be written', () => {
    const r = runCli(['simulate', '--json', 'no/such/folder/report.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Failed to write "no/such/folder/report.json": the folder "no/such/folder" does not exist.');
  });

  it('exits 2 naming the file when the graph does not exist', () => {
    const r = runCli(['simulate', '--graph', 'no/such/graph.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no/such/graph.json');
  });
});
