import fc from 'fast-check';
import type { ChatPayload } from '../../entrypoints/chat.ts';
import { compact } from '../../entrypoints/fieldValue.ts';
import { campaignOf, countryField, inboundEmail, maybe } from '../fieldArbitraries.ts';
import { messyName } from '../mess.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/** Chat lead-captured webhooks: the full name in one field (missing a fifth of the time), free-text country. */
export function chatPayload(world: WorldHints): fc.Arbitrary<ChatPayload> {
  return personSeedArbitrary({ accountDomains: world.accountDomains }).chain((person) =>
    fc
      .record({
        email: inboundEmail(person, world),
        name: maybe(messyName(`${person.firstName} ${person.lastName}`), 0.2),
        phone: maybe(fc.constant(person.phone), 0.7),
        company: maybe(fc.constant(person.company), 0.3),
        country: countryField(person.country, { pMissing: 0.25 }),
        title: maybe(fc.constant(person.title), 0.6),
        conversationId: fc.integer({ min: 1, max: 9_999_999 }),
        campaign: maybe(campaignOf(world, ['none'], 'Chat - Website'), 0.5),
      })
      .map(({ email, name, phone, company, country, title, conversationId, campaign }) => ({
        type: 'conversation.lead_captured' as const,
        data: compact({
          conversationId,
          contact: compact({
            email,
            name,
            phone,
            attributes: compact({
              company,
              country_name: country,
              job_title: title,
              ...(person.consent === 'opt-in' ? { email_opt_in: true } : {}),
            }),
          }),
          campaign: campaign?.name,
        }),
      })),
  );
}
