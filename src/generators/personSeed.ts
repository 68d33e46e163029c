import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import type { Consent } from '../model/person.ts';
import { type FakerLocale, seededFaker } from './fakerFrom.ts';

/** Who a generated person is, before any vendor renders (and messes up) them. */
export interface PersonSeed {
  readonly firstName: string;
  readonly lastName: string;
  /** Clean, lower-case. */
  readonly email: string;
  readonly company: string;
  /** The company's bare domain, the email's domain. */
  readonly domain: string;
  readonly title: string;
  /** In the national format of `country` ("030 12345678"), or absent when libphonenumber has no example. */
  readonly phone?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly consent: Consent;
  readonly employees: number;
}

/**
 * Countries people come from, with weights, across AMER, EMEA and APJ, and the faker locale their names come
 * from (unicode names included: ja, zh_CN, ko, ar, pl...).
 */
export const PERSON_COUNTRIES: readonly { code: string; weight: number; locale: FakerLocale }[] = [
  { code: 'US', weight: 28, locale: 'en_US' },
  { code: 'CA', weight: 5, locale: 'en_CA' },
  { code: 'BR', weight: 4, locale: 'pt_BR' },
  { code: 'MX', weight: 2, locale: 'es_MX' },
  { code: 'GB', weight: 10, locale: 'en_GB' },
  { code: 'DE', weight: 10, locale: 'de' },
  { code: 'FR', weight: 6, locale: 'fr' },
  { code: 'NL', weight: 3, locale: 'nl' },
  { code: 'CH', weight: 2, locale: 'de_CH' },
  { code: 'ES', weight: 2, locale: 'es' },
  { code: 'IT', weight: 2, locale: 'it' },
  { code: 'SE', weight: 2, locale: 'sv' },
  { code: 'PL', weight: 1, locale: 'pl' },
  { code: 'IE', weight: 1, locale: 'en_IE' },
  { code: 'AE', weight: 1, locale: 'ar' },
  { code: 'ZA', weight: 1, locale: 'en_ZA' },
  { code: 'JP', weight: 5, locale: 'ja' },
  { code: 'AU', weight: 4, locale: 'en_AU' },
  { code: 'IN', weight: 5, locale: 'en_IN' },
  { code: 'SG', weight: 2, locale: 'en' },
  { code: 'CN', weight: 1, locale: 'zh_CN' },
  { code: 'KR', weight: 1, locale: 'ko' },
  { code: 'NZ', weight: 1, locale: 'en_AU' },
];

/** A country of {@link PERSON_COUNTRIES} by weight (fast-check's `oneof` picks by weight without bias); shrinks toward US. */
export const personCountry: fc.Arbitrary<(typeof PERSON_COUNTRIES)[number]> = fc.oneof(
  ...PERSON_COUNTRIES.map((country) => ({ arbitrary: fc.constant(country), weight: country.weight })),
);

const consent: fc.Arbitrary<Consent> = fc.oneof(
  { arbitrary: fc.constant('unknown' as const), weight: 6 },
  { arbitrary: fc.constant('opt-in' as const), weight: 3 },
  { arbitrary: fc.constant('opt-out' as const), weight: 1 },
);

/** Options of {@link personSeedArbitrary}. */
export interface PersonSeedOptions {
  /** Domains of existing accounts; a person works at one of them with probability `accountShare`. */
  accountDomains?: readonly string[];
  /** Default 0.35. */
  accountShare?: number;
}

/**
 * An arbitrary of people: names from their country's faker locale (unicode kept), an ASCII email at their
 * company's domain (an existing account's domain some of the time), a title, a phone in national format, a
 * weighted country and a consent (60% unknown, 30% opt-in, 10% opt-out).
 */
export function personSeedArbitrary(options: PersonSeedOptions = {}): fc.Arbitrary<PersonSeed> {
  const domains = options.accountDomains ?? [];
  const share = options.accountShare ?? 0.35;
  const percent = Math.round(share * 100);
  const accountDomain: fc.Arbitrary<string | undefined> =
    domains.length === 0 || percent <= 0
      ? fc.constant(undefined)
      : fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - Math.min(100, percent) }, { arbitrary: fc.constantFrom(...domains), weight: percent });
  return fc
    .record({ country: personCountry, seed: fc.noBias(fc.integer()), consent, accountDomain, emailStyle: fc.noBias(fc.nat(4)), employees: fc.integer({ min: 1, max: 50_000 }) })
    .map(({ country, seed, consent, accountDomain, emailStyle, employees }) => {
      const f = seededFaker(seed, country.locale);
      const firstName = f.person.firstName();
      const lastName = f.person.lastName();
      const title = f.person.jobTitle();
      const phone = nationalPhone(country.code, f.string.numeric(4));
      const company = accountDomain === undefined ? f.company.name() : companyOfDomain(accountDomain);
      const domain = accountDomain ?? domainOf(company, country.code, f.number.int({ min: 0, max: 9 }));
      const local = emailLocalPart(firstName, lastName, emailStyle, seed);
      return { firstName, lastName, email: `${local}@${domain}`, company, domain, title, ...(phone === undefined ? {} : { phone }), country: country.code, consent, employees };
    });
}

/** ASCII letters of a name: accents folded, anything else dropped ("Zoë" → "zoe", "山田" → ""). */
function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function emailLocalPart(firstName: string, lastName: string, style: number, seed: number): string {
  let first = ascii(firstName);
  let last = ascii(lastName);
  if (first === '' || last === '') {
    // Names in non-Latin scripts: people still have ASCII mailboxes; borrow English ones from the same seed.
    const en = seededFaker(seed, 'en');
    first = first || ascii(en.person.firstName());
    last = last || ascii(en.person.lastName());
  }
  switch (style) {
    case 0:
      return `${first}.${last}`;
    case 1:
      return `${first.charAt(0)}${last}`;
    case 2:
      return first;
    case 3:
      return `${first}_${last}`;
    default:
      return `${first}.${last}${(seed >>> 0) % 100}`;
  }
}

const TLD: Readonly<Record<string, string>> = { GB: 'co.uk', JP: 'co.jp', AU: 'com.au', BR: 'com.br', IN: 'co.in', NZ: 'co.nz', ZA: 'co.za' };

function domainOf(company: string, country: string, roll: number): string {
  const slug = ascii(company.split(/[ ,]/)[0] ?? '') || ascii(company) || 'company';
  const tld = roll < 6 ? 'com' : (TLD[country] ?? country.toLowerCase());
  return `${slug}.${tld}`;
}

function companyOfDomain(domain: string): string {
  const head = domain.split('.')[0] ?? domain;
  return head.charAt(0).toUpperCase() + head.slice(1);
}

/** A mobile number of `country` in national format: libphonenumber's example with its last digits replaced. */
function nationalPhone(country: string, digits: string): string | undefined {
  const example = getExampleNumber(country as CountryCode, examples);
  if (example === undefined) return undefined;
  const national = String(example.nationalNumber);
  const number = national.slice(0, Math.max(0, national.length - digits.length)) + digits.slice(0, national.length);
  return parsePhoneNumberFromString(number, country as CountryCode)?.formatNational();
}
