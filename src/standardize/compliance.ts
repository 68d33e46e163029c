import type { Consent } from '../model/person.ts';
import type { MAILABILITY_VALUES } from '../systems/crm/schema.ts';
import { isIsoCountryCode } from './country.ts';

/** One value of `Mailability__c`. */
export type Mailability = (typeof MAILABILITY_VALUES)[number];

/**
 * The EU's 27 member states plus the three other EEA members (IS, LI, NO), by ISO 3166-1 alpha-2 code: the
 * countries where GDPR applies. GB left the EU but keeps the UK GDPR; it is listed in {@link OPT_IN_COUNTRIES}.
 */
export const EU_EEA_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
];

/**
 * Countries where marketing email needs an explicit opt-in: EU/EEA and GB, CH (GDPR and its equivalents), CA
 * (CASL), AU (Spam Act).
 */
export const OPT_IN_COUNTRIES: ReadonlySet<string> = new Set([...EU_EEA_COUNTRIES, 'GB', 'CH', 'CA', 'AU']);

/**
 * The mailability of a person from their STANDARDIZED country and their consent (DOMAIN.md "Compliance"):
 * - opt-in countries: 'Mailable' with consent 'opt-in', otherwise 'Opt-in required';
 * - elsewhere: 'Mailable' unless consent is 'opt-out' ('Not mailable');
 * - a missing country or anything that is not an upper-case ISO alpha-2 code: 'Not mailable'.
 *
 * It never standardizes by itself: `mailabilityFor('Deutschland', …)` is 'Not mailable', which is what makes
 * "country before compliance" checkable.
 */
export function mailabilityFor(countryCode: string | undefined, consent: Consent | undefined): Mailability {
  if (!isIsoCountryCode(countryCode)) return 'Not mailable';
  if (OPT_IN_COUNTRIES.has(countryCode)) return consent === 'opt-in' ? 'Mailable' : 'Opt-in required';
  return consent === 'opt-out' ? 'Not mailable' : 'Mailable';
}
