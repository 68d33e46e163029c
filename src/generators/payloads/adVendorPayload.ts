import fc from 'fast-check';
import type { AdVendorPayload } from '../../entrypoints/adVendor.ts';
import { campaignOf, countryField, inboundEmail, maybe, vendorTime } from '../fieldArbitraries.ts';
import { personSeedArbitrary } from '../personSeed.ts';
import type { WorldHints } from '../worldHints.ts';

/**
 * Lead-gen form answers: LinkedIn-like forms send a full name, Facebook-like ones first and last names; the
 * country is a code or a name; optional answers are left out of the list.
 */
export function adVendorPayload(world: WorldHints): fc.Arbitrary<AdVendorPayload> {
  return personSeedArbitrary({ accountDomains: world.accountDomains }).chain((person) =>
    fc
      .record({
        platform: fc.constantFrom('linkedin' as const, 'facebook' as const),
        formId: fc.integer({ min: 100_000, max: 999_999 }),
        email: inboundEmail(person, world),
        country: countryField(person.country, { pMissing: 0.15 }),
        phone: maybe(fc.constant(person.phone), 0.5),
        title: maybe(fc.constant(person.title), 0.2),
        company: maybe(fc.constant(person.company), 0.1),
        consent: maybe(fc.constant(person.consent === 'opt-in' ? 'yes' : person.consent === 'opt-out' ? 'no' : undefined), 0.3),
        campaign: maybe(campaignOf(world, ['none', 'joint'], 'Paid Social - Always On'), 0.1),
        created: vendorTime,
      })
      .map(({ platform, formId, email, country, phone, title, company, consent, campaign, created }) => {
        const names: [string, string][] =
          platform === 'linkedin'
            ? [['full_name', `${person.firstName} ${person.lastName}`]]
            : [
                ['first_name', person.firstName],
                ['last_name', person.lastName],
              ];
        const answers: [string, string | undefined][] = [
          ['email', email],
          ...names,
          ['company_name', company],
          ['job_title', title],
          ['phone_number', phone],
          ['country', country],
          ['marketing_consent', consent],
        ];
        return {
          platform,
          form_id: String(formId),
          ...(campaign === undefined ? {} : { campaign_name: campaign.name }),
          field_data: answers.flatMap(([name, value]) => (value === undefined ? [] : [{ name, values: [value] }])),
          created_time: new Date(created).toISOString(),
        };
      }),
  );
}
