import type { LeadsimHarness } from './createHarness.ts';
import type { RunRecord } from './runRecord.ts';
import type { Workload } from './workload.ts';

/**
 * Runs a workload through a harness the way production would see it: each action after its wait, delivered the
 * production way and processed as it arrives; parked events are tried once more at the end. Returns the run.
 */
export async function runWorkload(harness: LeadsimHarness, workload: Workload, onProgress?: (done: number, total: number) => void): Promise<RunRecord> {
  const total = workload.actions.length;
  for (let i = 0; i < total; i++) {
    const { action, waitMs, repeat } = workload.actions[i]!;
    harness.world.clock.advance(waitMs);
    await harness.deliver(action, { repeat });
    onProgress?.(i + 1, total);
  }
  await harness.retryParked();
  return harness.record();
}
