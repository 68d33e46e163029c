import type { Consent } from '../model/person.ts';
export { domainOfWebsite } from '../standardize/websiteDomain.ts';

/**
 * A vendor's text field as a value: undefined when the vendor left it out, sent null, or sent only spaces.
 * Anything else is kept exactly as sent (messy values are the standardize job's business, not the transform's).
 */
export function present(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value.trim() === '' ? undefined : value;
}

/** A copy of `object` without its undefined-valued keys, so standard objects serialize the same way every time. */
export function compact<T extends object>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out as T;
}

/**
 * Consent from a checkbox-like vendor value: true / "yes" / "opt-in" / "x" (and "Ja", "Oui", "Sí" as localized exports
 * write it) → 'opt-in', false / "no" / "opt-out" / "Nein" / "Non" →
 * 'opt-out', anything else (unchecked, blank, missing) → 'unknown'.
 */
export function consentOf(value: boolean | string | undefined): Consent {
  if (value === true) return 'opt-in';
  if (value === false) return 'opt-out';
  const v = (value ?? '').trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x', 'opt-in', 'optin', 'opted in', 'ja', 'j', 'oui', 'si', 'sí'].includes(v)) return 'opt-in';
  if (['no', 'n', 'false', '0', 'opt-out', 'optout', 'opted out', 'unsubscribed', 'nein', 'non'].includes(v)) return 'opt-out';
  return 'unknown';
}

/** The person fields of a payload that uses Salesforce-style PascalCase names (a CRM record, a PRM registration). */
export function pascalPerson(p: { Email: string; FirstName?: string | undefined; LastName?: string | undefined; Title?: string | undefined; Phone?: string | undefined; Country?: string | undefined }, consent: Consent) {
  return compact({
    email: p.Email,
    firstName: present(p.FirstName),
    lastName: present(p.LastName),
    title: present(p.Title),
    phone: present(p.Phone),
    country: present(p.Country),
    consent,
  });
}
