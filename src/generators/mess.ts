import countries from 'i18n-iso-countries';
import fc from 'fast-check';

/** Languages a messy country name is drawn from: the ones forms in our regions are filled in. */
export const MESSY_COUNTRY_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'ja', 'zh'] as const;

/**
 * Spellings people type that are not in any locale file and that the standardizer knows as aliases, or that
 * only appear as dotted abbreviations. Keys are alpha-2 codes.
 */
const KNOWN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'U.S.A.', 'USA', 'us', 'America', 'United States', 'États-Unis'],
  GB: ['uk', 'U.K.', 'England', 'Great Britain', 'Britain', 'Scotland'],
  NL: ['Holland', 'The Netherlands'],
  AE: ['UAE', 'U.A.E.'],
};

const padding = fc.constantFrom('', '', '', ' ', '  ', '\t', ' \u00a0');

/** Upper-cases, lower-cases or keeps a text; codes come in any case. */
function anyCase(text: string): fc.Arbitrary<string> {
  return fc.constantFrom(text, text.toUpperCase(), text.toLowerCase(), text.charAt(0).toUpperCase() + text.slice(1).toLowerCase());
}

function padded(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(padding, text, padding).map(([left, value, right]) => left + value + right);
}

/**
 * How people write the country `code` (ISO alpha-2): its name in one of several languages (every spelling
 * i18n-iso-countries lists, aliases included), the alpha-2 or alpha-3 code in any case, a dotted abbreviation or
 * a known alias, with stray spaces around.
 *
 * @example fc.sample(messyCountry('DE'), 3) // ['Allemagne', ' deu', 'DEUTSCHLAND']
 */
export function messyCountry(code: string): fc.Arbitrary<string> {
  const names = MESSY_COUNTRY_LANGUAGES.flatMap((lang) => countries.getName(code, lang, { select: 'all' }) ?? []);
  const alpha3 = countries.alpha2ToAlpha3(code);
  const variants: fc.WeightedArbitrary<string>[] = [{ arbitrary: anyCase(code), weight: 3 }];
  if (names.length > 0) variants.push({ arbitrary: fc.constantFrom(...names).chain(anyCase), weight: 6 });
  if (alpha3 !== undefined) variants.push({ arbitrary: anyCase(alpha3), weight: 1 });
  const aliases = KNOWN_ALIASES[code];
  if (aliases !== undefined) variants.push({ arbitrary: fc.constantFrom(...aliases), weight: 3 });
  return padded(fc.oneof(...variants));
}

/**
 * How people type an email the standardizer accepts: mixed case, spaces around it, sometimes spaces around the
 * `@` (the standardizer drops those). The address itself is unchanged otherwise.
 */
export function messyEmail(email: string): fc.Arbitrary<string> {
  const at = email.lastIndexOf('@');
  const cased = fc.oneof(
    { arbitrary: fc.constant(email), weight: 5 },
    { arbitrary: fc.constant(email.toUpperCase()), weight: 1 },
    { arbitrary: fc.constant(capitalizeParts(email)), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 0x7fffffff }).map((mask) => toggleCase(email, mask)), weight: 2 },
  );
  const aroundAt = at < 0 ? fc.constant((s: string) => s) : fc.constantFrom((s: string) => s, (s: string) => s, (s: string) => s, (s: string) => `${s.slice(0, at)} @ ${s.slice(at + 1)}`);
  return fc.tuple(padding, cased, aroundAt, padding).map(([left, value, spaceAt, right]) => left + spaceAt(value) + right);
}

/** "ada.lovelace@acme.io" → "Ada.Lovelace@Acme.io": every word after a dot or @ capitalized. */
function capitalizeParts(email: string): string {
  return email.replace(/(^|[.@_-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function toggleCase(text: string, mask: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += (mask >>> i % 31) & 1 ? text.charAt(i).toUpperCase() : text.charAt(i);
  return out;
}

/**
 * How a name arrives: as given (unicode kept: "Zoë", "Łukasz", "山田"), shouted, lower-cased, or with stray and
 * doubled spaces.
 */
export function messyName(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(name), weight: 8 },
    { arbitrary: fc.constant(name.toUpperCase()), weight: 1 },
    { arbitrary: fc.constant(name.toLowerCase()), weight: 1 },
    { arbitrary: padded(fc.constant(name.replace(/ /g, '  '))), weight: 1 },
  );
}

/** Values people put in a country field that are no country at all; generators use them rarely. */
export const NOT_A_COUNTRY = ['N/A', 'Other', '-', 'Earth', 'Remote', 'EU'] as const;
