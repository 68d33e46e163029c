import { Rng } from '../core/random.ts';
import type { WorldHints } from '../generators/worldHints.ts';
import type { InvariantId } from '../invariants/violation.ts';
import { generateOrg } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { createHarness, type HarnessOptions, type LeadsimHarness } from '../simulation/createHarness.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { graphAwareOrg } from '../generators/graph/graphAwareOrg.ts';
import { witnessHints } from '../generators/graph/witnessHints.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { createWorld } from '../world/world.ts';
import { worldHintsOf } from '../world/worldHints.ts';
import { withMidRunCampaigns } from './midRunCampaigns.ts';

/**
 * What every run of a property starts from: one org generated from the check's seed (so generated payloads can
 * name its campaigns, the campaigns a sequence may create mid-run, its partners and people), the graph, and the
 * pipeline's jobs. Each run builds a fresh world.
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
  /** Called with each fresh harness before its first command (tests break the pipeline on purpose this way). */
  readonly prepare?: (harness: LeadsimHarness) => void;
  /** Told of every run before its world is closed (routing coverage counts them). */
  readonly observe?: (run: RunRecord) => void;
  /** Told of every routing decision (the mutation runner records them to replay them on mutant graphs). */
  readonly onRoute?: HarnessOptions['onRoute'];
}

/** Options of {@link checkWorld}. */
export interface CheckWorldOptions {
  readonly graph?: Graph;
  readonly jobs?: readonly PipelineJob[];
  readonly only?: readonly InvariantId[];
  /** The org to start from (default: the org `simulate` generates for the seed). */
  readonly org?: OrgSpec;
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  readonly prepare?: (harness: LeadsimHarness) => void;
  readonly observe?: (run: RunRecord) => void;
  readonly onRoute?: HarnessOptions['onRoute'];
}

/**
 * The check world of a seed and a graph: the given org, else the org `simulate` would generate for the seed, with
 * what the graph's literals need added (graph-aware generation, see `graphAwareOrg`), and its hints, including how
 * generated traffic reaches each of the graph's routing witnesses. A candidate graph is checked with the default
 * graph's witnesses too, so a rule the candidate dropped is still exercised.
 */
export function checkWorld(seed: number, options: CheckWorldOptions = {}): CheckWorld {
  const { org: given, ...rest } = options;
  const { org, plans } = graphAwareOrg(given ?? generateOrg(new Rng(seed).fork('org')), [options.graph ?? loadDefaultGraph(), loadDefaultGraph()]);
  const world = createWorld({ seed, org });
  const hints = { ...worldHintsOf(world), witnesses: witnessHints(plans, org, world.ids.accountIds) };
  return { seed, org, hints: withMidRunCampaigns(hints, org), ...rest };
}

/** A fresh harness on the check world. The commands move the clock themselves (a minute per step, see `stepTime`). */
export async function openCheckHarness(w: CheckWorld): Promise<LeadsimHarness> {
  const harness = await createHarness({ seed: w.seed, org: w.org, gapMs: 0, ...(w.graph ? { graph: w.graph } : {}), ...(w.jobs ? { jobs: w.jobs } : {}), ...(w.nativeIntegrations ? { nativeIntegrations: w.nativeIntegrations } : {}), ...(w.onRoute ? { onRoute: w.onRoute } : {}) });
  w.prepare?.(harness);
  return harness;
}
