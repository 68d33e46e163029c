import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_JSON_SCHEMA_PATH, loadProjectConfig, projectConfigJsonSchema } from '../../src/config/index.ts';
import { InputError } from '../../src/core/errors.ts';
import { ORG_JSON_SCHEMA_PATH, orgJsonSchema } from '../../src/org/orgJsonSchema.ts';
import { tempDir } from '../scenarios/cliHarness.ts';

function write(file: string, value: unknown): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

describe('leadsim.config.json', () => {
  it('without a config, every default is relative to the working directory', () => {
    const dir = tempDir('no-config');
    const config = loadProjectConfig(dir);
    expect(config).toMatchObject({ file: undefined, root: dir, graph: 'scenarios/graphs/default.json', scenarios: ['scenarios'], seed: 42, reporters: [{ type: 'text' }] });
    expect(config.org).toBeUndefined();
    expect(config.entryPoints).toHaveLength(7);
    expect(config.nativeIntegrations).toEqual({ marketo: false, impartner: false, chat: false });
  });

  it('is found from a subfolder, and its paths resolve against its own folder', () => {
    const root = tempDir('config');
    write(join(root, 'leadsim.config.json'), { graph: 'routing/live.json', scenarios: ['qa/scenarios'], org: 'org.json', seed: 7, reporters: [{ type: 'junit', out: 'reports/replay.xml' }], nativeIntegrations: { marketo: true } });
    const sub = join(root, 'packages', 'app');
    mkdirSync(sub, { recursive: true });
    const config = loadProjectConfig(sub);
    expect(config.file).toBe('../../leadsim.config.json');
    expect(config.root).toBe(root);
    expect(config.graph).toBe('../../routing/live.json');
    expect(config.scenarios).toEqual(['../../qa/scenarios']);
    expect(config.org).toBe('../../org.json');
    expect(config.reporters).toEqual([{ type: 'junit', out: '../../reports/replay.xml' }]);
    expect(config.seed).toBe(7);
    expect(config.nativeIntegrations).toEqual({ marketo: true, impartner: false, chat: false });
    const atRoot = loadProjectConfig(root);
    expect(atRoot).toMatchObject({ file: 'leadsim.config.json', graph: 'routing/live.json', org: 'org.json', scenarios: ['qa/scenarios'] });
  });

  it('names the file, the JSON path, what was expected and what was found when it does not fit', () => {
    const root = tempDir('bad-config');
    write(join(root, 'leadsim.config.json'), { graph: 3, seeds: 1, entryPoints: ['fax'] });
    expect(() => loadProjectConfig(root)).toThrow(InputError);
    try {
      loadProjectConfig(root);
    } catch (error) {
      expect((error as InputError).code).toBe('INVALID_CONFIG');
      expect((error as InputError).message).toMatchInlineSnapshot(`
        "Failed to read leadsim config "leadsim.config.json": 3 problems found.
          leadsim.config.json $.graph: Invalid input: expected string, received number (got 3)
          leadsim.config.json $.entryPoints[0]: Invalid option: expected one of "web-form"|"chat"|"ad-vendor"|"list-upload"|"sales-created"|"partner-portal"|"trial-sign-up" (got "fax")
          leadsim.config.json $.seeds: unknown key "seeds" (expected one of $schema, graph, scenarios, org, seed, entryPoints, nativeIntegrations, faults, reporters, serve, got "seeds")
        Fix the config (editors check it against node_modules/leadsim/schemas/leadsim.config.schema.json, its "$schema")."
      `);
    }
    write(join(root, 'leadsim.config.json'), '{ "graph": ');
    expect(() => loadProjectConfig(root)).toThrow(/leadsim.config.json \$: invalid JSON/);
  });

  it('has committed JSON Schemas for the config and for org specs that are up to date (regenerate: npm run schemas)', () => {
    expect(readFileSync(CONFIG_JSON_SCHEMA_PATH, 'utf8')).toBe(projectConfigJsonSchema());
    expect(readFileSync(ORG_JSON_SCHEMA_PATH, 'utf8')).toBe(orgJsonSchema());
  });
});
