import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkInvariants, formatViolation, type InvariantId } from '../../src/invariants/index.ts';
import { DEFAULT_JOBS } from '../../src/pipeline/jobs/index.ts';
import { loadScenario } from '../../src/scenarios/loadScenario.ts';
import { runScenario } from '../../src/scenarios/runScenario.ts';
import { setUserStatus } from '../../src/simulation/actions/index.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate, type SimulateOptions } from '../../src/simulation/simulate.ts';
import {
  caseSensitiveSearch,
  complianceBeforeStandardize,
  duplicateRuleBypassedForThePipeline,
  everyThirdLeadCreateLosesItsAnswer,
  forgetfulRoute,
  overwritingUpsert,
  replaceJob,
  retryCreatesAgain,
  staleOrg,
  withoutRule1,
  routeSkippingContacts,
  swapJob,
} from './brokenPipelines.ts';

// The evidence form of every invariant reads only what any pipeline leaves behind: records, field histories, the
// systems' request logs and the deliveries. Here it alone (no traces) judges the reference pipeline and the same
// deliberately broken variants the trace form catches (brokenVariants.test.ts, brokenPipelines.test.ts).

afterEach(() => {
  vi.restoreAllMocks();
});

const SEED = 1;
const LEADS = 150;

function evidenceViolations(run: RunRecord, id?: InvariantId): string[] {
  return checkInvariants(run, { forms: 'evidence', ...(id ? { only: [id] } : {}) }).violations.map((v) => formatViolation(v));
}

async function simulated(options: Omit<SimulateOptions, 'seed' | 'leads'> = {}, seed = SEED, leads = LEADS): Promise<RunRecord> {
  return simulate({ seed, leads, redeliveryRate: 0.05, ...options });
}

const scenario = (path: string) => loadScenario(fileURLToPath(new URL(`../../scenarios/${path}`, import.meta.url)));

describe('the evidence forms pass the reference pipeline', () => {
  test.each([
    ['no faults', {}],
    ['faults of every kind', { faults: { serverError: 0.03, rateLimit: 0.02, timeout: 0.02, lostResponse: 0.04 } }],
  ] as const)('a simulation with %s', async (_name, options) => {
    expect(evidenceViolations(await simulated(options, 2, 200))).toEqual([]);
  });

  test('every shipped scenario', async () => {
    for (const file of ['routing/rule-1-partner-sponsored-event.json', 'partner/contact-shared-to-prm.json', 'partner/recalled-then-joint-campaign.json', 'fresh-data/out-of-office.json', 'fresh-data/new-campaign.json']) {
      expect({ file, violations: evidenceViolations((await runScenario(scenario(file))).run) }).toEqual({ file, violations: [] });
    }
  });
});

describe('the evidence forms catch the deliberately broken pipelines on their own', () => {
  test('no-duplicates: a case-sensitive dedupe', async () => {
    duplicateRuleBypassedForThePipeline();
    const found = evidenceViolations(await simulated({ jobs: replaceJob(caseSensitiveSearch) }), 'no-duplicates');
    expect(found[0]).toMatch(/^no-duplicates — person 00Q\w+, event [a-z-]+:evt-\d+: \d live people share the email/);
  });

  test('country-before-compliance: compliance decided before the country is standardized', async () => {
    const found = evidenceViolations(await simulated({ jobs: complianceBeforeStandardize() }), 'country-before-compliance');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/Mailability__c was set to "Not mailable", but the country then was [A-Z]{2}( \(from "[^"]+"\))?, and with consent (unknown|opt-in|opt-out) that is "(Mailable|Opt-in required)"; expected compliance to decide after the country is standardized, on the ISO code\./);
  });

  test.each(['marketo', 'impartner'] as const)('one-process: the %s native integration switched on', async (connector) => {
    const found = evidenceViolations(await simulated({ nativeIntegrations: { [connector]: true } }), 'one-process');
    expect(found[0]).toMatch(new RegExp(`created by ${connector === 'marketo' ? 'Marketo' : 'Impartner'} Sync \\(005\\w+\\) through native:${connector}, outside the pipeline`));
  });

  test('one-process: a retry after a lost answer that creates a second lead', async () => {
    everyThirdLeadCreateLosesItsAnswer();
    duplicateRuleBypassedForThePipeline();
    const found = evidenceViolations(await simulated({ jobs: replaceJob(retryCreatesAgain) }), 'one-process');
    expect(found.some((m) => /Lead \w+ is a second lead created for delivery [a-z-]+:evt-\d+ \([\w-]+(, [\w ]+)?\) \(the first is \w+\), through #\d+ POST \/services\/data\/v62\.0\/sobjects\/Lead → 201/.test(m))).toBe(true);
  });

  test('partner-queue: rule 1 removed from the graph', async () => {
    const found = evidenceViolations(await simulated({ graph: withoutRule1() }), 'partner-queue');
    expect(found.join('\n')).toContain('expected the Partner Queue (rule 1: partner sponsored event');
  });

  test('partner-queue: a pipeline that never shares contacts', async () => {
    const broken = await runScenario(scenario('partner/contact-shared-to-prm.json'), { prepare: (h) => swapJob(h, routeSkippingContacts) });
    expect(evidenceViolations(broken.run, 'partner-queue').join('\n')).toMatch(/Contact 003\w+ meets rule 1: .*, but it has no Impartner prospect with its id as CrmId/);
  });

  test('update-never-blanks: an upsert that blanks filled fields', async () => {
    const found = evidenceViolations(await simulated({ jobs: replaceJob(overwritingUpsert) }, 2), 'update-never-blanks');
    expect(found[0]).toMatch(/blanked Lead\.(Title|Phone)|blanked Contact\.(Title|Phone)/);
  });

  test('every-person-owned: no route job', async () => {
    const found = evidenceViolations(await simulated({ jobs: DEFAULT_JOBS.filter((j) => j.name !== 'route') }, 2, 60), 'every-person-owned');
    expect(found[0]).toContain('Integration User');
  });

  test('round-robin-fair: a route job that forgets whose turn it is', async () => {
    const found = evidenceViolations(await simulated({ jobs: replaceJob(forgetfulRoute) }, 2), 'round-robin-fair');
    expect(found[0]).toMatch(/^round-robin-fair — event \S+: Round robin SDR:(AMER|EMEA|APJ) assigned/);
  });

  test('fresh-routing-data: an org cache nothing refreshes (a rep out of office, a new campaign)', async () => {
    const ooo = await runScenario(scenario('fresh-data/out-of-office.json'), { prepare: staleOrg });
    expect(evidenceViolations(ooo.run, 'fresh-routing-data')[0]).toMatch(/The pipeline gave Lead 00Q\w+ to Blake Rivera \(005\w+, SDR\), who was out of office at /);
    const campaign = await runScenario(scenario('fresh-data/new-campaign.json'), { prepare: staleOrg });
    expect(evidenceViolations(campaign.run, 'fresh-routing-data')[0]).toMatch(/names campaign "Partner Event - Northwind Spring Roadshow", which the CRM held \(Campaign 701\w+ .*\), but Lead 00Q\w+ is not its member after it/);
  });

  test('no-event-lost: a consumer that takes a delivery off the intake and drops it', async () => {
    const h = await createHarness({ seed: 2 });
    try {
      await h.send({ entryPoint: 'chat', payload: { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'dropped@fresh-domain.example' } } } });
      h.world.intake.take();
      expect(evidenceViolations(h.record(), 'no-event-lost')).toEqual([
        expect.stringContaining('Delivery chat:evt-000001 (chat) was made and never handed to the pipeline; expected every delivery to end processed, merged, rejected with a reason, or parked with one.'),
      ]);
    } finally {
      await h.close();
    }
  });

  test('redelivery-idempotent: a delivery handled again after it was done, which routes the person again', async () => {
    const h = await createHarness({ seed: 2 });
    try {
      const first = await h.deliver({ entryPoint: 'chat', payload: { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'twice@fresh-domain.example', attributes: { country_name: 'US' } } } } });
      const outcome = first.traces[0]!.outcome!;
      const owner = outcome.kind === 'created' ? h.world.crm.get('Lead', outcome.personId)?.['OwnerId'] : undefined;
      expect(evidenceViolations(h.record(), 'redelivery-idempotent')).toEqual([]);
      // The owner leaves; the broken intake then processes the repeat as new, and routing moves the person.
      expect((await setUserStatus(h, String(owner), 'inactive')).ok).toBe(true);
      await h.pipeline.process(h.world.intake.find('chat', first.id)!);
      const found = evidenceViolations(h.record(), 'redelivery-idempotent');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^redelivery-idempotent — person 00Q\\w+, event chat:${first.id}: delivery chat:${first.id} \\(chat, handling 2\\) came after the pipeline had answered this id, and changed Lead 00Q\\w+\\.OwnerId`));
    } finally {
      await h.close();
    }
  });
});
