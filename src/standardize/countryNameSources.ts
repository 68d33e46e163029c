import { countries as countriesList } from 'countries-list';
import countries from 'i18n-iso-countries';
import worldCountries from 'world-countries';
import { CLDR_LOCALES } from './cldrLocales.ts';

/** Where a country name comes from: Node's CLDR data, or one of the country packages leadsim depends on. */
export type CountryNameSource = 'cldr' | 'i18n-iso-countries' | 'world-countries' | 'countries-list';

/** One name a dataset gives a country: `name` as the dataset spells it, `code` ISO 3166-1 alpha-2, `locale` its language. */
export interface CountryName {
  readonly name: string;
  readonly code: string;
  readonly source: CountryNameSource;
  /** The locale (CLDR, i18n-iso-countries) or ISO 639-3 language (world-countries), or the field (`altSpellings`). */
  readonly locale: string;
}

/** Every ISO 3166-1 alpha-2 code i18n-iso-countries knows, in its order. */
export const ALPHA2_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes());

/**
 * The locales of {@link CLDR_LOCALES} that the running Node's ICU has region names for itself (a tag it would
 * resolve to a parent adds nothing).
 */
export function icuRegionLocales(): string[] {
  return Intl.DisplayNames.supportedLocalesOf([...CLDR_LOCALES]).filter((tag) => new Intl.DisplayNames([tag], { type: 'region' }).resolvedOptions().locale === tag);
}

/** Every region name CLDR (through `Intl.DisplayNames`) gives an ISO country, in every locale of {@link icuRegionLocales}. */
export function* cldrCountryNames(locales: readonly string[] = icuRegionLocales()): Generator<CountryName> {
  for (const locale of locales) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of ALPHA2_CODES) {
      const name = names.of(code);
      if (name !== undefined && name !== code) yield { name, code, source: 'cldr', locale };
    }
  }
}

/** Every name i18n-iso-countries ships (all its locales, official and alternative names). */
export function* i18nIsoCountryNames(): Generator<CountryName> {
  const shipped = countries.langs();
  // The package's Node entry registers every locale it ships when loaded; fail loudly if a bundler picked another.
  if (!shipped.includes('en') || !shipped.includes('de')) {
    throw new Error(`Failed to load "i18n-iso-countries": only ${shipped.length} locales are registered. Import its Node entry (entry-node.js).`);
  }
  for (const locale of shipped) {
    for (const [code, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
      for (const name of names) yield { name, code, source: 'i18n-iso-countries', locale };
    }
  }
}

/** Every name world-countries ships: common and official names, native names, alternative spellings, translations. */
export function* worldCountryNames(): Generator<CountryName> {
  for (const country of worldCountries) {
    const code = country.cca2;
    const named = (name: string, locale: string): CountryName => ({ name, code, source: 'world-countries', locale });
    yield named(country.name.common, 'eng');
    yield named(country.name.official, 'eng');
    for (const [lang, n] of Object.entries(country.name.native ?? {})) yield* [named(n.common, lang), named(n.official, lang)];
    for (const [lang, n] of Object.entries(country.translations ?? {})) yield* [named(n.common, lang), named(n.official, lang)];
    for (const alt of country.altSpellings) yield named(alt, 'altSpellings');
  }
}

/**
 * Every name countries-list ships for an ISO country: English, native, and aliases (former names such as "Zaire",
 * "Ceylon"). Its AC (Ascension) and TA (Tristan da Cunha) are not ISO 3166-1 countries and are left out.
 */
export function* countriesListNames(): Generator<CountryName> {
  const iso = new Set(ALPHA2_CODES);
  for (const [code, country] of Object.entries(countriesList)) {
    if (!iso.has(code)) continue;
    const c = country as { name: string; native: string; alias?: readonly string[] };
    yield { name: c.name, code, source: 'countries-list', locale: 'en' };
    yield { name: c.native, code, source: 'countries-list', locale: 'native' };
    for (const alias of c.alias ?? []) yield { name: alias, code, source: 'countries-list', locale: 'alias' };
  }
}

/** Every country name of every source, CLDR first. */
export function* allCountryNames(): Generator<CountryName> {
  yield* cldrCountryNames();
  yield* i18nIsoCountryNames();
  yield* worldCountryNames();
  yield* countriesListNames();
}
