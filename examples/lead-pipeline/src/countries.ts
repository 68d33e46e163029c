import countries from 'i18n-iso-countries';

/** The languages our forms, events and partners type country names in. */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'ja', 'zh'];

/** What people type that no country list has. */
const ALIASES: Readonly<Record<string, string>> = {
  usa: 'US', 'u s': 'US', 'u s a': 'US', america: 'US', 'united states': 'US', 'états-unis': 'US',
  uk: 'GB', 'u k': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', britain: 'GB', 'great britain': 'GB',
  holland: 'NL', 'the netherlands': 'NL',
  uae: 'AE', 'u a e': 'AE',
};

/** Case, accents, dots and runs of spaces do not matter: " U.S.A. " and "u s a" are one key. */
function key(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}

let map: Map<string, string> | undefined;

/** Every name, code and alias we know, by key, built once. */
function countryMap(): Map<string, string> {
  if (map) return map;
  map = new Map();
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    map.set(key(code), code);
    const alpha3 = countries.alpha2ToAlpha3(code);
    if (alpha3) map.set(key(alpha3), code);
    for (const lang of LANGUAGES) for (const name of countries.getName(code, lang, { select: 'all' }) ?? []) if (!map.has(key(name))) map.set(key(name), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(key(alias), code);
  return map;
}

/** The ISO 3166-1 alpha-2 code of a country as typed, or undefined ("N/A", "Remote", nothing). */
export function countryCode(typed: string | undefined): string | undefined {
  return typed === undefined ? undefined : countryMap().get(key(typed));
}

/** The English name of a code, for the Country field. */
export function countryName(code: string): string | undefined {
  return countries.getName(code, 'en');
}

/** Our sales regions by country. */
const REGIONS: Readonly<Record<string, readonly string[]>> = {
  AMER: ['US', 'CA', 'MX', 'BR', 'AR', 'CL', 'CO', 'PE'],
  EMEA: ['GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'LU', 'ES', 'PT', 'IT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'AE', 'SA', 'IL', 'ZA', 'TR'],
  APJ: ['JP', 'CN', 'KR', 'IN', 'SG', 'AU', 'NZ', 'HK', 'TW', 'ID', 'MY', 'TH', 'PH', 'VN'],
};

/** The sales region of a country code. */
export function regionOf(code: string | undefined): string | undefined {
  return Object.keys(REGIONS).find((region) => code !== undefined && REGIONS[region]!.includes(code));
}
