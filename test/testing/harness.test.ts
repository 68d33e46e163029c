import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DEFAULT_JOBS } from '../../src/pipeline/jobs/index.ts';
import type { PipelineJob } from '../../src/pipeline/pipelineJob.ts';
import { OrgSpecSchema } from '../../src/org/orgSpec.ts';
import {
  createHarness,
  expectInvariants,
  inboundEventArbitrary,
  installLeadsimMatchers,
  InvariantViolationError,
  orgArbitrary,
  propParameters,
  propPath,
  propRuns,
  propSeed,
  worldHintsFor,
} from '../../src/testing/index.ts';

installLeadsimMatchers(expect);

const SEED = 11;
const hints = worldHintsFor({ seed: SEED });
/** The pipeline broken on purpose: standardize moved after compliance (the CRM then refuses the raw email). */
const COMPLIANCE_FIRST = DEFAULT_JOBS.filter((j) => j.name !== 'standardize').flatMap((j) => (j.name === 'compliance' ? [j, DEFAULT_JOBS.find((s) => s.name === 'standardize')!] : [j]));
/** The pipeline broken on purpose: compliance decides on the country as the vendor sent it. */
const RAW_COUNTRY_COMPLIANCE: readonly PipelineJob[] = DEFAULT_JOBS.map((job) =>
  job.name !== 'compliance'
    ? job
    : {
        name: 'compliance',
        run(work, ctx) {
          const raw = (work.trace.steps.find((s) => s.job === 'transform')?.output as { person?: { country?: string } } | null)?.person?.country;
          if (raw !== undefined) work.lead = { ...work.lead!, person: { ...work.lead!.person, country: raw } };
          return job.run(work, ctx);
        },
      },
);

describe('createHarness', () => {
  test('delivers an event, processes it and records it for the invariants', async () => {
    const h = await createHarness({ seed: SEED });
    const [event] = fc.sample(inboundEventArbitrary(h.hints, { weights: { chat: 1 } }), { seed: 1, numRuns: 1 });
    const delivery = await h.deliver(event!);
    expect(delivery.id).toBe('evt-000001');
    expect(delivery.traces.map((t) => t.eventId)).toEqual(['chat:evt-000001']);
    expect(h.record().traces).toHaveLength(1);
    expect(h).toHoldInvariants();
    await h.close();
  });

  test('a redelivered webhook is acknowledged and ignored, and the run still holds', async () => {
    const h = await createHarness({ seed: SEED });
    const [event] = fc.sample(inboundEventArbitrary(h.hints, { weights: { 'ad-vendor': 1 } }), { seed: 2, numRuns: 1 });
    const { id } = await h.deliver(event!);
    expect(await h.redeliver(id)).toEqual([]);
    expect(h.record().redelivered).toEqual([`ad-vendor:${id}`]);
    expect(h.world.intake.duplicates).toBe(1);
    expectInvariants(h);
    await h.close();
  });

  test.prop([fc.array(inboundEventArbitrary(hints), { minLength: 1, maxLength: 6 })], propParameters(8))('generated leads from every entry point hold every invariant', async (events) => {
    const h = await createHarness({ seed: SEED });
    for (const event of events) await h.deliver(event);
    expect(h).toHoldInvariants();
    await h.close();
  });
});

describe('toHoldInvariants on a broken pipeline', () => {
  test('fails naming the invariant, the person and event, the trace and the replay command', async () => {
    const h = await createHarness({ seed: SEED, jobs: COMPLIANCE_FIRST });
    const events = fc.sample(inboundEventArbitrary(h.hints, { weights: { 'web-form': 1 } }), { seed: 3, numRuns: 2 });
    for (const event of events) await h.deliver(event);
    let message = '';
    try {
      expect(h).toHoldInvariants();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').slice(0, 3)).toMatchInlineSnapshot(`
      [
        "expected the run to hold every invariant",
        "",
        "1 invariant violated (seed 11): one-process",
      ]
    `);
    expect(message).toContain('✗ one-process: One process (2 violations)');
    expect(message).toContain('one-process — event web-form:evt-000001: Event web-form:evt-000001 (web-form) run 1 ran intake → transform → validate → searchExisting → matchAccount → upsertPerson: step 3 is validate where standardize belongs');
    expect(message).toContain("trace of the first violation's event:");
    expect(message).toMatch(/event web-form:evt-000001 \(web-form\) → rejected at upsertPerson: /);
    expect(message).toMatch(/ 6\. upsertPerson +in null → out null error: Failed to create Lead on salesforce: INVALID_EMAIL_ADDRESS/);
    expect(message).toContain(`Replay: npx vitest run test/testing/harness.test.ts -t '(^| )toHoldInvariants on a broken pipeline fails naming the invariant, the person and event, the trace and the replay command$'`);
    await h.close();
  });

  test('expectInvariants throws the same report as an error carrying the violations', async () => {
    const h = await createHarness({ seed: SEED, jobs: RAW_COUNTRY_COMPLIANCE });
    for (const event of fc.sample(inboundEventArbitrary(h.hints), { seed: 4, numRuns: 8 })) await h.deliver(event);
    const thrown = (() => {
      try {
        expectInvariants(h, { only: ['country-before-compliance'], replay: 'npx vitest run test/testing' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(InvariantViolationError);
    const error = thrown as InvariantViolationError;
    expect(error.report.results.map((r) => r.id)).toEqual(['country-before-compliance']);
    expect(error.report.violations[0]?.message).toMatch(/^Event [a-z-]+:evt-\d+: compliance decided on "[^"]+", /);
    expect(error.message).toMatch(/trace of the first violation's event:\n    event [a-z-]+:evt-\d+ /);
    expect(error.message).toMatch(/Replay: npx vitest run test\/testing$/);
    await h.close();
  });
});

describe('budget and generators', () => {
  test('propRuns and propSeed read the environment, and refuse nonsense', () => {
    expect(propRuns(15, {})).toBe(15);
    expect(propRuns(15, { LEADSIM_PROP_RUNS: '500' })).toBe(500);
    expect(propSeed({ LEADSIM_SEED: '-7' })).toBe(-7);
    expect(propParameters(3, { LEADSIM_PROP_RUNS: '9', LEADSIM_SEED: '42' })).toEqual({ numRuns: 9, seed: 42, reporter: expect.any(Function) });
    expect(propParameters(3, { LEADSIM_SEED: '42', LEADSIM_PATH: '4:1:0' })).toEqual({ numRuns: 3, seed: 42, path: '4:1:0', endOnFailure: true, reporter: expect.any(Function) });
    expect(() => propPath({ LEADSIM_PATH: 'first' })).toThrowErrorMatchingInlineSnapshot(`[RangeError: Failed to read LEADSIM_PATH "first": it is not a fast-check path such as 4:1:0. Set it to the path a failure printed.]`);
    expect(() => propRuns(15, { LEADSIM_PROP_RUNS: 'lots' })).toThrowErrorMatchingInlineSnapshot(`[RangeError: Failed to read LEADSIM_PROP_RUNS "lots": it is not a positive integer. Set it to the number of runs, e.g. LEADSIM_PROP_RUNS=500.]`);
  });

  test.prop([orgArbitrary({ existingPeople: 3, accounts: 4 })], { numRuns: propRuns(3) })('orgArbitrary draws valid orgs', (org) => {
    expect(OrgSpecSchema.safeParse(org).success).toBe(true);
  });
});
