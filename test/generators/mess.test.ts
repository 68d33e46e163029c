import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fakerDraw, seededFaker } from '../../src/generators/fakerFrom.ts';
import { messyCountry, messyEmail, messyName, NOT_A_COUNTRY } from '../../src/generators/mess.ts';
import { PERSON_COUNTRIES, personSeedArbitrary } from '../../src/generators/personSeed.ts';
import { isoCountryCodes, standardizeCountry } from '../../src/standardize/country.ts';
import { standardizeEmail } from '../../src/standardize/email.ts';
import { standardizePhone } from '../../src/standardize/phone.ts';

const personCodes = fc.constantFrom(...PERSON_COUNTRIES.map((c) => c.code));

describe('messyCountry', () => {
  test.prop([personCodes.chain((code) => fc.tuple(fc.constant(code), messyCountry(code)))], { numRuns: 100 })(
    'standardizes back to its country for every country people come from',
    ([code, messy]) => {
      const result = standardizeCountry(messy);
      expect(result.ok && result.code).toBe(code);
    },
  );

  it('standardizes back to the right code for all but a handful of ambiguous names across all countries', () => {
    let wrong = 0;
    let total = 0;
    for (const code of isoCountryCodes()) {
      for (const messy of fc.sample(messyCountry(code), { numRuns: 20, seed: 1 })) {
        total++;
        const result = standardizeCountry(messy);
        if (!result.ok || result.code !== code) wrong++;
      }
    }
    expect(wrong / total).toBeLessThan(0.005);
  });

  it('produces the messy spellings the domain names', () => {
    const us = new Set(fc.sample(messyCountry('US'), { numRuns: 400, seed: 2 }).map((s) => s.trim()));
    expect(us.has('U.S.')).toBe(true);
    expect(us.has('USA')).toBe(true);
    expect([...us].some((s) => s.toLowerCase() === 'united states of america')).toBe(true);
    const de = new Set(fc.sample(messyCountry('DE'), { numRuns: 400, seed: 2 }).map((s) => s.trim().toLowerCase()));
    expect(de.has('deutschland')).toBe(true);
    expect(de.has('deu')).toBe(true);
  });

  it('keeps the non-countries non-countries', () => {
    expect(NOT_A_COUNTRY.filter((value) => standardizeCountry(value).ok)).toEqual([]);
  });
});

describe('messyEmail', () => {
  const accepted = fc.oneof(
    personSeedArbitrary().map((p) => p.email),
    fc.emailAddress().map((e) => e.toLowerCase()).filter((e) => standardizeEmail(e).ok),
  );
  test.prop([accepted.chain((email) => fc.tuple(fc.constant(email), messyEmail(email)))], { numRuns: 100 })(
    'standardizes back to the clean address, for any address the standardizer accepts',
    ([clean, messy]) => {
      const result = standardizeEmail(messy);
      expect(standardizeEmail(clean)).toMatchObject({ ok: true, email: clean });
      expect(result.ok && result.email).toBe(clean);
    },
  );
});

describe('messyName', () => {
  test.prop([fc.constantFrom('Zoë Saldaña', 'Łukasz Żak', '山田 太郎', 'Ada Lovelace').chain(messyName)], { numRuns: 50 })('keeps the letters', (name) => {
    expect(name.replace(/\s+/g, ' ').trim().toLowerCase()).toMatch(/^(zoë saldaña|łukasz żak|山田 太郎|ada lovelace)$/);
  });
});

describe('personSeedArbitrary', () => {
  test.prop([personSeedArbitrary({ accountDomains: ['umbrella.example'] })], { numRuns: 100 })(
    'gives a valid lower-case email at the company domain and a phone that parses to E.164 in its country',
    (person) => {
      expect(standardizeEmail(person.email)).toEqual({ ok: true, email: person.email, domain: person.domain });
      if (person.phone !== undefined) expect(standardizePhone(person.phone, person.country)).toMatchObject({ ok: true, e164: expect.stringMatching(/^\+\d{8,15}$/) });
      expect(standardizeCountry(person.country)).toMatchObject({ ok: true, code: person.country });
    },
  );

  it('draws from every region and keeps unicode names', () => {
    const people = fc.sample(personSeedArbitrary(), { numRuns: 1000, seed: 5 });
    const countries = new Set(people.map((p) => p.country));
    for (const code of ['US', 'DE', 'GB', 'FR', 'CA', 'AU', 'CH', 'JP', 'IN', 'BR']) expect(countries.has(code)).toBe(true);
    expect(people.some((p) => /[^\u0000-\u024f]/.test(p.lastName))).toBe(true);
    expect(people.filter((p) => p.country === 'US').length).toBeGreaterThan(150);
  });

  it('puts about the requested share of people at existing accounts', () => {
    const people = fc.sample(personSeedArbitrary({ accountDomains: ['umbrella.example', 'hooli.example'], accountShare: 0.35 }), { numRuns: 1000, seed: 8 });
    const atAccounts = people.filter((p) => p.domain.endsWith('.example')).length;
    expect(atAccounts).toBeGreaterThan(250);
    expect(atAccounts).toBeLessThan(450);
  });
});

describe('fakerDraw', () => {
  it('is reproducible from fast-check’s seed', () => {
    const names = fakerDraw((f) => f.person.fullName(), 'de');
    expect(fc.sample(names, { numRuns: 5, seed: 4 })).toEqual(fc.sample(names, { numRuns: 5, seed: 4 }));
  });

  it('reseeds the shared instance so a seed always gives the same value', () => {
    const first = seededFaker(123, 'fr').person.lastName();
    seededFaker(456, 'fr').person.lastName();
    expect(seededFaker(123, 'fr').person.lastName()).toBe(first);
  });
});
