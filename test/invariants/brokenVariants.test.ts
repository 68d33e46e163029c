import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkInvariants, formatViolation, type InvariantId } from '../../src/invariants/index.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate, type SimulateOptions } from '../../src/simulation/simulate.ts';
import { caseSensitiveSearch, complianceBeforeStandardize, duplicateRuleBypassedForThePipeline, everyThirdLeadCreateLosesItsAnswer, replaceJob, retryCreatesAgain, withoutRule1 } from './brokenPipelines.ts';

const SEED = 1;
const LEADS = 150;

afterEach(() => {
  vi.restoreAllMocks();
});

async function violationsOf(id: InvariantId, options: Omit<SimulateOptions, 'seed' | 'leads'> = {}): Promise<{ run: RunRecord; count: number; first: string | undefined }> {
  const run = await simulate({ seed: SEED, leads: LEADS, redeliveryRate: 0.05, ...options });
  const [result] = checkInvariants(run, { only: [id] }).results;
  return { run, count: result!.violations.length, first: result!.violations[0] && formatViolation(result!.violations[0]) };
}

describe('each invariant catches a deliberately broken pipeline, and the sound one on the same seed passes', () => {
  test('the sound pipeline passes every invariant', async () => {
    const report = checkInvariants(await simulate({ seed: SEED, leads: LEADS, redeliveryRate: 0.05 }));
    expect(report.violations.map((v) => formatViolation(v))).toEqual([]);
  });

  test('no-duplicates catches a case-sensitive dedupe', async () => {
    duplicateRuleBypassedForThePipeline();
    const sound = await violationsOf('no-duplicates');
    const broken = await violationsOf('no-duplicates', { jobs: replaceJob(caseSensitiveSearch) });
    expect(sound.first).toBeUndefined();
    expect(broken.count).toBeGreaterThan(0);
    expect(broken.first).toMatch(/^no-duplicates — person 00Q\w+, event [a-z-]+:evt-\d+: \d live people share the email/);
  });

  test('country-before-compliance (and one-process) catch compliance run before standardization', async () => {
    const jobs = complianceBeforeStandardize();
    const sound = await violationsOf('country-before-compliance');
    const broken = await violationsOf('country-before-compliance', { jobs });
    expect(sound.count).toBe(0);
    expect(broken.count).toBeGreaterThan(0);
    expect(broken.first).toContain('compliance ran before standardize');
    expect(checkInvariants(broken.run, { only: ['one-process'] }).ok).toBe(false);
  });

  test.each(['marketo', 'impartner'] as const)('one-process catches the %s native integration switched on', async (connector) => {
    const sound = await violationsOf('one-process');
    const broken = await violationsOf('one-process', { nativeIntegrations: { [connector]: true } });
    expect(sound.count).toBe(0);
    expect(broken.count).toBeGreaterThan(0);
    expect(broken.first).toContain(`through native:${connector}, outside the pipeline`);
  });

  test('partner-queue catches rule 1 removed from the default graph', async () => {
    const sound = await violationsOf('partner-queue');
    const broken = await violationsOf('partner-queue', { graph: withoutRule1() });
    expect(sound.count).toBe(0);
    expect(broken.count).toBeGreaterThan(0);
    expect(broken.first).toContain('expected the Partner Queue (rule 1: partner sponsored event');
  });

  test('one-process and no-duplicates catch a retry that creates a second lead after a lost answer', async () => {
    everyThirdLeadCreateLosesItsAnswer();
    const sound = await violationsOf('one-process');
    duplicateRuleBypassedForThePipeline();
    const broken = await violationsOf('one-process', { jobs: replaceJob(retryCreatesAgain) });
    expect(sound.count).toBe(0);
    expect(broken.count).toBeGreaterThan(0);
    const messages = checkInvariants(broken.run, { only: ['one-process'] }).violations.map((v) => v.message);
    expect(messages.some((m) => /^Lead \w+ is a second lead created for event \S+ \(the first is \w+\)/.test(m))).toBe(true);
    expect(checkInvariants(broken.run, { only: ['no-duplicates'] }).ok).toBe(false);
  });
});

