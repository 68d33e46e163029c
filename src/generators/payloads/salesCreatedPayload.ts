import fc from 'fast-check';
import { compact } from '../../entrypoints/fieldValue.ts';
import type { SalesCreatedPayload } from '../../entrypoints/salesCreated.ts';
import { countryField, crmId, inboundEmail, maybe, vendorTime } from '../fieldArbitraries.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/**
 * A rep's hand-made Lead as the CRM change event carries it: owned by the rep who saved it (one of the world's
 * sales users when it has any), country typed as the rep likes, the prospect possibly already known.
 */
export function salesCreatedPayload(world: WorldHints): fc.Arbitrary<SalesCreatedPayload> {
  const rep = world.salesUsers.length > 0 ? fc.constantFrom(...world.salesUsers.map((u) => u.id)) : crmId('User');
  return personSeedArbitrary({ accountDomains: world.accountDomains, accountShare: 0.6 }).chain((person) =>
    fc
      .record({
        recordId: crmId('Lead'),
        rep,
        at: vendorTime,
        email: inboundEmail(person, world),
        firstName: maybe(fc.constant(person.firstName), 0.05),
        title: maybe(fc.constant(person.title), 0.3),
        phone: maybe(fc.constant(person.phone), 0.3),
        country: countryField(person.country, { pMissing: 0.2 }),
        website: maybe(fc.constant(person.domain), 0.5),
      })
      .map(({ recordId, rep, at, email, firstName, title, phone, country, website }) =>
        compact({
          ChangeEventHeader: { entityName: 'Lead' as const, changeType: 'CREATE' as const, recordIds: [recordId], commitUser: rep, commitTimestamp: at, changeOrigin: 'com/salesforce/api/rest/62.0' },
          Email: email,
          FirstName: firstName,
          LastName: person.lastName,
          Company: person.company,
          Title: title,
          Phone: phone,
          Country: country,
          Website: website,
          LeadSource: 'Sales',
          OwnerId: rep,
        }),
      ),
  );
}
