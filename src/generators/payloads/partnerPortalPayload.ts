import fc from 'fast-check';
import { compact } from '../../entrypoints/fieldValue.ts';
import type { PartnerPortalPayload } from '../../entrypoints/partnerPortal.ts';
import { countryField, inboundEmail, maybe, partnerAccountId, vendorTime } from '../fieldArbitraries.ts';
import { messyName } from '../mess.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/**
 * A partner's lead registration: one of the world's partner accounts and one of its portal users, sometimes
 * under a joint or MDF campaign of that partner; partners type countries and names their own way.
 */
export function partnerPortalPayload(world: WorldHints): fc.Arbitrary<PartnerPortalPayload> {
  return fc.record({ person: personSeedArbitrary({ accountDomains: world.accountDomains }), partner: partnerAccountId(world) }).chain(({ person, partner }) => {
    const hint = world.partnerAccounts.find((p) => p.id === partner);
    const users = hint?.partnerUserIds ?? [];
    const campaigns = world.campaigns.filter((c) => c.partnerAccountId === partner && (c.partnerKind === 'joint' || c.partnerKind === 'mdf'));
    return fc
      .record({
        id: fc.integer({ min: 1, max: 9_999_999 }),
        user: users.length > 0 ? fc.constantFrom(...users) : fc.integer({ min: 1, max: 99 }).map((n) => `${partner}-U${n}`),
        campaign: campaigns.length > 0 ? maybe(fc.constantFrom(...campaigns.map((c) => c.id)), 0.6) : fc.constant(undefined),
        email: inboundEmail(person, world),
        firstName: maybe(messyName(person.firstName), 0.05),
        lastName: maybe(messyName(person.lastName), 0.02),
        country: countryField(person.country, { pMissing: 0.05 }),
        phone: maybe(fc.constant(person.phone), 0.2),
        title: maybe(fc.constant(person.title), 0.4),
        created: vendorTime,
      })
      .map(({ id, user, campaign, email, firstName, lastName, country, phone, title, created }) =>
        compact({
          Id: id,
          FirstName: firstName,
          LastName: lastName,
          Email: email,
          Company: person.company,
          Country: country,
          Phone: phone,
          Title: title,
          PartnerAccountId: partner,
          PartnerUserId: user,
          CampaignCrmId: campaign,
          MarketingOptIn: person.consent === 'opt-in' ? true : person.consent === 'opt-out' ? false : undefined,
          // Impartner's date format: yyyy-MM-dd HH:mm:ss.
          Created: new Date(created).toISOString().slice(0, 19).replace('T', ' '),
        }),
      );
  });
}
