import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/loadScenario.ts';
import { replayScenarios } from '../../src/scenarios/replayScenarios.ts';

const SHIPPED = fileURLToPath(new URL('../../scenarios/routing/rule-1-partner-sponsored-event.json', import.meta.url));
const GRAPH = fileURLToPath(new URL('../../scenarios/graphs/default.json', import.meta.url));

describe('paths a scenario names may be absolute', () => {
  it('loads and replays a scenario whose org and graph are absolute paths in other folders', async () => {
    const json = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, unknown>;
    const orgFile = join(mkdtempSync(join(tmpdir(), 'leadsim-abs-org-')), 'leadsim.org.json');
    writeFileSync(orgFile, JSON.stringify(json['org']));
    const file = join(mkdtempSync(join(tmpdir(), 'leadsim-abs-scenario-')), 'rule-1.json');
    writeFileSync(file, JSON.stringify({ ...json, $schema: undefined, org: orgFile, graph: GRAPH }));
    const loaded = loadScenario(file);
    expect(loaded.orgFile).toBe(orgFile);
    const report = await replayScenarios([file]);
    expect(report.ok).toBe(true);
  });
});
