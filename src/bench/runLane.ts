import { createHash } from 'node:crypto';
import { createHarness } from '../simulation/createHarness.ts';
import { runWorkload } from '../simulation/runWorkload.ts';
import type { Workload } from '../simulation/workload.ts';
import type { Transport } from '../transport/transport.ts';

/** The benchmark's lanes: the three transports, and `direct` (no HTTP) as the lower bound. */
export const BENCH_LANES = ['msw', 'dispatch', 'loopback', 'direct'] as const;
export type BenchLane = (typeof BENCH_LANES)[number];

/** What one lane measured. */
export interface LaneResult {
  readonly lane: BenchLane;
  readonly leads: number;
  /** Wall-clock ms of delivering and processing the workload (world seeding and generation excluded). */
  readonly ms: number;
  /** CPU ms the process spent meanwhile (user + system): steadier than `ms` when other processes share the cores. */
  readonly cpuMs: number;
  /** API calls that went through the transport (deliveries included), or through `exchange` for `direct`. */
  readonly calls: number;
  /** Events the pipeline processed (redeliveries are acknowledged by the intake, not processed again). */
  readonly events: number;
  /** sha256 prefix of the traces and blocked actions: equal across lanes when they behave the same. */
  readonly fingerprint: string;
}

function counted(transport: Transport, counter: { calls: number }): Transport {
  const exchange = transport.exchange;
  return {
    ...transport,
    send: (request) => {
      counter.calls += 1;
      return transport.send(request);
    },
    ...(exchange
      ? {
          exchange: (call) => {
            counter.calls += 1;
            return exchange(call);
          },
        }
      : {}),
    close: () => transport.close(),
  };
}

/**
 * Runs the workload through a fresh harness over `lane`, exactly as `simulate` does (`runWorkload`); only that part
 * is timed, not seeding or generation.
 */
export async function runLane(workload: Workload, lane: BenchLane): Promise<LaneResult> {
  const counter = { calls: 0 };
  const harness = await createHarness({ seed: workload.seed, org: workload.org, gapMs: 0, transport: lane, wrapTransport: (t) => counted(t, counter) });
  try {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const run = await runWorkload(harness, workload);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const fingerprint = createHash('sha256').update(JSON.stringify({ traces: run.traces, blocked: run.blocked })).digest('hex').slice(0, 12);
    return { lane, leads: workload.actions.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, calls: counter.calls, events: run.traces.length, fingerprint };
  } finally {
    await harness.close();
  }
}
