import { describe, expect, it } from 'vitest';
import { EU_EEA_COUNTRIES, mailabilityFor, OPT_IN_COUNTRIES } from '../../src/standardize/compliance.ts';
import { isIsoCountryCode, standardizeCountry } from '../../src/standardize/country.ts';

describe('mailabilityFor', () => {
  it.each([
    ['DE', undefined, 'Opt-in required'],
    ['DE', 'unknown', 'Opt-in required'],
    ['DE', 'opt-out', 'Opt-in required'],
    ['DE', 'opt-in', 'Mailable'],
    ['GB', 'unknown', 'Opt-in required'],
    ['CH', 'unknown', 'Opt-in required'],
    ['CA', 'unknown', 'Opt-in required'],
    ['AU', 'unknown', 'Opt-in required'],
    ['NO', 'unknown', 'Opt-in required'],
    ['AU', 'opt-in', 'Mailable'],
    ['US', undefined, 'Mailable'],
    ['US', 'unknown', 'Mailable'],
    ['US', 'opt-in', 'Mailable'],
    ['US', 'opt-out', 'Not mailable'],
    ['JP', 'unknown', 'Mailable'],
    ['BR', 'opt-out', 'Not mailable'],
    [undefined, 'opt-in', 'Not mailable'],
    ['XX', 'opt-in', 'Not mailable'],
  ] as const)('%s with consent %s is %s', (country, consent, expected) => {
    expect(mailabilityFor(country, consent)).toBe(expected);
  });

  it('refuses a country that was not standardized first', () => {
    expect(mailabilityFor('Deutschland', 'unknown')).toBe('Not mailable');
    expect(mailabilityFor('de', 'opt-in')).toBe('Not mailable');
    expect(mailabilityFor('USA', 'unknown')).toBe('Not mailable');
    const standardized = standardizeCountry('Deutschland');
    expect(mailabilityFor(standardized.ok ? standardized.code : undefined, 'unknown')).toBe('Opt-in required');
  });

  it('lists the 27 EU members and 3 other EEA members, all ISO codes', () => {
    expect(EU_EEA_COUNTRIES).toHaveLength(30);
    expect(new Set(EU_EEA_COUNTRIES).size).toBe(30);
    expect(EU_EEA_COUNTRIES.filter((c) => !isIsoCountryCode(c))).toEqual([]);
    expect(EU_EEA_COUNTRIES).not.toContain('GB');
    expect(OPT_IN_COUNTRIES.size).toBe(34);
  });
});
