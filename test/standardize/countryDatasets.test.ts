import { countries as countriesList } from 'countries-list';
import i18nCountries from 'i18n-iso-countries';
import worldCountries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { CLDR_LOCALES } from '../../src/standardize/cldrLocales.ts';
import { isIsoCountryCode, standardizeCountry } from '../../src/standardize/country.ts';
import { COUNTRY_NAME_CORRECTIONS } from '../../src/standardize/countryCorrections.ts';

/**
 * Reads the public country datasets at test time, independently of how the index reads them, and measures how
 * many of their names standardize to the dataset's code. Shares are printed (the README quotes them).
 */

type Pair = readonly [name: string, code: string];

/** Every locale ICU has region names of its own: every 2–3 letter language it supports, and the table's variants. */
function icuLocales(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const languages: string[] = [];
  for (const a of letters) for (const b of letters) languages.push(a + b, ...[...letters].map((c) => a + b + c));
  const candidates = [...Intl.DisplayNames.supportedLocalesOf(languages), ...CLDR_LOCALES];
  return [...new Set(candidates)].filter((tag) => new Intl.DisplayNames([tag], { type: 'region' }).resolvedOptions().locale === tag);
}

const ISO = Object.keys(i18nCountries.getAlpha2Codes());

function cldrPairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const locale of icuLocales()) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of ISO) {
      const name = names.of(code);
      if (name && name !== code) pairs.push([name, code]);
    }
  }
  return pairs;
}

function i18nPairs(): Pair[] {
  return i18nCountries.langs().flatMap((lang) => Object.entries(i18nCountries.getNames(lang, { select: 'all' })).flatMap(([code, names]) => names.map((n) => [n, code] as const)));
}

function worldCountriesPairs(): Pair[] {
  return worldCountries.flatMap((c) => {
    const names = [c.name.common, c.name.official, ...Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]), ...Object.values(c.translations).flatMap((n) => [n.common, n.official]), ...c.altSpellings];
    // An alternative spelling that is the country's own code ("AO") is a code, and read as one.
    return names.filter((n) => n.toUpperCase() !== c.cca2 && n.toUpperCase() !== c.cca3).map((n) => [n, c.cca2] as const);
  });
}

function countriesListPairs(): Pair[] {
  return Object.entries(countriesList)
    .filter(([code]) => isIsoCountryCode(code))
    .flatMap(([code, c]) => [c.name, c.native, ...((c as { alias?: string[] }).alias ?? [])].map((n) => [n, code] as const));
}

interface Share {
  readonly pairs: number;
  readonly right: number;
  readonly wrong: string[];
  readonly ambiguous: number;
  readonly unknown: string[];
}

const corrected = new Set(COUNTRY_NAME_CORRECTIONS.map((c) => `${c.name}\u0000${c.wrong}`));

function measure(pairs: readonly Pair[]): Share {
  const distinct = new Map(pairs.filter(([name, code]) => !corrected.has(`${name}\u0000${code}`)).map((p) => [`${p[0]}\u0000${p[1]}`, p]));
  const share = { pairs: distinct.size, right: 0, wrong: [] as string[], ambiguous: 0, unknown: [] as string[] };
  for (const [name, code] of distinct.values()) {
    const result = standardizeCountry(name);
    if (result.ok && result.code === code) share.right++;
    else if (result.ok) share.wrong.push(`${JSON.stringify(name)}: ${code} expected, got ${result.code}`);
    else if (result.kind === 'ambiguous') share.ambiguous++;
    else share.unknown.push(`${JSON.stringify(name)} (${code}): ${result.reason}`);
  }
  return share;
}

const report = (label: string, s: Share) =>
  `${label}: ${s.right} of ${s.pairs} names right (${((100 * s.right) / s.pairs).toFixed(2)}%), ${s.wrong.length} wrong, ${s.ambiguous} ambiguous (unmapped), ${s.unknown.length} unknown`;

describe('country names of the public datasets', () => {
  const datasets: [string, () => Pair[]][] = [
    ['CLDR (Intl.DisplayNames, every locale of this Node)', cldrPairs],
    ['i18n-iso-countries (every locale, all names)', i18nPairs],
    ['world-countries (common, official, native, translations, alternative spellings)', worldCountriesPairs],
    ['countries-list (English, native, aliases)', countriesListPairs],
  ];
  for (const [label, pairs] of datasets) {
    it(`${label}: at least 99% map to the right code and none to a wrong one`, () => {
      const share = measure(pairs());
      console.log(report(label, share));
      expect(share.wrong).toEqual([]);
      expect(share.right / share.pairs).toBeGreaterThanOrEqual(0.99);
    }, 60_000);
  }
});

describe('wrong codes in the dependencies are overridden', () => {
  it.each(COUNTRY_NAME_CORRECTIONS.map((c) => [c.name, c.wrong, c.right] as const))('%j is not %s (it is %s)', (name, wrong, right) => {
    const result = standardizeCountry(name);
    if (right !== undefined) expect(result).toMatchObject({ ok: true, code: right });
    else expect(result.ok).toBe(false);
    if (result.ok) expect(result.code).not.toBe(wrong);
  });

  it('each correction still matches what its dataset ships (a fixed upstream entry is dropped from the table)', () => {
    const shipped = new Set([...i18nPairs(), ...worldCountriesPairs()].map(([n, c]) => `${n}\u0000${c}`));
    expect(COUNTRY_NAME_CORRECTIONS.filter((c) => !shipped.has(`${c.name}\u0000${c.wrong}`)).map((c) => c.name)).toEqual([]);
  });
});
