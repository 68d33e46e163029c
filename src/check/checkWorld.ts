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
  /** Told of every run before its world is closed (routing coverage counts them). */
  readonly observe?: (run: RunRecord) => void;
}

/** The check world of a seed: the org `simulate` would generate for it, and its hints. */
export function checkWorld(seed: number, options: { graph?: Graph; jobs?: readonly PipelineJob[]; only?: readonly InvariantId[]; observe?: (run: RunRecord) => void } = {}): CheckWorld {
  const org = generateOrg(new Rng(seed).fork('org'));
  return { seed, org, hints: worldHintsFor({ seed, org }), ...options };
}

/** A fresh harness on the check world. */
export function openCheckHarness(w: CheckWorld): Promise<LeadsimHarness> {
  return createHarness({ seed: w.seed, org: w.org, ...(w.graph ? { graph: w.graph } : {}), ...(w.jobs ? { jobs: w.jobs } : {}) });
}
