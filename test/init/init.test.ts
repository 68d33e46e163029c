import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initFiles, initProject } from '../../src/init/initProject.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
import { runCli } from '../cli/runCli.ts';
import { tempDir } from '../scenarios/cliHarness.ts';

const FILES = [
  '.github/workflows/leadsim.yml',
  'leadsim.config.json',
  'leadsim.org.json',
  'reports/.gitignore',
  'scenarios/examples/partner-sponsored-event.json',
  'scenarios/examples/web-form-demo-request.json',
  'scenarios/graphs/default.json',
  'test/leadsim.property.test.ts',
];

describe('leadsim init', () => {
  it('writes the config, the graph, the org spec, two scenarios, a property test and a workflow; they lint and replay green', () => {
    const dir = tempDir('init');
    const r = runCli(['init'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  wrote ')).map((l) => l.slice('  wrote '.length))).toEqual(FILES);
    const lint = runCli(['graph', 'lint'], { cwd: dir });
    expect(lint.status).toBe(0);
    expect(lint.stdout).toMatch(/^scenarios\/graphs\/default\.json: valid routing graph "default"/);
    const replay = runCli(['replay'], { cwd: dir });
    expect(replay.status).toBe(0);
    expect(replay.stdout).toContain('2 scenarios: 2 passed, 0 failed');
    expect(replay.stdout).toContain('org leadsim.org.json');
    expect(readFileSync(join(dir, 'reports/replay.xml'), 'utf8')).toMatch(/<testsuites name="leadsim replay" tests="\d+" failures="0" errors="0">/);
  });

  it('never overwrites without --force: it names the files that exist and writes nothing (exit 2)', () => {
    const dir = tempDir('init-again');
    expect(runCli(['init', 'project'], { cwd: dir }).status).toBe(0);
    const config = join(dir, 'project/leadsim.config.json');
    writeFileSync(config, '{ "seed": 7 }\n');
    const again = runCli(['init', 'project'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('Failed to set up a leadsim project in "project": 8 of its files already exist (.github/workflows/leadsim.yml, leadsim.config.json,');
    expect(again.stderr).toContain('Nothing was written; move them away, or pass --force to overwrite them.');
    expect(readFileSync(config, 'utf8')).toBe('{ "seed": 7 }\n');
    const forced = runCli(['init', 'project', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('  overwrote leadsim.config.json');
    expect(readFileSync(config, 'utf8')).toBe(initFiles(join(dir, 'project')).find((f) => f.path === 'leadsim.config.json')!.content);
  });

  it("points every JSON file's $schema at the package's schemas in node_modules", () => {
    for (const f of initFiles().filter((file) => file.path.endsWith('.json'))) {
      const schema = (JSON.parse(f.content) as { $schema: string }).$schema;
      expect(join(f.path, '..', schema), f.path).toMatch(/^node_modules\/leadsim\/(schemas|scenarios)\/.*\.schema\.json$/);
    }
  });

  it('init sub/proj points $schema from each file to the nearest node_modules/leadsim, else to the running package', () => {
    const root = tempDir('init-nested');
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(root, 'node_modules', 'leadsim'), 'dir');
    const proj = join(root, 'sub', 'proj');
    initProject({ dir: proj });
    const schemaOf = (file: string) => (JSON.parse(readFileSync(join(proj, file), 'utf8')) as { $schema: string }).$schema;
    expect(schemaOf('leadsim.config.json')).toBe('../../node_modules/leadsim/schemas/leadsim.config.schema.json');
    expect(schemaOf('scenarios/examples/web-form-demo-request.json')).toBe('../../../../node_modules/leadsim/scenarios/scenario.schema.json');
    expect(schemaOf('scenarios/graphs/default.json')).toBe('../../../../node_modules/leadsim/scenarios/graphs/graph.schema.json');
    const alone = join(tempDir('init-alone'), 'sub', 'proj');
    initProject({ dir: alone });
    for (const dir of [proj, alone]) {
      for (const f of initFiles().filter((file) => file.path.endsWith('.json'))) {
        const schema = (JSON.parse(readFileSync(join(dir, f.path), 'utf8')) as { $schema: string }).$schema;
        expect(existsSync(resolve(dirname(join(dir, f.path)), schema)), `${dir}/${f.path}: ${schema}`).toBe(true);
      }
    }
  });
});
