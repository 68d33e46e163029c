import { CompactJson } from '../core/compactJson.ts';
import type { JobTrace } from './trace.ts';
import type { JobName } from './jobNames.ts';

/** The jobs and timing of a trace's steps, which most traces share: starts are ms after the previous step's end. */
export interface Skeleton {
  readonly jobs: readonly JobName[];
  readonly starts: readonly number[];
  readonly durations: readonly number[];
  readonly attempts: readonly number[];
  readonly statuses: readonly JobTrace['status'][];
}

const STATUSES: readonly JobTrace['status'][] = ['ok', 'rejected', 'parked'];

/** Whether `steps` (after receipt at `receivedAt`) have this skeleton. */
function sameSkeleton(skeleton: Skeleton, steps: readonly JobTrace[], receivedAt: number): boolean {
  if (skeleton.jobs.length !== steps.length) return false;
  let last = receivedAt;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.job !== skeleton.jobs[i] || step.startedAt - last !== skeleton.starts[i] || step.finishedAt - step.startedAt !== skeleton.durations[i] || step.attempts !== skeleton.attempts[i] || step.status !== skeleton.statuses[i]) return false;
    last = step.finishedAt;
  }
  return true;
}

/**
 * What the summarized traces of one run share, and the bytes they are kept in ({@link CompactJson}): one per run,
 * so a run's summaries go when the run goes.
 */
export class TraceStore {
  readonly json = new CompactJson();
  readonly skeletons: Skeleton[] = [];
  readonly #skeletonIds = new Map<number, number[]>();
  /** Frozen values many traces hold (routing targets, call tallies), by id; 0 is none. */
  readonly shared: unknown[] = [undefined];
  readonly #sharedIds = new Map<string, number>();

  /** Bytes the traces' records take (chunks allocated). */
  get size(): number {
    return this.json.column.size;
  }

  /** The id of the steps' skeleton (made once per distinct one; found by a hash of its numbers, then compared). */
  skeleton(steps: readonly JobTrace[], receivedAt: number): number {
    let hash = steps.length;
    let last = receivedAt;
    for (const step of steps) {
      hash = (Math.imul(hash, 31) + step.job.length) | 0;
      hash = (Math.imul(hash, 31) + (step.startedAt - last)) | 0;
      hash = (Math.imul(hash, 31) + (step.finishedAt - step.startedAt)) | 0;
      hash = (Math.imul(hash, 31) + step.attempts * 4 + STATUSES.indexOf(step.status)) | 0;
      last = step.finishedAt;
    }
    let ids = this.#skeletonIds.get(hash);
    if (ids === undefined) this.#skeletonIds.set(hash, (ids = []));
    for (const id of ids) if (sameSkeleton(this.skeletons[id]!, steps, receivedAt)) return id;
    last = receivedAt;
    const skeleton = { jobs: steps.map((s) => s.job), starts: [] as number[], durations: steps.map((s) => s.finishedAt - s.startedAt), attempts: steps.map((s) => s.attempts), statuses: steps.map((s) => s.status) };
    for (const step of steps) {
      skeleton.starts.push(step.startedAt - last);
      last = step.finishedAt;
    }
    const id = this.skeletons.push(skeleton) - 1;
    ids.push(id);
    return id;
  }

  /** The id of `value` among the shared values (0 for undefined); equal values share one frozen copy. */
  share(value: object | undefined): number {
    if (value === undefined) return 0;
    const key = JSON.stringify(value);
    let id = this.#sharedIds.get(key);
    if (id === undefined) {
      id = this.shared.push(Object.freeze(JSON.parse(key) as object)) - 1;
      this.#sharedIds.set(key, id);
    }
    return id;
  }
}
