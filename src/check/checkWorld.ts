import { Rng } from '../core/random.ts';
import type { WorldHints } from '../generators/worldHints.ts';
import type { InvariantId } from '../invariants/violation.ts';
import { generateOrg } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { createHarness, type LeadsimHarness } from '../simulation/createHarness.ts';
import { worldHintsFor } from '../testing/orgArbitrary.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';

/**
 * What every run of a property starts from: one org generated from the check's seed (so generated payloads can
 * name its campaigns, partners and people), the graph, and the pipeline's jobs. Each run builds a fresh world.
 */
export interface CheckWorld {
  readonly seed: number;
  readonly org: OrgSpec;
  readonly hints: WorldHints;
  readonly graph?: Graph;
  readonly jobs?: readonly PipelineJob[];
  /** The invariants checked (default: all). */
  readonly only?: readonly InvariantId[];
  /** Native integration switches of the world (all off by default). */
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  /** Told of every run before its world is closed (routing coverage counts them). */
  readonly observe?: (run: RunRecord) => void;
}

/** Options of {@link checkWorld}. */
export interface CheckWorldOptions {
  readonly graph?: Graph;
  readonly jobs?: readonly PipelineJob[];
  readonly only?: readonly InvariantId[];
  /** The org (default: the org `simulate` generates for the seed). */
  readonly org?: OrgSpec;
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  readonly observe?: (run: RunRecord) => void;
}

/** The check world of a seed: the given org, else the org `simulate` would generate for it, and its hints. */
export function checkWorld(seed: number, options: CheckWorldOptions = {}): CheckWorld {
  const { org = generateOrg(new Rng(seed).fork('org')), ...rest } = options;
  return { seed, org, hints: worldHintsFor({ seed, org }), ...rest };
}

/** A fresh harness on the check world. */
export function openCheckHarness(w: CheckWorld): Promise<LeadsimHarness> {
  return createHarness({ seed: w.seed, org: w.org, ...(w.graph ? { graph: w.graph } : {}), ...(w.jobs ? { jobs: w.jobs } : {}), ...(w.nativeIntegrations ? { nativeIntegrations: w.nativeIntegrations } : {}) });
}
