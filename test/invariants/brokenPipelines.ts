import { vi } from 'vitest';
import { networkError } from '../../src/clients/apiError.ts';
import { SalesforceClient } from '../../src/clients/salesforceClient.ts';
import { DEFAULT_JOBS, route, searchExisting, upsertPerson } from '../../src/pipeline/jobs/index.ts';
import { personFields } from '../../src/pipeline/jobs/personFields.ts';
import type { PipelineJob } from '../../src/pipeline/pipelineJob.ts';
import { emptyRoundRobinState } from '../../src/routing/roundRobin.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { Directory } from '../../src/pipeline/directory.ts';
import type { LeadsimHarness } from '../../src/simulation/createHarness.ts';
import { Crm } from '../../src/systems/crm/crm.ts';
import { DuplicateIndex } from '../../src/systems/crm/duplicateRule.ts';

// Deliberately broken variants of the reference pipeline, shared by the tests that show each invariant (in its trace
// form and in its evidence form) catching them.

/**
 * The org's duplicate rule does not apply to the pipeline's own writes (an integration profile allowed to save
 * duplicates), so the pipeline's dedupe is the only guard: reps' writes still meet the rule.
 */
export function duplicateRuleBypassedForThePipeline(): void {
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
export function everyThirdLeadCreateLosesItsAnswer(): void {
  let creates = 0;
  const create = SalesforceClient.prototype.create;
  vi.spyOn(SalesforceClient.prototype, 'create').mockImplementation(async function (this: SalesforceClient, type, fields) {
    const id = await create.call(this, type, fields);
    if (type === 'Lead' && ++creates % 3 === 0) throw networkError('salesforce', `create ${type}`, new Error('response lost'));
    return id;
  });
}

export function replaceJob(job: PipelineJob): PipelineJob[] {
  return DEFAULT_JOBS.map((j) => (j.name === job.name ? job : j));
}

/** Dedupe that compares the email as received with the stored one, case and spaces included. */
export const caseSensitiveSearch: PipelineJob = {
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
export const retryCreatesAgain: PipelineJob = {
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

export function withoutRule1(): Graph {
  const graph = structuredClone(loadDefaultGraph()) as Graph;
  const alliance = graph.nodes['isAlliancePartner'];
  if (alliance?.kind !== 'condition') throw new Error('the default graph changed: no isAlliancePartner condition');
  alliance.else = 'isMdfOrTrialCampaign';
  return graph;
}

/** An upsert that overwrites an existing person's title and phone with whatever came in, blanks included. */
export const overwritingUpsert: PipelineJob = {
  name: 'upsertPerson',
  async run(work, ctx) {
    if (work.existing) {
      const incoming = personFields(work.lead!, work.existing.type);
      const overwrite: Record<string, unknown> = {};
      for (const field of ['Title', 'Phone']) if (work.existing.record[field] && incoming[field] === undefined) overwrite[field] = null;
      if (Object.keys(overwrite).length > 0) await ctx.salesforce.update(work.existing.type, work.existing.record.Id, overwrite);
    }
    return upsertPerson.run(work, ctx);
  },
};

/** A route job that forgets the round-robin state between leads, so every lead goes to the first rep of the pool. */
export const forgetfulRoute: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    ctx.roundRobin = emptyRoundRobinState();
    return route.run(work, ctx);
  },
};

/** A route job that gives contacts the partner statuses but never shares them with the PRM (contacts skipped). */
export const routeSkippingContacts: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    const result = await route.run(work, ctx);
    if (work.person?.type === 'Contact') work.sharePrm = false;
    return result;
  },
};

/** Puts `job` in place of the reference job of the same name in a harness's pipeline (a scenario's `prepare`). */
export function swapJob(h: LeadsimHarness, job: PipelineJob): void {
  (h.pipeline as { jobs: readonly PipelineJob[] }).jobs = replaceJob(job);
}

/** The jobs with standardize moved after compliance: compliance decides on the raw country. */
export function complianceBeforeStandardize(): PipelineJob[] {
  const jobs = [...DEFAULT_JOBS];
  const standardize = jobs.splice(1, 1)[0]!;
  jobs.splice(jobs.findIndex((j) => j.name === 'compliance') + 1, 0, standardize);
  return jobs;
}

/** The kind of fault: an org cache nothing refreshes (the change events it hears are ignored). */
class UnrefreshedDirectory extends Directory {
  override invalidate(): void {}
}

/** Breaks the harness's pipeline on purpose: routing decides on the org as it was when first read. */
export function staleOrg(h: LeadsimHarness): void {
  (h.pipeline.ctx as { directory: Directory }).directory = new UnrefreshedDirectory(h.pipeline.ctx.salesforce, (listener) => h.world.crm.onChange(listener));
}
