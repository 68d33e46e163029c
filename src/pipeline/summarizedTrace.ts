import type { ApiCall } from '../clients/apiCall.ts';
import type { CompactJson } from '../core/compactJson.ts';
import type { JobName } from './jobNames.ts';
import { callsBySystem, type EventTrace, type JobTrace, type Outcome } from './trace.ts';
import { evidenceOfStep } from './traceEvidence.ts';
import { TraceStore, type Skeleton } from './traceStore.ts';

/**
 * How much of each event's trace a run keeps: `full`, every step with its input, output and API calls; or
 * `summary`, for runs of many thousand events, each step's job, times, attempts, status and error with only the
 * evidence the invariants and the report read of its input and output (src/pipeline/traceEvidence.ts), and the
 * number of API calls per system instead of the calls, in a run's TraceStore (about 250 bytes an event instead of several KB).
 */
export type TraceRetention = 'full' | 'summary';

const NO_CALLS = Object.freeze([]) as never as ApiCall[];
const UNREAD = Symbol('unread');

/** The fixed part of a record as {@link readHeader} reads it (one object reused: read it at once). */
const header = { receivedAt: 0, skeleton: 0, runs: 0, finishedAt: undefined as number | undefined, speedToLeadMs: undefined as number | undefined, routedTo: 0, callCounts: 0 };

/** Reads the record's fixed part into {@link header}; the column is left at the outcome's length. */
function readHeader(store: TraceStore, at: number): typeof header {
  const { json } = store;
  const column = json.column;
  column.seek(at);
  header.receivedAt = json.read() as number;
  header.skeleton = column.readVarint();
  header.runs = column.readVarint();
  const finished = json.read() as number | undefined;
  header.finishedAt = finished === undefined || column.readByte() === 0 ? finished : header.receivedAt + finished;
  header.speedToLeadMs = json.read() as number | undefined;
  header.routedTo = column.readVarint();
  header.callCounts = column.readVarint();
  return header;
}

/**
 * A step of a summarized trace: job, times, attempts, status and error as they were; input and output (the evidence
 * kept) read from the store when first asked for; no calls.
 */
class SummarizedStep implements JobTrace {
  readonly job: JobName;
  readonly startedAt: number;
  finishedAt: number;
  attempts: number;
  status: JobTrace['status'];
  readonly calls = NO_CALLS;
  declare error?: string;
  readonly #json: CompactJson;
  /** Where the input and output are; -1 for neither. */
  readonly #at: number;
  #input: unknown = UNREAD;
  #output: unknown = UNREAD;

  constructor(skeleton: Skeleton, i: number, startedAt: number, json: CompactJson, at: number) {
    this.job = skeleton.jobs[i]!;
    this.startedAt = startedAt;
    this.finishedAt = startedAt + skeleton.durations[i]!;
    this.attempts = skeleton.attempts[i]!;
    this.status = skeleton.statuses[i]!;
    this.#json = json;
    this.#at = at;
  }

  get input(): unknown {
    if (this.#input === UNREAD) this.#read();
    return this.#input;
  }

  set input(value: unknown) {
    this.#input = value;
  }

  get output(): unknown {
    if (this.#output === UNREAD) this.#read();
    return this.#output;
  }

  set output(value: unknown) {
    this.#output = value;
  }

  #read(): void {
    let input: unknown = null;
    let output: unknown = null;
    if (this.#at >= 0) {
      this.#json.column.seek(this.#at);
      input = this.#json.read();
      output = this.#json.read();
    }
    if (this.#input === UNREAD) this.#input = input;
    if (this.#output === UNREAD) this.#output = output;
  }

  toJSON(): Record<string, unknown> {
    return { job: this.job, startedAt: this.startedAt, finishedAt: this.finishedAt, attempts: this.attempts, status: this.status, input: this.input, output: this.output, calls: [], ...(this.error === undefined ? {} : { error: this.error }) };
  }
}

/**
 * A finished event's trace as a summary keeps it: the event id and entry point, and a record in the run's
 * {@link TraceStore} (times, runs, outcome, routing, call tallies, the steps' skeleton, errors and evidence) that
 * each property reads back. Steps are made again on each read, their evidence read only when asked for. Evidence
 * reads back as JSON does (an `undefined` member is left out). Serializes (`toJSON`) as a plain trace.
 */
class SummarizedTrace implements EventTrace {
  readonly eventId: string;
  readonly entryPoint: string;
  readonly #store: TraceStore;
  readonly #at: number;

  constructor(trace: EventTrace, store: TraceStore) {
    this.eventId = trace.eventId;
    this.entryPoint = trace.entryPoint;
    this.#store = store;
    const { json } = store;
    const column = json.column;
    const { receivedAt, finishedAt, steps } = trace;
    json.write(receivedAt);
    column.varint(store.skeleton(steps, receivedAt));
    column.varint(trace.runs);
    const relative = finishedAt !== undefined && Number.isSafeInteger(finishedAt) && Number.isSafeInteger(receivedAt);
    json.write(relative ? finishedAt - receivedAt : finishedAt);
    if (finishedAt !== undefined) column.byte(relative ? 1 : 0);
    json.write(trace.speedToLeadMs);
    column.varint(store.share(trace.routedTo));
    column.varint(store.share(callsBySystem(trace)));
    let mark = column.written;
    json.write(trace.outcome);
    column.prefixLength(mark);
    const errors = steps.filter((s) => s.error !== undefined);
    column.varint(errors.length);
    for (const step of errors) {
      column.varint(steps.indexOf(step));
      json.write(step.error);
    }
    for (const step of steps) {
      const kept = evidenceOfStep(step.job, step.input, step.output);
      mark = column.written;
      if (kept.input !== null || kept.output !== null) {
        json.write(kept.input);
        json.write(kept.output);
      }
      column.prefixLength(mark);
    }
    this.#at = column.commit();
  }

  get receivedAt(): number {
    return readHeader(this.#store, this.#at).receivedAt;
  }

  get runs(): number {
    return readHeader(this.#store, this.#at).runs;
  }

  get finishedAt(): number | undefined {
    return readHeader(this.#store, this.#at).finishedAt;
  }

  get speedToLeadMs(): number | undefined {
    return readHeader(this.#store, this.#at).speedToLeadMs;
  }

  get routedTo(): EventTrace['routedTo'] {
    return this.#store.shared[readHeader(this.#store, this.#at).routedTo] as EventTrace['routedTo'];
  }

  /** How many API calls each system got (one frozen object per distinct tally). */
  get callCounts(): NonNullable<EventTrace['callCounts']> {
    return this.#store.shared[readHeader(this.#store, this.#at).callCounts] as NonNullable<EventTrace['callCounts']>;
  }

  get outcome(): Outcome | undefined {
    readHeader(this.#store, this.#at);
    this.#store.json.column.readVarint();
    return this.#store.json.read() as Outcome | undefined;
  }

  /** The steps, made again: job, times, attempts, status and error as they were, input and output as evidence. */
  get steps(): JobTrace[] {
    const { json, skeletons } = this.#store;
    const column = json.column;
    const { receivedAt, skeleton: id } = readHeader(this.#store, this.#at);
    const skeleton = skeletons[id]!;
    column.skip(column.readVarint());
    const errors: (number | string)[] = [];
    for (let n = column.readVarint(); n > 0; n--) errors.push(column.readVarint(), json.read() as string);
    const steps: SummarizedStep[] = [];
    let last = receivedAt;
    for (let i = 0; i < skeleton.jobs.length; i++) {
      const length = column.readVarint();
      const step = new SummarizedStep(skeleton, i, last + skeleton.starts[i]!, json, length === 0 ? -1 : column.position);
      column.skip(length);
      last = step.finishedAt;
      steps.push(step);
    }
    for (let k = 0; k < errors.length; k += 2) steps[errors[k] as number]!.error = errors[k + 1] as string;
    return steps;
  }

  toJSON(): Record<string, unknown> {
    const { speedToLeadMs, routedTo } = this;
    return {
      eventId: this.eventId,
      entryPoint: this.entryPoint,
      receivedAt: this.receivedAt,
      runs: this.runs,
      steps: this.steps,
      outcome: this.outcome,
      finishedAt: this.finishedAt,
      ...(speedToLeadMs === undefined ? {} : { speedToLeadMs }),
      ...(routedTo === undefined ? {} : { routedTo }),
      callCounts: this.callCounts,
    };
  }
}

/**
 * The summary of a finished event's trace (see {@link TraceRetention}), kept in `store`: one store for all the
 * summaries of a run or a serve world (a store per trace would cost a 64 KB chunk each). The same event, outcome, routing, speed to lead and steps (job, times, attempts, status, error),
 * with only the evidence of each step's input and output and the API calls counted per system. A parked trace
 * (which a retry continues) is returned as it is.
 */
export function summarizeTrace(trace: EventTrace, store: TraceStore): EventTrace {
  if (trace.outcome === undefined || trace.outcome.kind === 'parked' || trace instanceof SummarizedTrace) return trace;
  return new SummarizedTrace(trace, store);
}
