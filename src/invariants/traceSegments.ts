import type { JobName } from '../pipeline/jobNames.ts';
import type { EventTrace, JobTrace } from '../pipeline/trace.ts';
import { sharedWhileReading } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';

/**
 * The runs of one event through the pipeline: the trace's steps cut at each `intake` step (a parked event that is
 * tried again appends a new intake and starts over). Steps before the first intake form a segment of their own.
 */
export function traceSegments(trace: EventTrace): JobTrace[][] {
  const segments: JobTrace[][] = [];
  for (const step of trace.steps) {
    const last = segments[segments.length - 1];
    if (step.job === 'intake' || last === undefined) segments.push([step]);
    else last.push(step);
  }
  return segments;
}

/** The step of `job` in a segment, if the segment reached it. */
export function stepOf(segment: readonly JobTrace[], job: JobName): JobTrace | undefined {
  return segment.find((step) => step.job === job);
}

/** The traces of a run by event id (a sound run has one per id; the list keeps every one). */
export function tracesById(traces: readonly EventTrace[]): Map<string, EventTrace[]> {
  const byId = new Map<string, EventTrace[]>();
  for (const trace of traces) {
    const list = byId.get(trace.eventId);
    if (list) list.push(trace);
    else byId.set(trace.eventId, [trace]);
  }
  return byId;
}

/** A step reduced to what a reader of a violation needs: job, attempts, input, output, error. */
export function stepEvidence(step: JobTrace): Record<string, unknown> {
  return { job: step.job, attempts: step.attempts, input: step.input, output: step.output, ...(step.error ? { error: step.error } : {}) };
}

/**
 * Every trace that routed someone, in the order it happened: the inbound events' traces and the rule 7 re-runs,
 * merged by the simulated time each began (sorted once per check, see {@link sharedWhileReading}).
 */
export function routingTraces(run: RunRecord): readonly EventTrace[] {
  return sharedWhileReading(run, 'routingTraces', () => {
    const all = [...run.traces, ...(run.reruns ?? [])];
    const start = (t: EventTrace) => t.steps[0]?.startedAt ?? t.receivedAt;
    return all.map((t, i) => ({ t, i, at: start(t) })).sort((a, b) => a.at - b.at || a.i - b.i).map(({ t }) => t);
  });
}
