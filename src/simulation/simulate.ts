import type { EntryPoint } from '../model/entryPointId.ts';
import type { GenerateOrgOptions } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { TransportKind } from '../transport/transport.ts';
import type { FaultPlanInput } from '../../mocks/faults/faultPlan.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { createHarness, type Routing } from './createHarness.ts';
import type { RunRecord } from './runRecord.ts';
import { runWorkload } from './runWorkload.ts';
import { generateWorkload } from './workload.ts';

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
  });
  try {
    return await runWorkload(harness, workload, options.onProgress);
  } finally {
    await harness.close();
  }
}
