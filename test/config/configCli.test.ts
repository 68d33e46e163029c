import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';
import { runCli } from '../cli/runCli.ts';
import { tempDir } from '../scenarios/cliHarness.ts';

function write(file: string, value: unknown): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

/** The default graph with everyone who is not a partner lead sent to the Partner Queue too: any batch breaks "partner-queue". */
function brokenGraph(): Record<string, any> {
  const graph = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as Record<string, any>;
  graph['nodes'].assignInquiryQueue.target = { queue: 'Partner Queue' };
  return graph;
}

describe('commands read their defaults from the working directory, never from the package', () => {
  it('check routes with the consumer\'s own scenarios/graphs/default.json: a broken one fails (exit 1)', () => {
    const dir = tempDir('consumer-graph');
    write(join(dir, 'scenarios/graphs/default.json'), brokenGraph());
    const r = runCli(['check', '--runs', '5', '--property', 'batch', '--max-events', '3'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['seed 42', expect.stringMatching(/^graph: scenarios\/graphs\/default\.json \("default", \d+ nodes\)$/)]);
    expect(r.stdout).toContain('violated: partner-queue');
  });

  it('without a graph there, says how to give one (exit 2)', () => {
    const r = runCli(['check', '--runs', '1'], { cwd: tempDir('empty') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Failed to read routing graph "scenarios/graphs/default.json" (the default without a leadsim.config.json): the file does not exist. Pass --graph FILE, set "graph" in leadsim.config.json, or set up a project with "npx leadsim init".');
    expect(r.stdout).toBe('');
  });

  it('take the graph, the org and the seed from the leadsim.config.json above, and name them first', () => {
    const root = tempDir('configured');
    write(join(root, 'routing/live.json'), readFileSync(DEFAULT_GRAPH_PATH, 'utf8'));
    write(join(root, 'org.json'), generateOrg(new Rng(3).fork('org')));
    write(join(root, 'leadsim.config.json'), { graph: 'routing/live.json', org: 'org.json', seed: 7 });
    const sub = join(root, 'packages/app');
    mkdirSync(sub, { recursive: true });
    const r = runCli(['simulate', '--leads', '20'], { cwd: sub });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['seed 7', expect.stringMatching(/^graph: \.\.\/\.\.\/routing\/live\.json \("default", \d+ nodes\)$/), expect.stringMatching(/^org: \.\.\/\.\.\/org\.json \(\d+ users, 2 queues, /)]);
  });

  it('an org spec that refers to a key it does not define is bad input: exit 2 with its JSON path, no stack trace', () => {
    const root = tempDir('bad-org');
    const org = generateOrg(new Rng(3).fork('org'));
    org.accounts[0] = { ...org.accounts[0]!, bdr: 'nobody' };
    write(join(root, 'org.json'), org);
    write(join(root, 'scenarios/graphs/default.json'), readFileSync(DEFAULT_GRAPH_PATH, 'utf8'));
    const r = runCli(['simulate', '--leads', '5', '--org', 'org.json'], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Failed to read org spec "org.json": 1 problem found.');
    expect(r.stderr).toMatch(/org\.json \$\.accounts\[0\]\.bdr: unknown user key \(expected a user key of the org \(.*\), got "nobody"\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
