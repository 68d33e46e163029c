import type { EntryPoint } from '../model/entryPointId.ts';
import type { GenerateOrgOptions } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { TransportKind } from '../transport/transport.ts';
import type { FaultPlanInput } from '../../mocks/faults/faultPlan.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { createHarness, type Routing } from './createHarness.ts';
import type { PipelineChoice } from '../pipelines/asPipelineUnderTest.ts';
import type { RunRecord } from './runRecord.ts';
import { runWorkload } from './runWorkload.ts';
import { generateWorkload } from './workload.ts';
import type { TraceRetention } from '../pipeline/summarizedTrace.ts';
import type { EventTrace } from '../pipeline/trace.ts';

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
  /** Who routes (default `graph`); `assignment-rules` routes with the org's Salesforce assignment rules. */
  readonly routing?: Routing;
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  readonly faults?: FaultPlanInput;
  /** Probability that a webhook is delivered twice with the same idempotency key (default 0.02). */
  readonly redeliveryRate?: number;
  /** The entry points the generated actions come from (default: all seven). */
  readonly entryPoints?: readonly EntryPoint[];
  /** Called after each action with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * How much of each trace the run keeps (see `TraceRetention`): `auto` (default) keeps them in full up to
   * {@link FULL_TRACES_UP_TO} leads and summarizes them above, where full traces would take several KB a lead.
   */
  readonly traces?: TraceRetention | 'auto';
  /** Called with every finished trace in full (to stream them to a file), also when the run keeps summaries. */
  readonly onTrace?: (trace: EventTrace) => void;
  /** A pipeline of yours handles the deliveries instead of the reference pipeline (see `HarnessOptions.pipeline`). */
  readonly pipeline?: PipelineChoice;
}

/** The most leads `simulate` keeps full traces for by default; larger runs keep summaries. */
export const FULL_TRACES_UP_TO = 5_000;

/** The retention `auto` stands for with this many leads. */
export function traceRetentionFor(leads: number, choice: TraceRetention | 'auto' = 'auto'): TraceRetention {
  return choice !== 'auto' ? choice : leads > FULL_TRACES_UP_TO ? 'summary' : 'full';
}

/**
 * Runs the main job: a generated org, then `leads` generated entry-point actions spread over simulated time, each
 * delivered the way production delivers it and processed by the pipeline as it arrives; parked events are tried
 * once more at the end. Returns the run record for the invariants and the report. Deterministic in `seed`.
 */
export async function simulate(options: SimulateOptions): Promise<RunRecord> {
  const workload = generateWorkload({
    seed: options.seed,
    ...(options.leads !== undefined ? { leads: options.leads } : {}),
    ...(options.org ? { org: options.org } : {}),
    ...(options.orgOptions ? { orgOptions: options.orgOptions } : {}),
    ...(options.redeliveryRate !== undefined ? { redeliveryRate: options.redeliveryRate } : {}),
    ...(options.entryPoints ? { entryPoints: options.entryPoints } : {}),
  });
  const harness = await createHarness({
    seed: options.seed,
    org: workload.org,
    gapMs: 0,
    ...(options.graph ? { graph: options.graph } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.routing ? { routing: options.routing } : {}),
    ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    traces: traceRetentionFor(workload.actions.length, options.traces),
    ...(options.onTrace ? { onTrace: options.onTrace } : {}),
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
  });
  try {
    return await runWorkload(harness, workload, options.onProgress);
  } finally {
    await harness.close();
  }
}
