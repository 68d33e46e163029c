import fc from 'fast-check';
import { Rng } from '../core/random.ts';
import type { WorldHints } from '../generators/worldHints.ts';
import { generateOrg, type GenerateOrgOptions } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { createWorld } from '../world/world.ts';
import { worldHintsOf } from '../world/worldHints.ts';

/**
 * Orgs made by {@link generateOrg} from a seed fast-check draws: users of every role and region, queues, accounts,
 * partners of each type, campaigns of every partner kind, existing people. Shrinks towards seed 0.
 * @example
 * test.prop([orgArbitrary()])('any org', async (org) => { const h = await createHarness({ seed: 1, org }); … });
 */
export function orgArbitrary(options: GenerateOrgOptions = {}): fc.Arbitrary<OrgSpec> {
  return fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => generateOrg(new Rng(seed), options));
}

/**
 * The generator hints of the world a harness with these options would build (campaigns, partners, account
 * domains, existing people, reps), so a property can draw payloads that name real things before the harness exists.
 * @example
 * const hints = worldHintsFor({ seed: 7 });
 * test.prop([fc.array(inboundEventArbitrary(hints))])('…', async (events) => { const h = await createHarness({ seed: 7 }); … });
 */
export function worldHintsFor(options: { readonly seed: number; readonly org?: OrgSpec }): WorldHints {
  const org = options.org ?? generateOrg(new Rng(options.seed).fork('org'));
  return worldHintsOf(createWorld({ seed: options.seed, org }));
}
