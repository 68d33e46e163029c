import fc from 'fast-check';
import { hashSeed, Rng } from '../core/random.ts';
import { inboundEventArbitrary } from '../generators/inboundEventArbitrary.ts';
import { generateOrg, type GenerateOrgOptions } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { createPipeline } from '../pipeline/createPipeline.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { openTransport } from '../transport/openTransport.ts';
import type { TransportKind } from '../transport/transport.ts';
import type { FaultPlanInput } from '../../mocks/faults/faultPlan.ts';
import { createWorld } from '../world/world.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { worldHintsOf } from '../world/worldHints.ts';
import { deliver, isWebhook } from './deliver.ts';
import type { BlockedAction, RunRecord } from './runRecord.ts';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** The run's seed (prints with every report; the same seed gives the same run). */
  readonly seed: number;
  /** How many entry-point actions to generate (default 500). */
  readonly leads?: number;
  /** The routing graph (default: scenarios/graphs/default.json). */
  readonly graph?: Graph;
  /** The org (default: generated from the seed). */
  readonly org?: OrgSpec;
  readonly orgOptions?: GenerateOrgOptions;
  /** How requests reach the simulated APIs (default `dispatch`). */
  readonly transport?: TransportKind;
  /** Replace the pipeline's jobs (tests break the pipeline on purpose this way). */
  readonly jobs?: readonly PipelineJob[];
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  readonly faults?: FaultPlanInput;
  /** Probability that a webhook is delivered twice with the same idempotency key (default 0.02). */
  readonly redeliveryRate?: number;
  /** Called after each action with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the main job: a generated org, then `leads` generated entry-point actions spread over simulated time, each
 * delivered the way production delivers it and processed by the pipeline as it arrives; parked events are tried
 * once more at the end. Returns the run record for the invariants and the report. Deterministic in `seed`.
 */
export async function simulate(options: SimulateOptions): Promise<RunRecord> {
  const rng = new Rng(options.seed);
  const org = options.org ?? generateOrg(rng.fork('org'), options.orgOptions);
  const world = createWorld({
    seed: options.seed,
    org,
    ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const graph = options.graph ?? loadDefaultGraph();
  const transport = await openTransport(options.transport ?? 'dispatch', world.handlers);
  const startedAt = world.clock.now();
  try {
    const pipeline = createPipeline(world, transport, { graph, ...(options.jobs ? { jobs: options.jobs } : {}) });
    const total = options.leads ?? 500;
    const actions = fc.sample(inboundEventArbitrary(worldHintsOf(world)), { seed: hashSeed(options.seed, 'events'), numRuns: total });
    const timing = rng.fork('timing');
    const traces = new Map<string, EventTrace>();
    const blocked: BlockedAction[] = [];
    const redelivered: string[] = [];
    const drain = async () => {
      for (let event = world.intake.take(); event; event = world.intake.take()) traces.set(event.id, await pipeline.process(event));
    };
    for (let i = 0; i < actions.length; i++) {
      world.clock.advance(timing.int(5_000, 180_000));
      const id = `evt-${String(i + 1).padStart(6, '0')}`;
      const action = actions[i] as (typeof actions)[number];
      const repeat = timing.chance(options.redeliveryRate ?? 0.02) && isWebhook(world, action.entryPoint);
      const refused = await deliver(world, transport, { ...action, id }, { repeat });
      if (refused) blocked.push(refused);
      else if (repeat) redelivered.push(id);
      await drain();
      options.onProgress?.(i + 1, actions.length);
    }
    world.clock.advance(15 * 60_000);
    for (const trace of traces.values()) {
      if (trace.outcome?.kind !== 'parked') continue;
      const event = world.intake.received.get(trace.eventId);
      if (event) await pipeline.process(event, trace);
    }
    blocked.push(...world.connectorRefusals);
    return { seed: options.seed, world, graph, traces: [...traces.values()], blocked, redelivered, startedAt };
  } finally {
    await transport.close();
  }
}
