import type { ApiCall } from '../clients/apiCall.ts';
import type { JobName } from './jobNames.ts';

/** What one job did for one event: its input, its output, the API calls it made, and when (simulated time). */
export interface JobTrace {
  readonly job: JobName;
  readonly startedAt: number;
  finishedAt: number;
  /** 1 for the first try; more when a retryable API error made the pipeline try the job again. */
  attempts: number;
  input: unknown;
  output: unknown;
  readonly calls: ApiCall[];
  /** How the step ended: `ok`, or the step ended the event (`rejected`, `parked`). */
  status: 'ok' | 'rejected' | 'parked';
  /** The error of the last failed attempt, if any (also kept when a later attempt succeeded). */
  error?: string;
}

/** How an inbound event ended. Every event ends in exactly one of these; none vanishes. */
export type Outcome =
  | { readonly kind: 'created'; readonly personType: 'Lead' | 'Contact'; readonly personId: string }
  | { readonly kind: 'merged'; readonly personType: 'Lead' | 'Contact'; readonly personId: string }
  | { readonly kind: 'rejected'; readonly reason: string; readonly job: JobName }
  | { readonly kind: 'parked'; readonly reason: string; readonly job: JobName; readonly personId?: string };

/** The whole record of one inbound event through the pipeline. */
export interface EventTrace {
  readonly eventId: string;
  readonly entryPoint: string;
  readonly receivedAt: number;
  /** How many times the event went through the pipeline (a parked event may be retried later). */
  runs: number;
  readonly steps: JobTrace[];
  outcome: Outcome | undefined;
  finishedAt: number | undefined;
  /** Simulated ms from receipt to the routing decision being written (speed to lead), when routed (a summary reads undefined otherwise). */
  speedToLeadMs?: number | undefined;
  /** The routing decision's path, for reports and diffs. */
  routedTo?: { readonly kind: 'user' | 'queue'; readonly id: string; readonly name: string } | undefined;
  /**
   * A summarized trace (src/pipeline/summarizedTrace.ts) keeps how many API calls each system got instead of the
   * calls themselves, whose steps then list none: read the counts with `callsBySystem`.
   */
  readonly callCounts?: Readonly<Partial<Record<ApiCall['system'], number>>>;
}

/** How many API calls of the trace went to each system: the summarized counts, or its steps' calls. */
export function callsBySystem(trace: EventTrace): Partial<Record<ApiCall['system'], number>> {
  if (trace.callCounts) return { ...trace.callCounts };
  const counts: Partial<Record<ApiCall['system'], number>> = {};
  for (const step of trace.steps) for (const call of step.calls) counts[call.system] = (counts[call.system] ?? 0) + 1;
  return counts;
}
