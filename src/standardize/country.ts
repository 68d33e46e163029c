import countries from 'i18n-iso-countries';
import { countryIndex, type CountryIndexEntry } from './countryIndex.ts';
import { countryKey } from './countryKey.ts';
import { northAmericanSubdivision } from './northAmericanSubdivision.ts';

/** Why a raw country value has no code: nothing given, not a country, several countries, or a former country. */
export type CountryFailure = 'missing' | 'unknown' | 'ambiguous' | 'former';

/**
 * The outcome of standardizing a raw country value. `code` is ISO 3166-1 alpha-2, `name` its English name.
 * Unmapped: `kind` says why, `reason` says it in a sentence, `candidates` lists the codes an ambiguous value could be.
 */
export type CountryResult =
  | { ok: true; code: string; name: string }
  | { ok: false; kind: CountryFailure; reason: string; candidates?: readonly string[] };

const ALPHA2 = countries.getAlpha2Codes();
const ENGLISH = new Intl.DisplayNames(['en'], { type: 'region' });

/** Results by raw input: the pipeline standardizes every lead, and the same few spellings come back again and again. */
const cache = new Map<string, CountryResult>();
const CACHE_LIMIT = 10_000;

/**
 * Standardizes a raw country value to ISO 3166-1 alpha-2:
 * - ISO codes in any case: alpha-2 ("de"), alpha-3 ("DEU"), numeric ("276");
 * - every name, official name, alternative spelling and translation in Node's CLDR data (all its locales),
 *   i18n-iso-countries and world-countries ("Deutschland", "Republic of Austria", "Iran, Islamic Republic of",
 *   "ドイツ"), less the wrong ones those packages ship (src/standardize/countryCorrections.ts);
 * - what CRMs are full of ("UK", "England", "U.S.A.", "KSA", "Holland", "Hong Kong SAR", "PRC", "Oesterreich");
 * - a value with a country among other words ("Paris, France", "Germany (DE)") when every part that names a
 *   country names the same one; a city and its US state or Canadian province ("Lebanon, PA", "Toronto, Ontario")
 *   is the US or Canada, or ambiguous when the state is also a country and nothing says which ("Atlanta, Georgia").
 * Case, accents, punctuation, "the" and inverted word orders do not matter ({@link countryKey}). A value that names
 * several countries ("Korea", "Congo", "Guinea") is never guessed: `{ ok: false, kind: 'ambiguous', candidates }`.
 * Pure; the name index is built on first use, results are cached by input.
 *
 * @example standardizeCountry('Deutschland') // { ok: true, code: 'DE', name: 'Germany' }
 * @example standardizeCountry('Korea') // { ok: false, kind: 'ambiguous', candidates: ['KR', 'KP'], reason: '"Korea" is ambiguous: …' }
 */
export function standardizeCountry(raw: string | undefined): CountryResult {
  if (raw === undefined) return { ok: false, kind: 'missing', reason: 'no country given' };
  const hit = cache.get(raw);
  if (hit) return hit;
  const result = resolve(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

/** The English name of an ISO 3166-1 alpha-2 code ("DE" → "Germany"), or undefined for anything else. */
export function countryName(code: string): string | undefined {
  return isIsoCountryCode(code) ? (countries.getName(code, 'en') ?? code) : undefined;
}

function resolve(raw: string): CountryResult {
  const trimmed = raw.trim();
  if (countryKey(trimmed) === '') return { ok: false, kind: 'missing', reason: 'no country given' };
  // "NGA" and "nga" are Nigeria's code, "Nga" is Vietnamese for Russia: a capitalized word is a name first.
  const capitalized = /^[A-Z][a-z]+$/.test(trimmed);
  const code = isoCode(trimmed);
  if (code !== undefined && !capitalized) return found(code);
  const whole = byName(raw, countryKey(trimmed));
  if (whole.ok || whole.kind !== 'unknown') return whole;
  if (code !== undefined) return found(code);
  return byParts(raw) ?? whole;
}

/** An ISO code as typed: two or three ASCII letters (never a name with accents, such as Vietnamese "Áo"), or three digits. */
function isoCode(value: string): string | undefined {
  if (/^[A-Za-z]{2}$/.test(value)) return ALPHA2[value.toUpperCase()] !== undefined ? value.toUpperCase() : undefined;
  if (/^[A-Za-z]{3}$/.test(value)) return countries.alpha3ToAlpha2(value.toUpperCase());
  if (/^\d{3}$/.test(value)) return countries.numericToAlpha2(value);
  return undefined;
}

function byName(raw: string, key: string): CountryResult {
  return fromEntry(raw, countryIndex().lookup(key));
}

function fromEntry(raw: string, entry: CountryIndexEntry | undefined): CountryResult {
  switch (entry?.kind) {
    case 'country':
      return found(entry.code);
    case 'ambiguous':
      return ambiguous(raw, entry.codes);
    case 'former':
      return { ok: false, kind: 'former', reason: `${JSON.stringify(raw)} is a former country: its successor depends on the place; give today's country or its ISO code` };
    case undefined:
      return { ok: false, kind: 'unknown', reason: `${JSON.stringify(raw)} is not a country name or an ISO 3166-1 code` };
  }
}

/**
 * "Paris, France", "Germany (DE)", "DE - Germany": the parts that name a country by name (a bare code among other
 * words may be a US state: "Boise, ID") must agree; an ambiguous part counts when another part picks one of its
 * candidates. Undefined when no part names a country.
 */
function byParts(raw: string): CountryResult | undefined {
  const parts = raw.split(/[,;/|()]|\s[-–]\s/).map((p) => p.trim()).filter((p) => countryKey(p) !== '');
  if (parts.length < 2) return undefined;
  const state = cityAndState(raw, parts);
  if (state !== undefined) return state;
  const named = parts.map((p) => byName(p, countryKey(p)));
  // "Atlanta, Georgia, USA": a state or province beside its own country names that country, not a namesake.
  const results = named.map((r, i) => {
    const country = northAmericanSubdivision(parts[i]!);
    return country !== undefined && named.some((o, j) => j !== i && o.ok && o.code === country) ? found(country) : r;
  });
  const codes = new Set(results.flatMap((r) => (r.ok ? [r.code] : [])));
  const ambiguity = results.flatMap((r) => (!r.ok && r.kind === 'ambiguous' ? [r.candidates ?? []] : []));
  if (codes.size === 1) {
    const code = [...codes][0]!;
    return ambiguity.every((candidates) => candidates.includes(code)) ? found(code) : ambiguous(raw, [code, ...ambiguity.flat()]);
  }
  if (codes.size > 1) return ambiguous(raw, [...codes]);
  return ambiguity.length > 0 ? ambiguous(raw, ambiguity.flat()) : undefined;
}

/**
 * "Lebanon, PA", "Atlanta, Georgia", "Toronto, ON": a value whose last part is a US state or Canadian province
 * ({@link northAmericanSubdivision}) is a city and its state, so the country is the US or Canada, whatever country
 * the city's name is ("Lebanon", "Jordan"). When the last part is also a country (PA is Panama's code, Georgia is a
 * country) and nothing else says which: another part naming that country picks it ("Germany (DE)"), one naming
 * the US or Canada picks that, else it is ambiguous ("Atlanta, Georgia", "Boise, ID"): never a guess.
 * Undefined when the last part is no state or province.
 */
function cityAndState(raw: string, parts: readonly string[]): CountryResult | undefined {
  const last = parts[parts.length - 1]!;
  const country = northAmericanSubdivision(last);
  if (country === undefined) return undefined;
  const code = /^[A-Za-z]{2}$/.test(last) ? isoCode(last) : undefined;
  const named = code ?? (() => {
    const r = byName(last, countryKey(last));
    return r.ok ? r.code : undefined;
  })();
  if (named === undefined) return found(country);
  const others = new Set(parts.slice(0, -1).flatMap((p) => {
    const r = byName(p, countryKey(p));
    return r.ok ? [r.code] : [];
  }));
  if (others.has(named)) return found(named);
  if (others.has(country)) return found(country);
  // Another country named before a code that is not its own ("Lebanon, PA"): a city of that name in the state.
  if (others.size > 0 && code !== undefined) return found(country);
  return ambiguous(raw, [country, named]);
}

function found(code: string): CountryResult {
  return { ok: true, code, name: countries.getName(code, 'en') ?? code };
}

function ambiguous(raw: string, codes: readonly string[]): CountryResult {
  const candidates = [...new Set(codes)];
  const names = candidates.map((c) => `${ENGLISH.of(c) ?? c} (${c})`);
  const list = names.length === 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return { ok: false, kind: 'ambiguous', candidates, reason: `${JSON.stringify(raw)} is ambiguous: it could be ${list}; give the full name or the ISO code` };
}

/** True when `code` is an ISO 3166-1 alpha-2 code exactly as standardization writes it (upper case, no padding). */
export function isIsoCountryCode(code: string | undefined): code is string {
  return code !== undefined && /^[A-Z]{2}$/.test(code) && ALPHA2[code] !== undefined;
}

/** Every ISO 3166-1 alpha-2 code i18n-iso-countries knows, in its order. */
export function isoCountryCodes(): string[] {
  return Object.keys(ALPHA2);
}
