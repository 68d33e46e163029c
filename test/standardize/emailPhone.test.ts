import { describe, expect, it } from 'vitest';
import { emailDomain, standardizeEmail } from '../../src/standardize/email.ts';
import { standardizePhone } from '../../src/standardize/phone.ts';
import { splitFullName } from '../../src/standardize/fullName.ts';

describe('standardizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(standardizeEmail('  John.Doe@ACME.com \t')).toEqual({ ok: true, email: 'john.doe@acme.com', domain: 'acme.com' });
  });

  it('drops spaces typed around the @', () => {
    expect(standardizeEmail('Ada @ Example.ORG')).toEqual({ ok: true, email: 'ada@example.org', domain: 'example.org' });
  });

  it.each(['', '   ', 'not an email', 'a b@c.com', 'ada@', '@acme.com', 'ada@acme'])('rejects %j', (raw) => {
    expect(standardizeEmail(raw).ok).toBe(false);
  });

  it('says why', () => {
    expect(standardizeEmail('ada@')).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": ""ada@" is not a valid email address",
      }
    `);
    expect(standardizeEmail(undefined)).toEqual({ ok: false, reason: 'no email given' });
  });

  it('takes the domain after the last @', () => {
    expect(emailDomain('ada@Example.org')).toBe('example.org');
    expect(emailDomain('nobody')).toBe('');
  });
});

describe('standardizePhone', () => {
  it.each([
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+49 30 1234567', undefined, '+49301234567'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07700 900123', 'GB', '+447700900123'],
    ['03-1234-5678', 'JP', '+81312345678'],
    ['+81 90-1234-5678', 'DE', '+819012345678'],
  ])('formats %j (%s) as %s', (raw, country, e164) => {
    const result = standardizePhone(raw, country);
    expect(result.ok && result.e164).toBe(e164);
  });

  it('rejects what cannot be parsed, with a reason', () => {
    expect(standardizePhone('call me', 'US')).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": ""call me" cannot be parsed as a phone number for country US",
      }
    `);
    expect(standardizePhone('030 1234567').ok).toBe(false);
    expect(standardizePhone('12', 'US').ok).toBe(false);
    expect(standardizePhone('', 'US')).toEqual({ ok: false, reason: 'no phone given' });
  });

  it('ignores a country that is not a standardized code instead of throwing', () => {
    expect(standardizePhone('030 1234567', 'Deutschland').ok).toBe(false);
  });
});

describe('splitFullName', () => {
  it.each([
    ['Ada Lovelace', { firstName: 'Ada', lastName: 'Lovelace' }],
    ['  Jean  Paul Sartre ', { firstName: 'Jean', lastName: 'Paul Sartre' }],
    ['Lovelace, Ada', { firstName: 'Ada', lastName: 'Lovelace' }],
    ['Madonna', { lastName: 'Madonna' }],
    ['', {}],
    [undefined, {}],
  ])('splits %j', (full, parts) => {
    expect(splitFullName(full)).toEqual(parts);
  });
});
