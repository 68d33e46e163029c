import { describe, expect, test } from 'vitest';
import { leadFlowAudit } from '../../src/audit/leadFlowAudit.ts';
import { checkInvariants } from '../../src/invariants/index.ts';
import { DEFAULT_JOBS } from '../../src/pipeline/jobs/index.ts';
import type { JobName } from '../../src/pipeline/jobNames.ts';
import { summarizeTrace } from '../../src/pipeline/summarizedTrace.ts';
import { TraceStore } from '../../src/pipeline/traceStore.ts';
import { evidenceOfStep } from '../../src/pipeline/traceEvidence.ts';
import { callsBySystem } from '../../src/pipeline/trace.ts';
import { summarize } from '../../src/report/simulationSummary.ts';
import { simulate } from '../../src/simulation/simulate.ts';

const SEED = 3;
const LEADS = 90;

/** Per invariant, its violations: person, event and message (the evidence is what a summary keeps of the steps). */
function verdicts(run: Awaited<ReturnType<typeof simulate>>): Record<string, string[]> {
  return Object.fromEntries(checkInvariants(run).results.map((r) => [r.id, r.violations.map((v) => `${v.personId} ${v.eventId} ${v.message}`)]));
}

const without = (...names: JobName[]) => DEFAULT_JOBS.filter((j) => !names.includes(j.name));

describe('summarized traces', () => {
  // Sound and broken pipelines: each broken one breaks some invariants, and the summaries must say so as the full
  // traces do (an invariant that starts reading more of a step than src/pipeline/traceEvidence.ts keeps fails here).
  test.each([
    ['the sound pipeline', DEFAULT_JOBS],
    ['a pipeline without its route job', without('route')],
    ['a pipeline without its sync and compliance jobs', without('sync', 'compliance')],
    ['a pipeline without account matching and attribution', without('matchAccount', 'attribution')],
  ])('give the invariants, the report and the audit the same verdicts as full traces: %s', async (_, jobs) => {
    const full = await simulate({ seed: SEED, leads: LEADS, jobs, redeliveryRate: 0.05, traces: 'full' });
    const summary = await simulate({ seed: SEED, leads: LEADS, jobs, redeliveryRate: 0.05, traces: 'summary' });
    expect(summary.traces.some((t) => t.callCounts !== undefined)).toBe(true);
    expect(verdicts(summary)).toEqual(verdicts(full));
    expect(summarize(summary)).toEqual(summarize(full));
    expect(leadFlowAudit(summary)).toEqual(leadFlowAudit(full));
    if (jobs !== DEFAULT_JOBS) expect(Object.values(verdicts(full)).flat().length).toBeGreaterThan(0);
  });

  test('keep each step (job, times, attempts, status, error), the outcome and the calls per system; serialize as a plain trace', async () => {
    const run = await simulate({ seed: SEED, leads: 20, traces: 'full' });
    for (const trace of run.traces) {
      const summary = summarizeTrace(trace, new TraceStore());
      const keep = (t: typeof trace) => ({ eventId: t.eventId, outcome: t.outcome, finishedAt: t.finishedAt, routedTo: t.routedTo, speed: t.speedToLeadMs, steps: t.steps.map((s) => ({ job: s.job, startedAt: s.startedAt, finishedAt: s.finishedAt, attempts: s.attempts, status: s.status, error: s.error })) });
      expect(keep(summary)).toEqual(keep(trace));
      expect(callsBySystem(summary)).toEqual(callsBySystem(trace));
      expect(JSON.parse(JSON.stringify(summary))).toMatchObject({ eventId: trace.eventId, steps: expect.any(Array) });
    }
  });

  test("read back every field, and each step's evidence as JSON would, from one store shared by the run", async () => {
    const run = await simulate({ seed: SEED, leads: 60, redeliveryRate: 0.05, traces: 'full' });
    const store = new TraceStore();
    const summaries = run.traces.map((trace) => summarizeTrace(trace, store));
    const plain = (t: (typeof run.traces)[number]) => ({ eventId: t.eventId, entryPoint: t.entryPoint, receivedAt: t.receivedAt, runs: t.runs, outcome: t.outcome, finishedAt: t.finishedAt, speedToLeadMs: t.speedToLeadMs, routedTo: t.routedTo, calls: callsBySystem(t) });
    const evidence = (t: (typeof run.traces)[number]) => JSON.parse(JSON.stringify(t.steps.map((s) => ({ ...evidenceOfStep(s.job, s.input, s.output), error: s.error }))));
    expect(summaries.map(plain)).toEqual(run.traces.map(plain));
    expect(summaries.map((s) => JSON.parse(JSON.stringify(s.steps.map((step) => ({ input: step.input, output: step.output, error: step.error })))))).toEqual(run.traces.map(evidence));
    expect(summaries.some((s) => s.steps.some((step) => step.error !== undefined))).toBe(run.traces.some((t) => t.steps.some((step) => step.error !== undefined)));
    // Well under the several KB of a full trace: the records take a few hundred bytes each.
    expect(store.json.column.stored / summaries.length).toBeLessThan(300);
  });
});
