import type { JobName } from './jobNames.ts';
import type { LeadWork } from './leadWork.ts';
import type { PipelineContext } from './pipelineContext.ts';

/** What a job reports for the trace, and whether the event goes on. */
export interface StepResult {
  /** The part of the work the job read, as recorded in the trace. */
  readonly input: unknown;
  /** What the job produced, as recorded in the trace. */
  readonly output: unknown;
  /** Set when the job rejects the event: the reason, kept with the event's outcome. */
  readonly reject?: string;
  /** Set when the job parks the event for a later try (something it needs is not ready): the reason. */
  readonly park?: string;
}

/**
 * One narrow job of the pipeline. A job reads and extends the event's {@link LeadWork}, talks to the systems only
 * through the context's API clients, and must be safe to run again after a retryable API error (a lost response
 * may have applied its write).
 */
export interface PipelineJob {
  readonly name: JobName;
  run(work: LeadWork, ctx: PipelineContext): Promise<StepResult>;
}
