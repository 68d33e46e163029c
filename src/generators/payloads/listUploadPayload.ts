import fc from 'fast-check';
import { compact } from '../../entrypoints/fieldValue.ts';
import type { ListUploadPayload } from '../../entrypoints/listUpload.ts';
import { campaignOf, countryField, inboundEmail, maybe, partnerAccountId } from '../fieldArbitraries.ts';
import { messyName } from '../mess.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/** Member statuses an event list is uploaded with. */
const EVENT_MEMBER_STATUSES = ['Attended', 'Visited Booth', 'Registered', 'No Show', 'Follow Up Requested'] as const;

/**
 * One row of an event CSV: blank cells for what the badge scanner missed, countries typed by hand, a consent
 * column in several spellings. Uploaded to an event campaign, or to a partner-sponsored event's campaign with
 * the partner's account id stamped on the upload.
 */
export function listUploadPayload(world: WorldHints): fc.Arbitrary<ListUploadPayload> {
  return personSeedArbitrary({ accountDomains: world.accountDomains }).chain((person) =>
    fc
      .record({
        campaign: campaignOf(world, ['none', 'sponsored-event'], 'Trade Show - Regional Roadshow'),
        fallbackPartner: partnerAccountId(world),
        memberStatus: fc.constantFrom(...EVENT_MEMBER_STATUSES),
        line: fc.integer({ min: 2, max: 500 }),
        email: inboundEmail(person, world),
        firstName: maybe(messyName(person.firstName), 0.1),
        lastName: maybe(messyName(person.lastName), 0.05),
        company: maybe(fc.constant(person.company), 0.1),
        country: countryField(person.country, { pMissing: 0.1 }),
        phone: maybe(fc.constant(person.phone), 0.5),
        title: maybe(fc.constant(person.title), 0.3),
        consent: fc.constantFrom(...consentCells(person.consent)),
      })
      .map(({ campaign, fallbackPartner, memberStatus, line, email, firstName, lastName, company, country, phone, title, consent }) =>
        compact({
          file: `${campaign.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.csv`,
          line,
          campaign: campaign.name,
          memberStatus,
          partnerAccountId: campaign.partnerKind === 'sponsored-event' ? (campaign.partnerAccountId ?? fallbackPartner) : undefined,
          // CSV cells are never missing, only blank.
          row: {
            Email: email,
            'First Name': firstName ?? '',
            'Last Name': lastName ?? '',
            Company: company ?? '',
            Country: country ?? '',
            Phone: phone ?? '',
            Title: title ?? '',
            Consent: consent,
          },
        }),
      ),
  );
}

function consentCells(consent: string): readonly string[] {
  if (consent === 'opt-in') return ['Yes', 'yes', 'Y', 'Opt-in'];
  if (consent === 'opt-out') return ['No', 'no', 'N'];
  return [''];
}
