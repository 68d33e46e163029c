import fc from 'fast-check';
import { hashSeed, Rng } from '../core/random.ts';
import type { ParsedPayload } from '../entrypoints/registry.ts';
import { inboundEventArbitrary } from '../generators/inboundEventArbitrary.ts';
import { generateOrg } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { createWorld } from '../world/world.ts';
import { worldHintsOf } from '../world/worldHints.ts';

/** One entry-point action of the workload, with the simulated wait before it and whether it is delivered twice. */
export interface BenchAction {
  readonly action: ParsedPayload & { readonly id: string };
  readonly waitMs: number;
  readonly repeat: boolean;
}

/** A generated workload every lane of the benchmark runs: the org, the graph and the actions, all from the seed. */
export interface BenchWorkload {
  readonly seed: number;
  readonly org: OrgSpec;
  readonly graph: Graph;
  readonly actions: readonly BenchAction[];
}

/**
 * Generates the workload `leadsim simulate --seed <seed> --leads <leads>` runs (the same org, actions, waits and
 * redeliveries, drawn the same way), ahead of time, so the benchmark times the pipeline and not the generators.
 */
export function benchWorkload(options: { readonly seed: number; readonly leads: number; readonly redeliveryRate?: number }): BenchWorkload {
  const rng = new Rng(options.seed);
  const org = generateOrg(rng.fork('org'));
  const hints = worldHintsOf(createWorld({ seed: options.seed, org }));
  const payloads = fc.sample(inboundEventArbitrary(hints), { seed: hashSeed(options.seed, 'events'), numRuns: options.leads });
  const timing = rng.fork('timing');
  const actions = payloads.map((payload, i): BenchAction => {
    const waitMs = timing.int(5_000, 180_000);
    const repeat = timing.chance(options.redeliveryRate ?? 0.02);
    return { action: { ...payload, id: `evt-${String(i + 1).padStart(6, '0')}` }, waitMs, repeat };
  });
  return { seed: options.seed, org, graph: loadDefaultGraph(), actions };
}
