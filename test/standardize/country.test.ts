import { describe, expect, it } from 'vitest';
import { isIsoCountryCode, isoCountryCodes, standardizeCountry } from '../../src/standardize/country.ts';
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
  ])('standardizes %j to %s', (raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });

  it('names the country in English', () => {
    expect(standardizeCountry('Deutschland')).toEqual({ ok: true, code: 'DE', name: 'Germany' });
  });

  it.each(['Atlantis', 'Korea', 'XX', 'ABC', 'n/a', '12'])('rejects %j with a reason', (raw) => {
    const result = standardizeCountry(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(JSON.stringify(raw));
  });

  it('rejects a missing or blank country', () => {
    expect(standardizeCountry(undefined)).toEqual({ ok: false, reason: 'no country given' });
    expect(standardizeCountry('  . ')).toEqual({ ok: false, reason: 'no country given' });
  });

  it('returns the same answer twice (the cache does not change results)', () => {
    expect(standardizeCountry('Allemagne')).toEqual(standardizeCountry('Allemagne'));
  });

  it('round-trips every ISO code and every English name', () => {
    for (const code of isoCountryCodes()) {
      expect(codeOf(code.toLowerCase())).toBe(code);
      const name = standardizeCountry(code);
      expect(name.ok && codeOf(name.name)).toBe(code);
    }
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
