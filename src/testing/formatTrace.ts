import type { EventTrace, Outcome } from '../pipeline/trace.ts';

/** Options of {@link formatTrace}. */
export interface FormatTraceOptions {
  /** Longest input or output shown per step, in characters (default 160); longer JSON is cut with "…". */
  readonly maxValue?: number;
  /** Prefix of every line (default two spaces). */
  readonly indent?: string;
}

/**
 * An event's trace, compact, for a failure message: a heading with the event, its entry point and how it ended,
 * then one line per job with its input and output as short JSON (and the error and tries when a job failed).
 * @example
 * formatTrace(trace)
 * // event evt-000003 (web-form) → created Lead 00Q000000000004AAA
 * //   1. intake        in {"eventId":"evt-000003",…} → out {"accepted":true}
 * //   2. transform     in {…} → out {…}
 */
export function formatTrace(trace: EventTrace, options: FormatTraceOptions = {}): string {
  const max = options.maxValue ?? 160;
  const indent = options.indent ?? '  ';
  const width = Math.max(...trace.steps.map((s) => s.job.length), 0);
  const lines = [`event ${trace.eventId} (${trace.entryPoint}) → ${describeOutcome(trace.outcome)}`];
  trace.steps.forEach((step, i) => {
    const tries = step.attempts > 1 ? ` ×${step.attempts}` : '';
    const error = step.error ? ` error: ${step.error}` : '';
    lines.push(`${indent}${String(i + 1).padStart(2)}. ${step.job.padEnd(width)}${tries} in ${short(step.input, max)} → out ${short(step.output, max)}${error}`);
  });
  return lines.join('\n');
}

/** How an event ended, in a few words. */
export function describeOutcome(outcome: Outcome | undefined): string {
  if (outcome === undefined) return 'no outcome';
  switch (outcome.kind) {
    case 'created':
    case 'merged':
      return `${outcome.kind} ${outcome.personType} ${outcome.personId}`;
    case 'rejected':
    case 'parked':
      return `${outcome.kind} at ${outcome.job}: ${outcome.reason}`;
  }
}

function short(value: unknown, max: number): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}
