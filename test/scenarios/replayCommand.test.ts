import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, tempDir, writeJson } from './cliHarness.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const DEUTSCHLAND = join(SCENARIOS, 'compliance/deutschland.json');
const dir = tempDir('replay');

afterEach(() => vi.restoreAllMocks());

/** The Deutschland scenario with one wrong expectation. */
function failingScenario(): string {
  const s = JSON.parse(readFileSync(DEUTSCHLAND, 'utf8')) as Record<string, any>;
  s.expect['no-consent'].fields.Mailability__c = 'Mailable';
  return writeJson(dir, 'failing.json', s);
}

describe('leadsim replay', () => {
  it('exits 0 when every expectation and invariant holds', async () => {
    const { code, out } = await cli('replay', DEUTSCHLAND, join(SCENARIOS, 'dedupe'));
    expect(code).toBe(0);
    expect(out).toContain('PASS');
    expect(out).toContain('2 scenarios: 2 passed, 0 failed');
  });

  it('exits 1 and says what was expected and what was found when an expectation fails', async () => {
    const { code, out } = await cli('replay', failingScenario());
    expect(code).toBe(1);
    expect(out).toContain(`FAIL ${dir}/failing.json`);
    expect(out).toContain('  ✗ no-consent fields.Mailability__c: expected "Mailable", got "Opt-in required"');
  });

  it('exits 1 when the candidate graph breaks an invariant the scenario relies on', async () => {
    const graph = JSON.parse(readFileSync(join(SCENARIOS, 'graphs/default.json'), 'utf8')) as Record<string, any>;
    graph.nodes.assignPartnerQueue.target = { queue: 'Inquiry Queue' };
    const file = writeJson(dir, 'broken-graph.json', graph);
    const { code, out } = await cli('replay', join(SCENARIOS, 'routing/rule-1-partner-sponsored-event.json'), '--graph', file);
    expect(code).toBe(1);
    expect(out).toContain('✗ match owner: expected queue:Partner Queue, got queue:Inquiry Queue');
    expect(out).toContain('✗ invariant partner-queue');
  });

  it('exits 2 when a file cannot be loaded, still replays and reports the others, and writes the JUnit file with an error testcase', async () => {
    const bad = writeJson(dir, 'bad.json', { version: 1, name: 'bad', seed: 1, org: { users: [] }, events: [{ kind: 'inbound', id: 'x', entryPoint: 'carrier-pigeon', payload: {} }] });
    const out = join(dir, 'with-error.xml');
    const result = await cli('replay', DEUTSCHLAND, bad, '--reporter', 'junit', '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`$.events[0].entryPoint: unknown entry point`);
    expect(result.out).toContain('FAIL: 1 scenarios, 0 failed, 1 could not be loaded');
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<testsuites name="leadsim replay" tests="');
    expect(xml).toMatch(/errors="1">/);
    expect(xml).toContain(`<testcase classname="${bad}" name="load scenario">`);
    expect(xml).toContain('<error message="Failed to load scenario');
    expect(xml).toContain('name="invariant no-duplicates: ');
    const text = await cli('replay', DEUTSCHLAND, bad);
    expect(text.code).toBe(2);
    expect(text.out).toContain(`PASS ${DEUTSCHLAND}`);
    expect(text.out).toContain(`ERROR ${bad} — could not be loaded (INVALID_SCENARIO), nothing of it ran:`);
    expect(text.out).toContain('1 scenario: 1 passed, 0 failed; ');
    expect(text.out).toContain('; 1 file could not be loaded.');
  });

  it('exits 2 on bad options or a missing path and writes nothing', async () => {
    const earlier = writeJson(dir, 'earlier.xml', '<testsuites/>');
    expect((await cli('replay', DEUTSCHLAND, '--reporter', 'yaml', '--out', earlier)).code).toBe(2);
    expect(readFileSync(earlier, 'utf8')).toBe('<testsuites/>');
    expect((await cli('replay', join(dir, 'missing.json'))).code).toBe(2);
  });

  it('writes JUnit XML atomically: one testsuite per scenario file, a testcase per expectation and per invariant', async () => {
    const out = join(dir, 'junit.xml');
    const { code, out: stdout } = await cli('replay', DEUTSCHLAND, failingScenario(), '--reporter', 'junit', '--out', out);
    expect(code).toBe(1);
    expect(stdout).toContain(`FAIL: 2 scenarios, 1 failed`);
    const xml = readFileSync(out, 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testcase classname="' + DEUTSCHLAND + '" name="no-consent fields.Mailability__c"/>');
    expect(xml).toContain('<failure message="expected &quot;Mailable&quot;, got &quot;Opt-in required&quot;">');
    expect(xml).toContain('name="invariant no-duplicates: ');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no partial or temporary file when the report cannot be written', async () => {
    const out = join(dir, 'no-such-folder', 'junit.xml');
    const { code, err } = await cli('replay', DEUTSCHLAND, '--reporter', 'junit', '--out', out);
    expect(code).toBe(2);
    expect(err).toContain(`Failed to write "${out}": the folder "${join(dir, 'no-such-folder')}" does not exist.`);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the JSON report', async () => {
    const { code, out } = await cli('replay', DEUTSCHLAND, '--reporter', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { ok: boolean; scenarios: { checks: unknown[]; invariants: { id: string }[] }[] };
    expect(report.ok).toBe(true);
    expect(report.scenarios[0]!.invariants.map((r) => r.id)).toContain('partner-queue');
  });
});
