import { afterEach, describe, expect, test, vi } from 'vitest';
import { networkError } from '../../src/clients/apiError.ts';
import { SalesforceClient } from '../../src/clients/salesforceClient.ts';
import { checkInvariants, formatViolation, type InvariantId } from '../../src/invariants/index.ts';
import { DEFAULT_JOBS, searchExisting, upsertPerson } from '../../src/pipeline/jobs/index.ts';
import { personFields } from '../../src/pipeline/jobs/personFields.ts';
import type { PipelineJob } from '../../src/pipeline/pipelineJob.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate, type SimulateOptions } from '../../src/simulation/simulate.ts';
import { Crm } from '../../src/systems/crm/crm.ts';
import { DuplicateIndex } from '../../src/systems/crm/duplicateRule.ts';

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

/**
 * The org's duplicate rule does not apply to the pipeline's own writes (an integration profile allowed to save
 * duplicates), so the pipeline's dedupe is the only guard: reps' writes still meet the rule.
 */
function duplicateRuleBypassedForThePipeline(): void {
  let bypass = false;
  const check = DuplicateIndex.prototype.check;
  vi.spyOn(DuplicateIndex.prototype, 'check').mockImplementation(function (this: DuplicateIndex, ...args) {
    return bypass ? undefined : check.apply(this, args);
  });
  const create = Crm.prototype.create;
  vi.spyOn(Crm.prototype, 'create').mockImplementation(function (this: Crm, type, fields, ctx) {
    bypass = ctx.workflow?.startsWith('pipeline:') ?? false;
    try {
      return create.call(this, type, fields, ctx);
    } finally {
      bypass = false;
    }
  });
}

/**
 * Every third lead the pipeline creates is applied but its answer is lost (the client sees a network error), the
 * way a `lostResponse` fault does it, but only for the pipeline's lead creates, so the run stays the same otherwise.
 */
function everyThirdLeadCreateLosesItsAnswer(): void {
  let creates = 0;
  const create = SalesforceClient.prototype.create;
  vi.spyOn(SalesforceClient.prototype, 'create').mockImplementation(async function (this: SalesforceClient, type, fields) {
    const id = await create.call(this, type, fields);
    if (type === 'Lead' && ++creates % 3 === 0) throw networkError('salesforce', `create ${type}`, new Error('response lost'));
    return id;
  });
}

function replaceJob(job: PipelineJob): PipelineJob[] {
  return DEFAULT_JOBS.map((j) => (j.name === job.name ? job : j));
}

/** Dedupe that compares the email as received with the stored one, case and spaces included. */
const caseSensitiveSearch: PipelineJob = {
  name: 'searchExisting',
  async run(work, ctx) {
    const result = await searchExisting.run(work, ctx);
    const raw = (work.trace.steps.find((s) => s.job === 'transform')?.output as { person: { email: string } }).person.email;
    if (work.existing && work.existing.record['Email'] !== raw) {
      delete work.existing;
      return { input: { email: raw }, output: { found: null } };
    }
    return result;
  },
};

/** An upsert whose retry after a lost answer simply creates again. */
const retryCreatesAgain: PipelineJob = {
  name: 'upsertPerson',
  async run(work, ctx) {
    const step = work.trace.steps[work.trace.steps.length - 1]!;
    if (step.attempts === 1 || work.existing) return upsertPerson.run(work, ctx);
    const fields = { ...personFields(work.lead!, 'Lead'), Pipeline_Event_Id__c: work.event.id, ...(work.lead!.owner ? { OwnerId: work.lead!.owner.id } : {}) };
    const id = await ctx.salesforce.create('Lead', fields);
    work.person = { type: 'Lead', id, created: true, record: { Id: id, Status: 'Inquiry', ...fields } };
    return { input: { action: 'create', retry: step.attempts }, output: { action: 'created', type: 'Lead', id, fields } };
  },
};

function withoutRule1(): Graph {
  const graph = structuredClone(loadDefaultGraph()) as Graph;
  const alliance = graph.nodes['isAlliancePartner'];
  if (alliance?.kind !== 'condition') throw new Error('the default graph changed: no isAlliancePartner condition');
  alliance.else = 'isMdfOrTrialCampaign';
  return graph;
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
    const jobs = [...DEFAULT_JOBS];
    const standardize = jobs.splice(1, 1)[0]!;
    jobs.splice(jobs.findIndex((j) => j.name === 'compliance') + 1, 0, standardize);
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

