import { createHash } from 'node:crypto';
import { createPipeline } from '../pipeline/createPipeline.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import { deliver } from '../simulation/deliver.ts';
import { openDirectTransport } from '../transport/directTransport.ts';
import { openTransport } from '../transport/openTransport.ts';
import type { Transport, TransportKind } from '../transport/transport.ts';
import { createWorld } from '../world/world.ts';
import type { BenchWorkload } from './benchWorkload.ts';

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
 * Runs the workload through a fresh world and pipeline over `lane`, the way `simulate` does: each action delivered
 * the production way, the intake drained after each, parked events tried once more at the end. Only that part is timed.
 */
export async function runLane(workload: BenchWorkload, lane: BenchLane): Promise<LaneResult> {
  const world = createWorld({ seed: workload.seed, org: workload.org });
  const counter = { calls: 0 };
  const opened = lane === 'direct' ? openDirectTransport(world) : await openTransport(lane satisfies TransportKind, world.handlers);
  const transport = counted(opened, counter);
  const traces = new Map<string, EventTrace>();
  const blocked: unknown[] = [];
  let ms: number;
  let cpuMs: number;
  try {
    const pipeline = createPipeline(world, transport, { graph: workload.graph });
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const { action, waitMs, repeat } of workload.actions) {
      world.clock.advance(waitMs);
      const refused = await deliver(world, transport, action, { repeat });
      if (refused) blocked.push(refused);
      for (let event = world.intake.take(); event; event = world.intake.take()) traces.set(event.id, await pipeline.process(event));
    }
    world.clock.advance(15 * 60_000);
    for (const trace of traces.values()) {
      if (trace.outcome?.kind !== 'parked') continue;
      const event = world.intake.received.get(trace.eventId);
      if (event) await pipeline.process(event, trace);
    }
    ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    cpuMs = (cpu.user + cpu.system) / 1000;
  } finally {
    await opened.close();
  }
  const fingerprint = createHash('sha256').update(JSON.stringify({ traces: [...traces.values()], blocked })).digest('hex').slice(0, 12);
  return { lane, leads: workload.actions.length, ms, cpuMs, calls: counter.calls, events: traces.size, fingerprint };
}
