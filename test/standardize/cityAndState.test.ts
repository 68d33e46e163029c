import { describe, expect, it } from 'vitest';
import { standardizeCountry } from '../../src/standardize/country.ts';

// A city and its US state or Canadian province typed into a country field: the country is the US or Canada, or the
// value is left unmapped when the state is also a country and nothing says which; never another country's code.
describe('standardizeCountry on "City, ST" forms', () => {
  it.each([
    ['Lebanon, PA', 'US'],
    ['Lebanon, Pennsylvania', 'US'],
    ['Jordan, MN', 'US'],
    ['Mexico, NY', 'US'],
    ['Peru, Indiana', 'US'],
    ['Paris, Texas', 'US'],
    ['Austin, TX', 'US'],
    ['Lebanon, PA 17042', 'US'],
    ['Washington, DC', 'US'],
    ['Toronto, ON', 'CA'],
    ['Montréal, Québec', 'CA'],
    ['Halifax, Nova Scotia', 'CA'],
    ['Toronto, ON M5V 3L9', 'CA'],
    ['Atlanta, Georgia, USA', 'US'],
    ['Georgia, USA', 'US'],
    // The last part is a country's own code or name and another part names that country.
    ['Germany (DE)', 'DE'],
    ['Paris, France', 'FR'],
  ])('%j is %s', (raw, code) => {
    expect(standardizeCountry(raw)).toMatchObject({ ok: true, code });
  });

  it.each([
    ['Atlanta, Georgia', ['US', 'GE']],
    ['Boise, ID', ['US', 'ID']],
    ['Atlanta, GA', ['US', 'GA']],
    ['San Jose, CA', ['US', 'CA']],
  ])('%j is ambiguous between %j, never one guessed', (raw, candidates) => {
    const result = standardizeCountry(raw);
    expect(result).toMatchObject({ ok: false, kind: 'ambiguous' });
    if (!result.ok) expect([...(result.candidates ?? [])].sort()).toEqual([...candidates].sort());
  });
});
