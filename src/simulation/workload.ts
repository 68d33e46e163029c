import fc from 'fast-check';
import { hashSeed, Rng } from '../core/random.ts';
import type { ParsedPayload } from '../entrypoints/registry.ts';
import { ENTRY_POINT_WEIGHTS, inboundEventArbitrary } from '../generators/inboundEventArbitrary.ts';
import type { EntryPoint } from '../model/entryPointId.ts';
import { generateOrg, type GenerateOrgOptions } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { createWorld } from '../world/world.ts';
import { worldHintsOf } from '../world/worldHints.ts';

/** One entry-point action of a workload, with the simulated wait before it and whether it is delivered twice. */
export interface WorkloadAction {
  readonly action: ParsedPayload & { readonly id: string };
  readonly waitMs: number;
  /** Deliver a webhook a second time with the same idempotency key (ignored for non-webhook entry points). */
  readonly repeat: boolean;
}

/** A generated workload: the org and the actions, all drawn from the seed. */
export interface Workload {
  readonly seed: number;
  readonly org: OrgSpec;
  readonly actions: readonly WorkloadAction[];
}

/** Options of {@link generateWorkload}. */
export interface WorkloadOptions {
  readonly seed: number;
  /** How many entry-point actions (default 500). */
  readonly leads?: number;
  /** The org (default: generated from the seed). */
  readonly org?: OrgSpec;
  readonly orgOptions?: GenerateOrgOptions;
  /** Probability that a webhook is delivered twice with the same idempotency key (default 0.02). */
  readonly redeliveryRate?: number;
  /** The entry points actions come from (default: all seven, weighted by `ENTRY_POINT_WEIGHTS`). */
  readonly entryPoints?: readonly EntryPoint[];
}

/**
 * Draws the workload of a simulation from its seed, ahead of time: the org, then `leads` actions across every entry
 * point (messy payloads referring to the org's campaigns, partners, domains and people), each 5 s to 3 min of
 * simulated time after the last, a few delivered twice. `simulate` and `npm run bench` run the same workload.
 */
export function generateWorkload(options: WorkloadOptions): Workload {
  const rng = new Rng(options.seed);
  const org = options.org ?? generateOrg(rng.fork('org'), options.orgOptions);
  const hints = worldHintsOf(createWorld({ seed: options.seed, org }));
  const weights = options.entryPoints && Object.fromEntries(options.entryPoints.map((id) => [id, ENTRY_POINT_WEIGHTS[id]]));
  const payloads = fc.sample(inboundEventArbitrary(hints, weights ? { weights } : {}), { seed: hashSeed(options.seed, 'events'), numRuns: options.leads ?? 500 });
  const timing = rng.fork('timing');
  const actions = payloads.map((payload, i): WorkloadAction => {
    const waitMs = timing.int(5_000, 180_000);
    const repeat = timing.chance(options.redeliveryRate ?? 0.02);
    return { action: { ...payload, id: `evt-${String(i + 1).padStart(6, '0')}` }, waitMs, repeat };
  });
  return { seed: options.seed, org, actions };
}
