import { describe, expect, it } from 'vitest';
import { countryName, isIsoCountryCode, isoCountryCodes, standardizeCountry } from '../../src/standardize/country.ts';
import { COUNTRY_ALIASES } from '../../src/standardize/countryAliases.ts';
import { countryKey } from '../../src/standardize/countryKey.ts';
import { REGION_BY_COUNTRY, regionOf } from '../../src/standardize/regions.ts';

const codeOf = (raw: string | undefined) => {
  const result = standardizeCountry(raw);
  return result.ok ? result.code : undefined;
};

describe('standardizeCountry', () => {
  it.each([
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['Alemania', 'DE'],
    ['Germany', 'DE'],
    ['DE', 'DE'],
    ['DEU', 'DE'],
    ['deu', 'DE'],
    ['ドイツ', 'DE'],
    ['USA', 'US'],
    ['usa', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['us', 'US'],
    ['  united states  ', 'US'],
    ['États-Unis', 'US'],
    [' uk ', 'GB'],
    ['U.K.', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['the Netherlands', 'NL'],
    ['Schweiz', 'CH'],
    ['GROSSBRITANNIEN', 'GB'],
    ['Großbritannien', 'GB'],
    ['Brasil', 'BR'],
    ['日本', 'JP'],
    ['Côte d’Ivoire', 'CI'],
    ['276', 'DE'],
    // Official names and ISO's inverted forms.
    ['Republic of Austria', 'AT'],
    ['Iran, Islamic Republic of', 'IR'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Korea, Republic of', 'KR'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['Congo, The Democratic Republic of the', 'CD'],
    ['Bolivia (Plurinational State of)', 'BO'],
    ['Bahamas, The', 'BS'],
    // The World Bank's and UN's list forms.
    ['Korea, Rep.', 'KR'],
    ["Korea, Dem. People's Rep.", 'KP'],
    ['Congo, Dem. Rep.', 'CD'],
    ['Congo, Rep.', 'CG'],
    ['Egypt, Arab Rep.', 'EG'],
    ['Iran, Islamic Rep.', 'IR'],
    ['Yemen, Rep.', 'YE'],
    ['Venezuela, RB', 'VE'],
    ['Gambia, The', 'GM'],
    ['Micronesia, Fed. Sts.', 'FM'],
    ['Hong Kong SAR, China', 'HK'],
    ['Macao SAR, China', 'MO'],
    ['Virgin Islands (U.S.)', 'VI'],
    ['Lao PDR', 'LA'],
    ['Kyrgyz Republic', 'KG'],
    ['Slovak Republic', 'SK'],
    // CRM habits.
    ['UK', 'GB'],
    ['England', 'GB'],
    ['U.S.A.', 'US'],
    ['U. S. A.', 'US'],
    ['KSA', 'SA'],
    ['UAE', 'AE'],
    ['U.A.E.', 'AE'],
    ['Holland', 'NL'],
    ['Hong Kong SAR', 'HK'],
    ['PRC', 'CN'],
    ['Oesterreich', 'AT'],
    ['Österreich', 'AT'],
    ['Vatican City', 'VA'],
    ['Falkland Islands', 'FK'],
    ['St Lucia', 'LC'],
    ['St. Kitts & Nevis', 'KN'],
    ['U.S. Virgin Islands', 'VI'],
    ['Korea (South)', 'KR'],
    ['DRC', 'CD'],
    ['Zaire', 'CD'],
    ['Ｇｅｒｍａｎｙ', 'DE'],
    // A dependency's wrong code, overridden.
    ['República Democrática do Congo', 'CD'],
    ['Guyana', 'GY'],
    // A country among other words, when every part that names one agrees.
    ['Paris, France', 'FR'],
    ['Germany (DE)', 'DE'],
    ['DE - Germany', 'DE'],
    // Codes as codes, names as names: "NGA" is Nigeria's alpha-3, "Nga" Vietnamese for Russia, "Áo" for Austria.
    ['NGA', 'NG'],
    ['nga', 'NG'],
    ['Nga', 'RU'],
    ['Áo', 'AT'],
    ['Mỹ', 'US'],
  ])('standardizes %j to %s', (raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });

  it('names the country in English', () => {
    expect(standardizeCountry('Deutschland')).toEqual({ ok: true, code: 'DE', name: 'Germany' });
  });

  it.each(['Atlantis', 'XX', 'ABC', 'n/a', '12'])('rejects %j with a reason', (raw) => {
    const result = standardizeCountry(raw);
    expect(result).toMatchObject({ ok: false, kind: 'unknown' });
    if (!result.ok) expect(result.reason).toContain(JSON.stringify(raw));
  });

  it.each([
    ['Korea', ['KP', 'KR']],
    ['korea', ['KP', 'KR']],
    ['Congo', ['CD', 'CG']],
    ['Kongo', ['CD', 'CG']],
    ['Guinea', ['GN', 'GQ', 'GW', 'PG']],
    ['Virgin Islands', ['VG', 'VI']],
    ['Saint Martin', ['MF', 'SX']],
  ])('leaves %j unmapped as ambiguous, with the candidates, never a guess', (raw, candidates) => {
    const result = standardizeCountry(raw);
    expect(result).toMatchObject({ ok: false, kind: 'ambiguous' });
    if (!result.ok) {
      expect([...(result.candidates ?? [])].sort()).toEqual(candidates);
      expect(result.reason).toMatch(new RegExp(`^${JSON.stringify(raw).replace(/[()]/g, '\\$&')} is ambiguous: it could be .+ \\(${candidates[0]}\\)`));
    }
  });

  it('says why a former country is not mapped', () => {
    expect(standardizeCountry('Yugoslavia')).toMatchObject({ ok: false, kind: 'former' });
    expect(standardizeCountry('USSR')).toMatchObject({ ok: false, kind: 'former' });
  });

  it('rejects a missing or blank country', () => {
    expect(standardizeCountry(undefined)).toEqual({ ok: false, kind: 'missing', reason: 'no country given' });
    expect(standardizeCountry('  . ')).toEqual({ ok: false, kind: 'missing', reason: 'no country given' });
  });

  it('maps every curated alias to its own code (no dataset name disagrees with one)', () => {
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) expect([alias, codeOf(alias)]).toEqual([alias, code]);
  });

  it('returns the same answer twice (the cache does not change results)', () => {
    expect(standardizeCountry('Allemagne')).toEqual(standardizeCountry('Allemagne'));
  });

  it('round-trips every ISO code and every English name but the ambiguous "Guinea"', () => {
    for (const code of isoCountryCodes()) {
      expect(codeOf(code.toLowerCase())).toBe(code);
      const name = standardizeCountry(code);
      if (code !== 'GN') expect(name.ok && codeOf(name.name)).toBe(code);
    }
  });
});

describe('countryKey', () => {
  it.each([
    ['Korea, Republic of', 'republic korea'],
    ['Korea, Rep.', 'republic korea'],
    ['Iran (Islamic Republic of)', 'islamic republic iran'],
    ['The Bahamas', 'bahamas'],
    ['St. Kitts & Nevis', 'saint kitts and nevis'],
    ['Côte d’Ivoire', 'cote divoire'],
    ["Cote d'Ivoire", 'cote divoire'],
    ['U. S. A.', 'usa'],
    ['Großbritannien', 'grossbritannien'],
    ['  ', ''],
  ])('%j → %j', (raw, key) => {
    expect(countryKey(raw)).toBe(key);
  });
});

describe('countryName', () => {
  it('names a code in English, and nothing else', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('de')).toBeUndefined();
  });
});

describe('isIsoCountryCode', () => {
  it('accepts only upper-case alpha-2 codes', () => {
    expect(isIsoCountryCode('DE')).toBe(true);
    expect(isIsoCountryCode('de')).toBe(false);
    expect(isIsoCountryCode('DEU')).toBe(false);
    expect(isIsoCountryCode('UK')).toBe(false);
    expect(isIsoCountryCode('Deutschland')).toBe(false);
    expect(isIsoCountryCode(undefined)).toBe(false);
  });
});

describe('regionOf', () => {
  it.each([
    ['US', 'AMER'],
    ['CA', 'AMER'],
    ['BR', 'AMER'],
    ['DE', 'EMEA'],
    ['GB', 'EMEA'],
    ['AE', 'EMEA'],
    ['ZA', 'EMEA'],
    ['JP', 'APJ'],
    ['IN', 'APJ'],
    ['AU', 'APJ'],
  ])('puts %s in %s', (code, region) => {
    expect(regionOf(code)).toBe(region);
  });

  it('covers every ISO country exactly once and nothing else', () => {
    const codes = isoCountryCodes();
    expect(codes.filter((c) => regionOf(c) === undefined)).toEqual([]);
    expect([...REGION_BY_COUNTRY.keys()].filter((c) => !codes.includes(c))).toEqual([]);
    expect(REGION_BY_COUNTRY.size).toBe(codes.length);
  });

  it('refuses what is not a standardized code', () => {
    expect(regionOf('de')).toBeUndefined();
    expect(regionOf('Germany')).toBeUndefined();
    expect(regionOf(undefined)).toBeUndefined();
  });
});
