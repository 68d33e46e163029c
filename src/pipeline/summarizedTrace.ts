import type { JobName } from './jobNames.ts';
import { callsBySystem, type EventTrace, type JobTrace, type Outcome } from './trace.ts';
import { evidenceOfStep } from './traceEvidence.ts';

/**
 * How much of each event's trace a run keeps: `full`, every step with its input, output and API calls; or
 * `summary`, for runs of many thousand events, each step's job, times, attempts, status and error with only the
 * evidence the invariants and the report read of its input and output (src/pipeline/traceEvidence.ts), and the
 * number of API calls per system instead of the calls (a few hundred bytes an event instead of several KB).
 */
export type TraceRetention = 'full' | 'summary';

/** Strings many traces share (job sequences, step timings), kept once; bounded so odd runs cannot grow it forever. */
const interned = new Map<string, string>();
const INTERN_LIMIT = 50_000;

function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size < INTERN_LIMIT) interned.set(text, text);
  return text;
}

const splitJobs = new Map<string, readonly JobName[]>();

function jobsOf(encoded: string): readonly JobName[] {
  let jobs = splitJobs.get(encoded);
  if (!jobs) {
    jobs = encoded === '' ? [] : (encoded.split(',') as JobName[]);
    if (splitJobs.size < INTERN_LIMIT) splitJobs.set(encoded, jobs);
  }
  return jobs;
}

const STATUS_CODE = { ok: '', rejected: '!r', parked: '!p' } as const;
const NO_CALLS: readonly never[] = Object.freeze([]);

/**
 * A finished event's trace as a summary keeps it: the same fields, and steps made again from a compact form each
 * time they are read (with their evidence, no calls). Evidence is kept as JSON text, so it reads back as JSON does
 * (an `undefined` member is left out). Serializes (`toJSON`) as a plain trace.
 */
class SummarizedTrace implements EventTrace {
  readonly eventId: string;
  readonly entryPoint: string;
  readonly receivedAt: number;
  runs: number;
  outcome: Outcome | undefined;
  finishedAt: number | undefined;
  declare speedToLeadMs?: number;
  declare routedTo?: NonNullable<EventTrace['routedTo']>;
  readonly callCounts: NonNullable<EventTrace['callCounts']>;
  /** The jobs, comma-joined. */
  readonly #jobs: string;
  /** Per step: start (from the previous step's end, the first from receipt), duration, attempts, status. */
  readonly #timing: string;
  /** JSON of `[index, input, output, …]` for the steps with evidence (one flat string: compact, and never changed). */
  readonly #evidence: string | undefined;
  /** Each step's error, as index and text. */
  readonly #errors: readonly (number | string)[] | undefined;

  constructor(trace: EventTrace) {
    this.eventId = trace.eventId;
    this.entryPoint = trace.entryPoint;
    this.receivedAt = trace.receivedAt;
    this.runs = trace.runs;
    this.outcome = trace.outcome;
    this.finishedAt = trace.finishedAt;
    if (trace.speedToLeadMs !== undefined) this.speedToLeadMs = trace.speedToLeadMs;
    if (trace.routedTo !== undefined) this.routedTo = trace.routedTo;
    this.callCounts = callCounts(trace);
    const timing: string[] = [];
    const evidence: unknown[] = [];
    const errors: (number | string)[] = [];
    let last = trace.receivedAt;
    trace.steps.forEach((step, i) => {
      timing.push(`${step.startedAt - last},${step.finishedAt - step.startedAt}${step.attempts === 1 ? '' : `*${step.attempts}`}${STATUS_CODE[step.status]}`);
      last = step.finishedAt;
      const kept = evidenceOfStep(step.job, step.input, step.output);
      if (kept.input !== null || kept.output !== null) evidence.push(i, kept.input, kept.output);
      if (step.error !== undefined) errors.push(i, step.error);
    });
    this.#jobs = intern(trace.steps.map((s) => s.job).join(','));
    this.#timing = intern(timing.join(';'));
    this.#evidence = evidence.length > 0 ? JSON.stringify(evidence) : undefined;
    this.#errors = errors.length > 0 ? errors : undefined;
  }

  /** The steps, made again: job, times, attempts, status and error as they were, input and output as evidence. */
  get steps(): JobTrace[] {
    const jobs = jobsOf(this.#jobs);
    const timing = this.#timing === '' ? [] : this.#timing.split(';');
    const steps: JobTrace[] = [];
    let last = this.receivedAt;
    for (let i = 0; i < jobs.length; i++) {
      const m = /^(-?\d+),(-?\d+)(?:\*(\d+))?(?:!([rp]))?$/.exec(timing[i] ?? '')!;
      const startedAt = last + Number(m[1]);
      const finishedAt = startedAt + Number(m[2]);
      last = finishedAt;
      steps.push({ job: jobs[i]!, startedAt, finishedAt, attempts: m[3] === undefined ? 1 : Number(m[3]), status: m[4] === 'r' ? 'rejected' : m[4] === 'p' ? 'parked' : 'ok', input: null, output: null, calls: NO_CALLS as never as JobTrace['calls'] });
    }
    const evidence = this.#evidence === undefined ? [] : (JSON.parse(this.#evidence) as unknown[]);
    for (let k = 0; k < evidence.length; k += 3) {
      const step = steps[evidence[k] as number]!;
      step.input = evidence[k + 1];
      step.output = evidence[k + 2];
    }
    for (let k = 0; k < (this.#errors?.length ?? 0); k += 2) steps[this.#errors![k] as number]!.error = this.#errors![k + 1] as string;
    return steps;
  }

  toJSON(): Record<string, unknown> {
    return {
      eventId: this.eventId,
      entryPoint: this.entryPoint,
      receivedAt: this.receivedAt,
      runs: this.runs,
      steps: this.steps,
      outcome: this.outcome,
      finishedAt: this.finishedAt,
      ...(this.speedToLeadMs === undefined ? {} : { speedToLeadMs: this.speedToLeadMs }),
      ...(this.routedTo === undefined ? {} : { routedTo: this.routedTo }),
      callCounts: this.callCounts,
    };
  }
}

const countsByKey = new Map<string, NonNullable<EventTrace['callCounts']>>();

/** The trace's calls per system, one frozen object per distinct tally. */
function callCounts(trace: EventTrace): NonNullable<EventTrace['callCounts']> {
  const counts = callsBySystem(trace);
  const key = JSON.stringify(counts);
  let shared = countsByKey.get(key);
  if (!shared) {
    shared = Object.freeze(counts);
    if (countsByKey.size < INTERN_LIMIT) countsByKey.set(key, shared);
  }
  return shared;
}

/**
 * The summary of a finished event's trace (see {@link TraceRetention}): the same event, outcome, routing, speed to
 * lead and steps (job, times, attempts, status, error), with only the evidence of each step's input and output and
 * the API calls counted per system. A parked trace (which a retry continues) is returned as it is.
 */
export function summarizeTrace(trace: EventTrace): EventTrace {
  if (trace.outcome === undefined || trace.outcome.kind === 'parked' || trace instanceof SummarizedTrace) return trace;
  return new SummarizedTrace(trace);
}
