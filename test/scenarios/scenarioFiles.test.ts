import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../src/scenarios/findScenarioFiles.ts';
import { replayScenarios } from '../../src/scenarios/replayScenarios.ts';
import { SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema } from '../../src/scenarios/scenarioJsonSchema.ts';
import { SHIPPED, shippedScenario } from './shipped/shippedScenarios.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

describe('shipped scenario files', () => {
  it('the committed JSON Schema is up to date (regenerate: npm run schemas)', () => {
    expect(readFileSync(SCENARIO_JSON_SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchema());
  });

  it('each shipped file is what its generator writes (regenerate: npx tsx test/scenarios/shipped/writeShippedScenarios.ts)', () => {
    for (const [path, spec] of Object.entries(SHIPPED)) {
      expect(readFileSync(join(SCENARIOS, path), 'utf8'), path).toBe(`${JSON.stringify(shippedScenario(path, spec), null, 2)}\n`);
    }
  });

  it('covers every entry point, every routing rule, reassignment, dedupe and the Deutschland case', () => {
    const files = findScenarioFiles([SCENARIOS]).map((f) => f.slice(SCENARIOS.length));
    expect(files).toEqual(expect.arrayContaining(['compliance/deutschland.json', 'dedupe/existing-contact.json', 'reassignment/handbook-steps.json']));
    for (const ep of ['web-form', 'chat', 'ad-vendor', 'list-upload', 'sales-created', 'partner-portal', 'trial-sign-up']) expect(files).toContain(`entry-points/${ep}.json`);
    for (const rule of [1, 2, 3, 4, 5, 6]) expect(files.some((f) => f.startsWith(`routing/rule-${rule}-`))).toBe(true);
    expect(files.some((f) => f.startsWith('graphs/') || f.endsWith('.schema.json'))).toBe(false);
  });

  it('the whole folder replays green: every expectation and every invariant holds', async () => {
    const report = await replayScenarios(findScenarioFiles([SCENARIOS]));
    const failures = report.scenarios.flatMap((s) => [...s.checks.filter((c) => !c.ok).map((c) => `${s.file}: ${c.person} ${c.what}: expected ${c.expected}, got ${c.actual}`), ...s.invariants.filter((r) => !r.ok).map((r) => `${s.file}: invariant ${r.id}: ${r.violations[0]?.message}`)]);
    expect(failures).toEqual([]);
    expect(report.counts.scenarios).toBe(Object.keys(SHIPPED).length);
    expect(report.counts.checks).toBeGreaterThan(100);
  }, 60_000);
});
