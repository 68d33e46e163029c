// The example pipeline in examples/lead-pipeline, checked the way its README section says: the sound one holds
// every invariant, each broken variant is caught with a shrunk counterexample, and the replay line it prints fails
// again. Small run counts keep it cheap; the sound pipeline's 200-run sweep on seeds 1-3 is measured by hand
// (README, "Test your own pipeline").
import { describe, expect, it } from 'vitest';
import { cli } from '../scenarios/cliHarness.ts';

const EXAMPLE = 'examples/lead-pipeline';

/** The one replay line a failing check printed, as CLI arguments (without `npx leadsim`). */
function replayArgs(out: string): string[] {
  const lines = [...out.matchAll(/^\s*replay: npx leadsim (.+)$/gm)].map((m) => m[1]!);
  expect(lines.length, out).toBeGreaterThanOrEqual(1);
  return lines[0]!.split(' ');
}

/** The invariants a check report names as violated first. */
function violated(out: string): string {
  return /violated: (.+)$/m.exec(out)?.[1] ?? '';
}

describe('examples/lead-pipeline under leadsim check --pipeline', () => {
  it('the sound pipeline holds every invariant', { timeout: 300_000 }, async () => {
    const { code, out } = await cli('check', '--pipeline', `${EXAMPLE}/pipeline.ts`, '--seed', '1', '--runs', '8');
    expect(out).toContain('All 2 properties held (seed 1, 8 runs each)');
    expect(code).toBe(0);
  });

  it('a pipeline file that is missing or exports no handle is bad input: exit 2, naming the file', async () => {
    const missing = await cli('check', '--pipeline', `${EXAMPLE}/nope.ts`, '--runs', '1');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${EXAMPLE}/nope.ts`);
    const noHandle = await cli('check', '--pipeline', `${EXAMPLE}/src/lead.ts`, '--runs', '1');
    expect(noHandle.code).toBe(2);
    expect(noHandle.err).toMatch(/exports no handle function/);
  });

  it.each([
    ['case-sensitive-lookup', 'batch', /no-duplicates/],
    ['compliance-before-country', 'batch', /country-before-compliance/],
    ['partner-to-named-user', 'batch', /partner-queue/],
    ['retry-creates-second-lead', 'sequence', /one-process/],
  ])('broken/%s is caught (%s) with a shrunk counterexample, and its printed replay fails again', { timeout: 300_000 }, async (variant, property, invariant) => {
    const first = await cli('check', '--pipeline', `${EXAMPLE}/broken/${variant}.ts`, '--seed', '1', '--runs', '40', '--property', property);
    expect(first.code, first.out).toBe(1);
    expect(violated(first.out)).toMatch(invariant);
    expect(first.out).toMatch(/failed after \d+ runs?, shrunk \d+ times/);
    const args = replayArgs(first.out);
    expect(args).toEqual(expect.arrayContaining(['--pipeline', `${EXAMPLE}/broken/${variant}.ts`, '--path']));
    const again = await cli(...args);
    expect(again.code, again.out).toBe(1);
    expect(violated(again.out)).toBe(violated(first.out));
  });

  it('leadsim diff compares pipelines person by person: the reference and the example agree, a broken variant moves partner leads', { timeout: 300_000 }, async () => {
    const scenario = 'scenarios/routing/rule-2-mdf-or-partner-trial.json';
    const same = await cli('diff', '--baseline', 'reference', '--candidate', `${EXAMPLE}/pipeline.ts`, scenario);
    expect(same.out, same.out).toContain('0 differences');
    expect(same.code).toBe(0);
    const moved = await cli('diff', '--baseline', `${EXAMPLE}/pipeline.ts`, '--candidate', `${EXAMPLE}/broken/partner-to-named-user.ts`, scenario);
    expect(moved.out).toMatch(/mdf:\n\s+owner: "queue:Partner Queue" → "\w+" \(unexpected\)/);
    expect(moved.code).toBe(1);
  });
});
