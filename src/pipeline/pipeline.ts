import { ApiError } from '../clients/apiError.ts';
import type { DeliveryAnswer } from '../evidence/deliveryLog.ts';
import type { CallSink } from './callSink.ts';
import type { ReceivedEvent } from './inboundEvent.ts';
import { DEFAULT_JOBS } from './jobs/index.ts';
import type { LeadWork } from './leadWork.ts';
import type { PipelineContext } from './pipelineContext.ts';
import type { PipelineJob } from './pipelineJob.ts';
import type { EventTrace, JobTrace, Outcome } from './trace.ts';

/** How a job ends an event early: rejected with a reason, or parked for retry. */
export type StopOutcome = Extract<Outcome, { kind: 'rejected' | 'parked' }>;

/** Options of {@link Pipeline}. */
export interface PipelineOptions {
  /** The jobs after intake, in order (default: {@link DEFAULT_JOBS}). Tests swap one to break the pipeline on purpose. */
  readonly jobs?: readonly PipelineJob[];
  /** Where the API clients report their calls; the pipeline points it at the running step. */
  readonly calls?: CallSink;
}

/**
 * Runs inbound events through the jobs, one event at a time, and returns each event's trace. A retryable API
 * answer (5xx, rate limit, timeout, lost response) makes the job run again after a backoff in simulated time;
 * when the tries run out the event is parked with its reason. A non-retryable API answer rejects the event with
 * the vendor's reason. Every event ends with exactly one outcome.
 */
export class Pipeline {
  readonly ctx: PipelineContext;
  readonly jobs: readonly PipelineJob[];
  readonly #calls: CallSink | undefined;

  constructor(ctx: PipelineContext, options: PipelineOptions = {}) {
    this.ctx = ctx;
    this.jobs = options.jobs ?? DEFAULT_JOBS;
    this.#calls = options.calls;
  }

  /**
   * Processes one event (or continues a parked one's trace) and returns its trace. The handling is recorded in the
   * world's delivery log with its answer (created or merged: done; rejected; parked: failed, to be delivered again).
   */
  async process(event: ReceivedEvent, previous?: EventTrace): Promise<EventTrace> {
    const log = this.ctx.deliveries;
    const handling = log?.beginDelivery({ id: event.id, entryPoint: event.entryPoint, payload: event.payload, receivedAt: event.receivedAt });
    let trace: EventTrace | undefined;
    try {
      trace = await this.#process(event, previous);
      return trace;
    } finally {
      if (handling) log!.end(handling, answerOf(trace?.outcome));
    }
  }

  async #process(event: ReceivedEvent, previous?: EventTrace): Promise<EventTrace> {
    const trace: EventTrace = previous ?? { eventId: event.id, entryPoint: event.entryPoint, receivedAt: event.receivedAt, runs: 0, steps: [], outcome: undefined, finishedAt: undefined };
    trace.runs += 1;
    trace.outcome = undefined;
    const now = this.ctx.clock.now();
    trace.steps.push({ job: 'intake', startedAt: now, finishedAt: now, attempts: 1, status: 'ok', input: { eventId: event.id, entryPoint: event.entryPoint, run: trace.runs }, output: { accepted: true }, calls: [] });
    const work: LeadWork = { event, trace };
    trace.outcome = await this.runJobs(work, this.jobs);
    if (!trace.outcome) {
      const p = work.person!;
      trace.outcome = { kind: p.created ? 'created' : 'merged', personType: p.type, personId: p.id };
    }
    trace.finishedAt = this.ctx.clock.now();
    return trace;
  }

  /**
   * Runs `jobs` in order on `work`, each as a traced step with its API calls, retries and parking; stops at the first
   * step that rejects or parks the event and returns that outcome (undefined when every job went through). The
   * inbound run and a routing re-run (rule 7) both go through here.
   */
  async runJobs(work: LeadWork, jobs: readonly PipelineJob[]): Promise<StopOutcome | undefined> {
    for (const job of jobs) {
      const outcome = await this.#runStep(job, work);
      if (outcome) return outcome;
    }
    return undefined;
  }

  async #runStep(job: PipelineJob, work: LeadWork): Promise<StopOutcome | undefined> {
    const step: JobTrace = { job: job.name, startedAt: this.ctx.clock.now(), finishedAt: 0, attempts: 0, status: 'ok', input: null, output: null, calls: [] };
    work.trace.steps.push(step);
    if (this.#calls) this.#calls.current = step.calls;
    this.ctx.salesforce.workflow = `pipeline:${job.name}`;
    try {
      for (;;) {
        step.attempts += 1;
        try {
          const result = await job.run(work, this.ctx);
          step.input = result.input;
          step.output = result.output;
          if (result.park !== undefined) {
            step.status = 'parked';
            return { kind: 'parked', reason: result.park, job: job.name, ...(work.person ? { personId: work.person.id } : {}) };
          }
          if (result.reject === undefined) return undefined;
          step.status = 'rejected';
          return { kind: 'rejected', reason: result.reject, job: job.name };
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          step.error = error.message;
          if (!error.retryable) step.status = 'rejected';
          if (!error.retryable) return { kind: 'rejected', reason: `${error.system} refused: ${error.vendorCode} ${error.message}`.trim(), job: job.name };
          if (step.attempts >= this.ctx.retry.maxAttempts) {
            step.status = 'parked';
            return { kind: 'parked', reason: `${error.system} ${error.vendorCode} after ${step.attempts} tries`, job: job.name, ...(work.person ? { personId: work.person.id } : {}) };
          }
          this.ctx.clock.advance(this.ctx.retry.baseDelayMs * 2 ** (step.attempts - 1));
        }
      }
    } finally {
      step.finishedAt = this.ctx.clock.now();
      if (this.#calls) this.#calls.current = undefined;
    }
  }
}

/** A trace's outcome as the delivery log records the pipeline's answer. */
export function answerOf(outcome: Outcome | undefined): DeliveryAnswer {
  if (outcome === undefined) return { kind: 'failed', error: 'the pipeline stopped without an outcome' };
  switch (outcome.kind) {
    case 'created':
    case 'merged':
      return { kind: 'done' };
    case 'rejected':
      return { kind: 'rejected', reason: outcome.reason };
    case 'parked':
      return { kind: 'failed', error: `parked at ${outcome.job}: ${outcome.reason}` };
  }
}
