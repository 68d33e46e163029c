import fc from 'fast-check';
import { DEFAULT_EPOCH } from '../core/clock.ts';
import { KEY_PREFIXES, type SObjectType } from '../systems/crm/schema.ts';
import { messyCountry, messyEmail, NOT_A_COUNTRY } from './mess.ts';
import type { PersonSeed } from './personSeed.ts';
import type { CampaignHint, CampaignPartnerKind, WorldHints } from './worldHints.ts';

/** `arbitrary`'s value, or undefined (the vendor left the field out) with probability `pMissing`. */
export function maybe<T>(arbitrary: fc.Arbitrary<T>, pMissing: number): fc.Arbitrary<T | undefined> {
  const missing = Math.round(pMissing * 100);
  if (missing <= 0) return arbitrary;
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: missing }, { arbitrary, weight: Math.max(0, 100 - missing) });
}

/**
 * The email a vendor sends for `person`: the person's own address messed up, or, with probability
 * `pDuplicate` when the world has existing people, an existing person's address messed up (a duplicate).
 */
export function inboundEmail(person: PersonSeed, world: WorldHints, pDuplicate = 0.15): fc.Arbitrary<string> {
  const own = messyEmail(person.email);
  // About one vendor record in a hundred carries no usable address at all: the pipeline must reject it with a reason.
  const unusable = fc.constantFrom(...UNUSABLE_EMAILS);
  if (world.existingEmails.length === 0) return fc.oneof({ arbitrary: own, weight: 99 }, { arbitrary: unusable, weight: 1 });
  const duplicate = fc.constantFrom(...world.existingEmails).chain(messyEmail);
  const weight = Math.round(pDuplicate * 100);
  return fc.oneof({ arbitrary: own, weight: 99 - weight }, { arbitrary: duplicate, weight }, { arbitrary: unusable, weight: 1 });
}

/** What vendors send when a person gave no usable email: placeholders, half addresses, a name. */
export const UNUSABLE_EMAILS = ['n/a', 'none', 'test@', '@example.com', 'john.smith', 'no email given'] as const;

/** Options of {@link countryField}. */
export interface CountryFieldOptions {
  /** Probability the field is missing. Default 0.1. */
  pMissing?: number;
  /** Probability it holds something that is no country ("N/A", "Remote"). Default 0.02. */
  pNotACountry?: number;
}

/** A country field as a vendor sends it: messy (see messyCountry), sometimes missing, rarely not a country at all. */
export function countryField(code: string, options: CountryFieldOptions = {}): fc.Arbitrary<string | undefined> {
  const pNotACountry = Math.round((options.pNotACountry ?? 0.02) * 1000);
  const value = fc.oneof({ arbitrary: messyCountry(code), weight: 1000 - pNotACountry }, { arbitrary: fc.constantFrom(...NOT_A_COUNTRY), weight: pNotACountry });
  return maybe(value, options.pMissing ?? 0.1);
}

/** A CRM record id of `type`: its key prefix, a number, and the "AAA" case suffix (18 characters). */
export function crmId(type: SObjectType): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 999_999_999 }).map((n) => `${KEY_PREFIXES[type]}${String(n).padStart(12, '0')}AAA`);
}

/** A vendor timestamp in epoch ms within 30 days before the default simulation start. */
export const vendorTime: fc.Arbitrary<number> = fc.integer({ min: DEFAULT_EPOCH - 30 * 86_400_000, max: DEFAULT_EPOCH });

/** The world's campaigns of the given partner kinds, or a made-up one when it has none. */
export function campaignOf(world: WorldHints, kinds: readonly CampaignPartnerKind[], fallbackName: string): fc.Arbitrary<CampaignHint> {
  const matching = world.campaigns.filter((c) => kinds.includes(c.partnerKind));
  if (matching.length > 0) return fc.constantFrom(...matching);
  return crmId('Campaign').map((id) => ({ id, name: fallbackName, partnerKind: 'none' as const }));
}

/** A partner CRM Account id: one of the world's partners, or a made-up one when it has none. */
export function partnerAccountId(world: WorldHints): fc.Arbitrary<string> {
  return world.partnerAccounts.length > 0 ? fc.constantFrom(...world.partnerAccounts.map((p) => p.id)) : crmId('Account');
}

/** Offer types of inbound forms (CampaignMember `Offer_Type__c` values). */
export const FORM_OFFER_TYPES = ['Demo - 1:1', 'Webinar', 'Contact Sales', 'Content'] as const;
