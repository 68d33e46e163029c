import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import type { WebFormPayload } from '../../entrypoints/webForm.ts';
import { compact } from '../../entrypoints/fieldValue.ts';
import { campaignOf, countryField, FORM_OFFER_TYPES, inboundEmail, maybe } from '../fieldArbitraries.ts';
import { messyName } from '../mess.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/**
 * Marketo form fills: half the forms use a country picklist (the English name, clean), the other half a free
 * text field (messy); phone, title and names are optional fields people skip.
 */
export function webFormPayload(world: WorldHints): fc.Arbitrary<WebFormPayload> {
  return personSeedArbitrary({ accountDomains: world.accountDomains }).chain((person) =>
    fc
      .record({
        formId: fc.integer({ min: 1000, max: 1999 }),
        email: inboundEmail(person, world),
        firstName: maybe(messyName(person.firstName), 0.05),
        lastName: maybe(messyName(person.lastName), 0.05),
        company: maybe(fc.constant(person.company), 0.1),
        country: fc.oneof(fc.constant<string | undefined>(countries.getName(person.country, 'en')), countryField(person.country)),
        phone: maybe(fc.constant(person.phone), 0.4),
        title: maybe(fc.constant(person.title), 0.3),
        offerType: fc.constantFrom(...FORM_OFFER_TYPES),
        program: maybe(campaignOf(world, ['none', 'joint', 'mdf'], 'Website - Contact Us'), 0.2),
        path: fc.constantFrom('/demo', '/contact', '/webinar/q1', '/pricing'),
      })
      .map(({ formId, email, firstName, lastName, company, country, phone, title, offerType, program, path }) =>
        compact({
          formId,
          leadFormFields: compact({
            email,
            firstName,
            lastName,
            company,
            country,
            phone,
            title,
            offerType,
            ...(person.consent === 'opt-in' ? { emailOptIn: true } : person.consent === 'opt-out' ? { unsubscribed: true } : {}),
          }),
          visitorData: { pageURL: `https://www.example.com${path}` },
          cookie: `id:561-HYG-937&token:_mch-example.com-${formId}`,
          programName: program?.name,
        }),
      ),
  );
}
