import countries from 'i18n-iso-countries';

/** The outcome of standardizing a raw country value. `code` is ISO 3166-1 alpha-2, `name` its English name. */
export type CountryResult = { ok: true; code: string; name: string } | { ok: false; reason: string };

/**
 * Locales whose names win when two languages use the same spelling for different countries, in this order; every
 * other locale the package ships follows, alphabetically.
 */
const PREFERRED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'nb', 'ja', 'zh', 'ko', 'ru'];

/**
 * The few spellings no locale of i18n-iso-countries covers but forms and spreadsheets are full of. Keys are already
 * normalized (see {@link countryKey}). Keep this list short: anything a locale file knows belongs there, not here.
 */
const ALIASES: Readonly<Record<string, string>> = {
  // The constituent countries of the United Kingdom are not ISO 3166-1 countries.
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  britain: 'GB',
  america: 'US',
  // The fr and it locales only ship the long forms ("États-Unis d'Amérique", "Stati Uniti d'America").
  'etats unis': 'US',
  'stati uniti': 'US',
};

/**
 * The lookup key of a raw value: accents folded, lower case, ß as ss, dots dropped ("U.S.A." → "usa"), every other run of
 * punctuation or space collapsed to one space, a leading "the " dropped.
 */
export function countryKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Upper-casing turns ß into SS ("GROSSBRITANNIEN"); fold both to ss.
    .replace(/ß/g, 'ss')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every localized name and alias of every country, by normalized key; the first locale to claim a key keeps it. */
const NAME_INDEX: ReadonlyMap<string, string> = buildNameIndex();

function buildNameIndex(): Map<string, string> {
  // The package's Node entry registers every locale it ships when loaded; fail loudly if a bundler picked another.
  const shipped = countries.langs();
  if (!shipped.includes('en') || !shipped.includes('de')) {
    throw new Error(`Failed to load "i18n-iso-countries": only ${shipped.length} locales are registered. Import its Node entry (entry-node.js).`);
  }
  const ordered = [...PREFERRED_LOCALES.filter((l) => shipped.includes(l)), ...shipped.filter((l) => !PREFERRED_LOCALES.includes(l)).sort()];
  const index = new Map<string, string>();
  for (const locale of ordered) {
    const names = countries.getNames(locale, { select: 'all' });
    for (const [code, spellings] of Object.entries(names)) {
      for (const spelling of spellings) {
        const key = countryKey(spelling);
        if (key && !index.has(key)) index.set(key, code);
      }
    }
  }
  return index;
}

const ALPHA2 = countries.getAlpha2Codes();

/** Results by raw input: the pipeline standardizes every lead, and the same few spellings come back again and again. */
const cache = new Map<string, CountryResult>();
const CACHE_LIMIT = 10_000;

/**
 * Standardizes a raw country value to ISO 3166-1 alpha-2: alpha-2 and alpha-3 codes in any case ("de", "DEU"),
 * names in every language i18n-iso-countries ships ("Deutschland", "Allemagne", "ドイツ"), common abbreviations
 * ("U.S.", "USA", " uk ") and a handful of aliases ("England" → GB). Pure; results are cached by input.
 *
 * @example standardizeCountry('Deutschland') // { ok: true, code: 'DE', name: 'Germany' }
 */
export function standardizeCountry(raw: string | undefined): CountryResult {
  if (raw === undefined) return { ok: false, reason: 'no country given' };
  const hit = cache.get(raw);
  if (hit) return hit;
  const result = resolve(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

function resolve(raw: string): CountryResult {
  const key = countryKey(raw);
  if (key === '') return { ok: false, reason: 'no country given' };
  const code = codeOf(key);
  if (code === undefined) return { ok: false, reason: `${JSON.stringify(raw)} is not a country name or an ISO 3166-1 code` };
  return { ok: true, code, name: countries.getName(code, 'en') ?? code };
}

function codeOf(key: string): string | undefined {
  const upper = key.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && ALPHA2[upper] !== undefined) return upper;
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = countries.alpha3ToAlpha2(upper);
    if (alpha2 !== undefined) return alpha2;
  }
  if (/^\d{3}$/.test(key)) return countries.numericToAlpha2(key);
  return ALIASES[key] ?? NAME_INDEX.get(key);
}

/** True when `code` is an ISO 3166-1 alpha-2 code exactly as standardization writes it (upper case, no padding). */
export function isIsoCountryCode(code: string | undefined): code is string {
  return code !== undefined && /^[A-Z]{2}$/.test(code) && ALPHA2[code] !== undefined;
}

/** Every ISO 3166-1 alpha-2 code i18n-iso-countries knows, in its order. */
export function isoCountryCodes(): string[] {
  return Object.keys(ALPHA2);
}
