import { createHash } from 'node:crypto';
import countries from 'i18n-iso-countries';
import { CLDR_LOCALES } from './cldrLocales.ts';
import { AMBIGUOUS_COUNTRY_NAMES, COUNTRY_ALIASES, FORMER_COUNTRIES } from './countryAliases.ts';
import { COUNTRY_NAME_CORRECTIONS } from './countryCorrections.ts';
import { countryIndexStore, type CountryIndexData } from './countryIndexStore.ts';
import { countryKey } from './countryKey.ts';
import { allCountryNames, cldrCountryNames, countriesListNames, i18nIsoCountryNames, worldCountryNames, type CountryName } from './countryNameSources.ts';

/** What a country key names: one country, several (left unmapped), or a country that no longer exists. */
export type CountryIndexEntry =
  | { readonly kind: 'country'; readonly code: string }
  | { readonly kind: 'ambiguous'; readonly codes: readonly string[] }
  | { readonly kind: 'former' };

/** The name index: every dataset name, alias and transliteration by {@link countryKey}. */
export interface CountryIndex {
  lookup(key: string): CountryIndexEntry | undefined;
  /** How many keys it holds, and how many of them name more than one country. */
  readonly size: number;
  readonly ambiguousKeys: number;
}

/** An alternative spelling that is the country's own ISO code ("AO" for Angola): codes are read as codes, not names. */
function isOwnCode(name: string, code: string): boolean {
  const upper = name.trim().toUpperCase();
  return upper === code || upper === countries.alpha2ToAlpha3(code);
}

/** German spelling without umlauts ("Oesterreich", "Daenemark", "Tuerkei"): indexed beside the name itself. */
function transliterate(name: string): string | undefined {
  if (!/[äöüÄÖÜ]/.test(name)) return undefined;
  return name.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c]!);
}

/**
 * Builds the index from every name of every source ({@link allCountryNames}), less the corrected dependency errors:
 * a key that the datasets give to two countries is ambiguous (never a guess). Curated ambiguous names and former
 * countries come first; curated aliases fill only keys no dataset has. A country's own ISO codes are not indexed: the
 * caller reads codes as codes.
 */
export function buildCountryIndex(names: Iterable<CountryName> = allCountryNames()): CountryIndex {
  return indexOf(buildCountryIndexData(names));
}

/** {@link buildCountryIndex}, as data a cache can keep. */
export function buildCountryIndexData(names: Iterable<CountryName> = allCountryNames()): CountryIndexData {
  const corrected = new Set(COUNTRY_NAME_CORRECTIONS.map((c) => `${c.source}\u0000${c.name}\u0000${c.wrong}`));
  const codesByKey = new Map<string, Set<string>>();
  // Most names repeat across locales ("Guyana" in 450 of them): key each spelling once.
  const keys = new Map<string, string>();
  const add = (name: string, code: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = countryKey(name)));
    if (key === '') return;
    let codes = codesByKey.get(key);
    if (codes === undefined) codesByKey.set(key, (codes = new Set()));
    codes.add(code);
  };
  for (const { name, code, source } of names) {
    if (corrected.has(`${source}\u0000${name}\u0000${code}`)) continue;
    if (isOwnCode(name, code)) continue;
    add(name, code);
    const german = transliterate(name);
    if (german !== undefined) add(german, code);
  }
  const data = new Map<string, string | readonly string[] | null>();
  for (const former of FORMER_COUNTRIES) data.set(countryKey(former), null);
  for (const [name, codes] of Object.entries(AMBIGUOUS_COUNTRY_NAMES)) data.set(countryKey(name), codes);
  for (const [key, codes] of codesByKey) if (!data.has(key)) data.set(key, codes.size === 1 ? [...codes][0]! : [...codes].sort());
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const key = countryKey(alias);
    if (!data.has(key)) data.set(key, code);
  }
  return [...data];
}

function indexOf(data: CountryIndexData): CountryIndex {
  const entries = new Map<string, CountryIndexEntry>();
  let ambiguousKeys = 0;
  for (const [key, entry] of data) {
    if (Array.isArray(entry)) ambiguousKeys++;
    entries.set(key, entry === null ? { kind: 'former' } : typeof entry === 'string' ? { kind: 'country', code: entry } : { kind: 'ambiguous', codes: entry });
  }
  return { lookup: (key) => entries.get(key), size: entries.size, ambiguousKeys };
}

let shared: CountryIndex | undefined;

/**
 * What the index is built from, hashed: Node's ICU and CLDR versions, the locale table, the curated tables and the
 * code that reads and keys the names. Package versions are the store's to add (it knows where they are installed).
 */
export function countryIndexSignature(): string {
  const code = [countryKey, buildCountryIndexData, transliterate, isOwnCode, cldrCountryNames, i18nIsoCountryNames, worldCountryNames, countriesListNames].map(String);
  const tables = [CLDR_LOCALES, COUNTRY_ALIASES, AMBIGUOUS_COUNTRY_NAMES, FORMER_COUNTRIES, COUNTRY_NAME_CORRECTIONS];
  return createHash('sha256').update(JSON.stringify([process.versions.icu, process.versions.cldr, process.versions.unicode, code, tables])).digest('hex').slice(0, 24);
}

/** The process-wide index, built on first use (or loaded from the store) and kept. */
export function countryIndex(): CountryIndex {
  if (shared) return shared;
  const store = countryIndexStore();
  const signature = store ? countryIndexSignature() : '';
  let data = store?.load(signature);
  if (data === undefined) {
    data = buildCountryIndexData();
    store?.save(signature, data);
  }
  return (shared = indexOf(data));
}
