import { z } from 'zod';

/** The outcome of standardizing a raw email address. */
export type EmailResult = { ok: true; email: string; domain: string } | { ok: false; reason: string };

const EMAIL = z.email();

/**
 * Standardizes an email address: trims it, lower-cases it, drops spaces typed around the `@`
 * ("john @ acme.com"), then validates it with zod's email check. Any other space inside is an error.
 *
 * @example standardizeEmail('  John.Doe@ACME.com ') // { ok: true, email: 'john.doe@acme.com', domain: 'acme.com' }
 */
export function standardizeEmail(raw: string | undefined): EmailResult {
  if (raw === undefined) return { ok: false, reason: 'no email given' };
  const email = raw.trim().toLowerCase().replace(/\s*@\s*/g, '@');
  if (email === '') return { ok: false, reason: 'no email given' };
  if (!EMAIL.safeParse(email).success) return { ok: false, reason: `${JSON.stringify(raw)} is not a valid email address` };
  return { ok: true, email, domain: emailDomain(email) };
}

/** The domain of an email address, lower-cased: everything after the last `@` (empty when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}
