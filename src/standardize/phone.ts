import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The outcome of standardizing a raw phone number. `country` is the country the number belongs to, when known. */
export type PhoneResult = { ok: true; e164: string; country?: string } | { ok: false; reason: string };

/**
 * Standardizes a phone number to E.164 with libphonenumber-js. A national number ("030 1234567") needs the
 * person's standardized country (`'DE'`); an international one ("+49 30 1234567") parses alone.
 * A number that cannot be parsed, or has an impossible length for its country, is an error with a reason; what
 * to keep then is the pipeline's decision.
 *
 * @example standardizePhone('(415) 555-2671', 'US') // { ok: true, e164: '+14155552671', country: 'US' }
 */
export function standardizePhone(raw: string | undefined, countryCode?: string): PhoneResult {
  if (raw === undefined || raw.trim() === '') return { ok: false, reason: 'no phone given' };
  const parsed = parsePhoneNumberFromString(raw, defaultCountry(countryCode));
  if (parsed === undefined) {
    const hint = countryCode === undefined ? ' without a country' : ` for country ${countryCode}`;
    return { ok: false, reason: `${JSON.stringify(raw)} cannot be parsed as a phone number${hint}` };
  }
  if (!parsed.isPossible()) return { ok: false, reason: `${JSON.stringify(raw)} has an impossible length for ${parsed.country ?? `+${parsed.countryCallingCode}`}` };
  return parsed.country === undefined ? { ok: true, e164: parsed.number } : { ok: true, e164: parsed.number, country: parsed.country };
}

function defaultCountry(code: string | undefined): { defaultCountry?: CountryCode } {
  // libphonenumber-js throws on an unknown default country; only pass an upper-case alpha-2 code.
  return code !== undefined && /^[A-Z]{2}$/.test(code) ? { defaultCountry: code as CountryCode } : {};
}
