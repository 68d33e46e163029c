import fc from 'fast-check';
import { compact } from '../../entrypoints/fieldValue.ts';
import type { TrialSignUpPayload } from '../../entrypoints/trialSignUp.ts';
import { countryField, inboundEmail, maybe, vendorTime } from '../fieldArbitraries.ts';
import { messyName } from '../mess.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/**
 * Product sign-ups: the country as a browser-locale code in any case most of the time, typed otherwise; a full
 * name the user may skip; a referral to a "Partner - Trial" campaign (and its partner) some of the time.
 */
export function trialSignUpPayload(world: WorldHints): fc.Arbitrary<TrialSignUpPayload> {
  const trials = world.campaigns.filter((c) => c.partnerKind === 'trial');
  const referral = trials.length > 0 ? maybe(fc.constantFrom(...trials), 0.75) : fc.constant(undefined);
  return personSeedArbitrary({ accountDomains: world.accountDomains }).chain((person) =>
    fc
      .record({
        userId: fc.integer({ min: 1, max: 9_999_999 }),
        email: inboundEmail(person, world),
        fullName: maybe(messyName(`${person.firstName} ${person.lastName}`), 0.15),
        company: maybe(fc.constant(person.company), 0.4),
        byCode: fc.boolean(),
        code: fc.constantFrom(person.country, person.country.toLowerCase()),
        typed: countryField(person.country, { pMissing: 0.2 }),
        plan: fc.constantFrom('free', 'pro', 'team'),
        startedAt: vendorTime,
        referral,
      })
      .map(({ userId, email, fullName, company, byCode, code, typed, plan, startedAt, referral }) => ({
        event: 'trial.started' as const,
        user: compact({
          id: `usr_${userId}`,
          email,
          full_name: fullName,
          company,
          ...(byCode ? { country_code: code } : { country: typed }),
          marketing_opt_in: person.consent === 'opt-in' ? true : person.consent === 'opt-out' ? false : undefined,
        }),
        plan,
        started_at: new Date(startedAt).toISOString(),
        ...(referral === undefined ? {} : { referral: compact({ campaign: referral.name, partner_account_id: referral.partnerAccountId }) }),
      })),
  );
}
