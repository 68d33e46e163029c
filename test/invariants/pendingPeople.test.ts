import { afterEach, describe, expect, test } from 'vitest';
import { checkInvariants, type InvariantId } from '../../src/invariants/index.ts';
import { pendingPeople } from '../../src/invariants/pendingPeople.ts';
import { DEFAULT_JOBS } from '../../src/pipeline/jobs/index.ts';
import type { PipelineJob } from '../../src/pipeline/pipelineJob.ts';
import { summarize } from '../../src/report/simulationSummary.ts';
import { formatSimulationReport } from '../../src/report/formatSimulationReport.ts';
import { createHarness, type LeadsimHarness } from '../../src/simulation/createHarness.ts';

const OWNER_AND_PARTNER: InvariantId[] = ['every-person-owned', 'partner-queue'];
const chat = (email: string) => ({ entryPoint: 'chat' as const, payload: { type: 'conversation.lead_captured' as const, data: { conversationId: 1, contact: { email, name: 'Pat Pending' } } } });

/** The default jobs, with `job` parking every event on its first run (the lead is written by then) and `route` swapped. */
function jobs(parkAt: string, route?: PipelineJob): PipelineJob[] {
  return DEFAULT_JOBS.map((job) => {
    if (job.name === 'route' && route) return route;
    if (job.name !== parkAt) return job;
    return { name: job.name, run: async (work, ctx) => (work.trace.runs === 1 ? { input: null, output: null, park: 'test: the API answered 503 four times' } : job.run(work, ctx)) };
  });
}

/** A broken pipeline: the retry of a parked event skips routing and reports the event done. */
const routeSkippedOnRetry: PipelineJob = {
  name: 'route',
  run: async (work, ctx) => (work.trace.runs > 1 ? { input: null, output: { skipped: true } } : DEFAULT_JOBS.find((j) => j.name === 'route')!.run(work, ctx)),
};

let h: LeadsimHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a parked event may leave its person pending, and only while it is parked', () => {
  test('a lead created before its event parked is pending: owned by the integration user, shown in the report, allowed', async () => {
    h = await createHarness({ seed: 21, jobs: jobs('attribution') });
    const [trace] = (await h.deliver(chat('pat.pending@fresh-domain.example'))).traces;
    expect(trace!.outcome).toMatchObject({ kind: 'parked', job: 'attribution' });
    const lead = [...h.world.crm.records('Lead')].find((l) => l['Email'] === 'pat.pending@fresh-domain.example')!;
    expect(lead['OwnerId']).toBe(h.world.crm.integrationUserId);
    const run = h.record();
    expect([...pendingPeople(run).values()]).toEqual([{ personId: lead.Id, eventId: 'chat:evt-000001', job: 'attribution', reason: 'test: the API answered 503 four times' }]);
    expect(checkInvariants(run).ok).toBe(true);
    const report = formatSimulationReport(summarize(run), [], { replayCommand: 'x' });
    expect(report).toContain('Pending: 1 person an event still parked holds');
    expect(report).toContain(`${lead.Id}  owner Integration User (${h.world.crm.integrationUserId})  event chat:evt-000001 parked at attribution: test: the API answered 503 four times`);
  });

  test('the retry completes the lead: routed, nobody pending, every invariant holds', async () => {
    h = await createHarness({ seed: 21, jobs: jobs('attribution') });
    await h.deliver(chat('pat.pending@fresh-domain.example'));
    const [retried] = await h.retryParked();
    expect(retried!.outcome).toMatchObject({ kind: 'created' });
    expect(retried!.routedTo).toBeDefined();
    const run = h.record();
    expect(pendingPeople(run).size).toBe(0);
    expect(checkInvariants(run).ok).toBe(true);
  });

  test('a retry that reports the event done without routing it is caught: the lead is no longer pending', async () => {
    h = await createHarness({ seed: 21, jobs: jobs('attribution', routeSkippedOnRetry) });
    await h.deliver(chat('pat.pending@fresh-domain.example'));
    await h.retryParked();
    const report = checkInvariants(h.record(), { only: OWNER_AND_PARTNER });
    expect(report.violations.map((v) => v.invariant)).toEqual(['every-person-owned']);
    expect(report.violations[0]!.message).toMatch(/is owned by user Integration User .*who has no sales role/);
  });

  test('a lead whose create answer was lost before the event parked is found by its event id', async () => {
    // The create is applied, its answer lost, and every later try parks: no step recorded the lead's id.
    const lostCreate: PipelineJob = {
      name: 'upsertPerson',
      run: async (work, ctx) => {
        if (work.trace.runs > 1) return DEFAULT_JOBS.find((j) => j.name === 'upsertPerson')!.run(work, ctx);
        await DEFAULT_JOBS.find((j) => j.name === 'upsertPerson')!.run(work, ctx);
        return { input: null, output: null, park: 'salesforce NETWORK_ERROR after 4 tries' };
      },
    };
    h = await createHarness({ seed: 22, jobs: DEFAULT_JOBS.map((j) => (j.name === 'upsertPerson' ? lostCreate : j)) });
    await h.deliver(chat('lost.answer@fresh-domain.example'));
    const lead = [...h.world.crm.records('Lead')].find((l) => l['Email'] === 'lost.answer@fresh-domain.example')!;
    expect(lead['Pipeline_Event_Id__c']).toBe('chat:evt-000001');
    expect(pendingPeople(h.record()).get(lead.Id)).toMatchObject({ eventId: 'chat:evt-000001', job: 'upsertPerson' });
    expect(checkInvariants(h.record()).ok).toBe(true);
    await h.retryParked();
    expect(pendingPeople(h.record()).size).toBe(0);
    expect(h.world.crm.get('Lead', lead.Id)?.['OwnerId']).not.toBe(h.world.crm.integrationUserId);
    expect(checkInvariants(h.record()).ok).toBe(true);
  });
});
