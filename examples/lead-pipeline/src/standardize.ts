import type { Consent } from './lead.ts';

/** Trimmed, lower-cased, without the spaces people type around the @. */
export function normalizeEmail(typed: string): string {
  return typed.trim().toLowerCase().replace(/\s*@\s*/g, '@');
}

/** Good enough to be a mailbox: one @, a dot in the domain, no spaces. */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(email);
}

/** GDPR (EU, EEA, UK, Switzerland), CASL (Canada) and the Spam Act (Australia): mail needs an opt-in. */
const OPT_IN_COUNTRIES = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB CH CA AU'.split(' '),
);

/** Mailability__c from the ISO country code and the consent. */
export function mailability(countryCode: string | undefined, consent: Consent): 'Mailable' | 'Opt-in required' | 'Not mailable' {
  if (countryCode === undefined) return 'Not mailable';
  if (OPT_IN_COUNTRIES.has(countryCode)) return consent === 'opt-in' ? 'Mailable' : 'Opt-in required';
  return consent === 'opt-out' ? 'Not mailable' : 'Mailable';
}

/** The email's domain, for account matching; free mail never matches an account. */
export function companyDomain(email: string): string | undefined {
  const domain = email.split('@')[1];
  return domain === undefined || FREE_MAIL.has(domain) ? undefined : domain;
}

const FREE_MAIL = new Set(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'gmx.de', 'web.de', 'proton.me']);
