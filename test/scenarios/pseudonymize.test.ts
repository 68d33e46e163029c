import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OrgSpecSchema } from '../../src/org/orgSpec.ts';
import { createPseudonymizer, pseudonymKey } from '../../src/scenarios/pseudonymize.ts';
import { standardizeEmail } from '../../src/standardize/email.ts';
import { propParameters } from '../../src/testing/index.ts';
import { SHIPPED_ORG } from './shipped/shippedOrg.ts';

const KEY = 'test-key-0123456789abcdef';
const local = fc.stringMatching(/^[a-z][a-z0-9._+-]{0,12}$/);
const domain = fc.constantFrom('acme.example', 'Brightwave.example', 'gmail.com');
const messy = (email: string) => fc.tuple(fc.constantFrom('', ' ', '\t'), fc.boolean()).map(([pad, upper]) => `${pad}${upper ? email.toUpperCase() : email}${pad}`);
/** Strings that look like what forms send: emails, near-emails and junk, with spaces, dots, double @, unicode. */
const emailish = fc
  .array(fc.constantFrom('a', 'Z', 'é', '9', '.', '..', '@', '@@', ' ', '-', '_', '+', "'", 'ü', 'x', 'ab', '.com', 'acme', 'co'), { maxLength: 14 })
  .map((parts) => parts.join(''));

describe('pseudonymization', () => {
  test.prop([local, domain], propParameters(50))('the same email maps to the same pseudonym whatever its case and spacing; the domain is kept', (l, d) => {
    const p = createPseudonymizer(KEY);
    const email = `${l}@${d}`;
    const pseudo = p.email(email);
    expect(pseudo.endsWith(`@${d}`)).toBe(true);
    expect(pseudo.length).toBe(email.length);
    fc.assert(fc.property(messy(email), (m) => standardizeEmail(p.email(m)).ok === standardizeEmail(email).ok && p.email(m).trim().toLowerCase() === pseudo.toLowerCase()), { numRuns: 5 });
    expect(createPseudonymizer(KEY).email(email)).toBe(pseudo);
  });

  test.prop([emailish], propParameters(300))('an email is valid after pseudonymization exactly when it was before, with the same domain', (raw) => {
    const before = standardizeEmail(raw);
    const after = standardizeEmail(createPseudonymizer(KEY).email(raw));
    expect(after.ok).toBe(before.ok);
    if (before.ok && after.ok) expect(after.domain).toBe(before.domain);
  });

  it('keeps an invalid email invalid in the same way', () => {
    const p = createPseudonymizer(KEY);
    const pseudo = p.email('tom.nguyen@@litware.example');
    expect(pseudo).toMatch(/^[a-z]{3}\.[a-z]{6}@@litware\.example$/);
    expect(standardizeEmail(pseudo).ok).toBe(false);
    expect(p.email('not an email')).toMatch(/^[a-z]{3} [a-z]{2} [a-z]{5}$/);
  });

  test.prop([fc.uniqueArray(fc.stringMatching(/^[a-z]{1,2}$/), { minLength: 2, maxLength: 25 })], propParameters(50))('different people never share a pseudonym, even with one-letter addresses', (locals) => {
    const p = createPseudonymizer(KEY);
    const pseudos = locals.map((l) => p.email(`${l}@acme.example`));
    expect(new Set(pseudos).size).toBe(locals.length);
  });

  it('another key gives other pseudonyms', () => {
    expect(createPseudonymizer('another-key-0123456789').email('jo.smith@acme.example')).not.toBe(createPseudonymizer(KEY).email('jo.smith@acme.example'));
  });

  it('pseudonymizes payloads by field name, keeps company, country and consent, and reads ad answers by their name', () => {
    const p = createPseudonymizer(KEY);
    const out = p.payload({
      data: { contact: { email: 'Jo@Acme.example', name: 'Jo Smith', phone: '+1 (201) 555-1041', attributes: { company: 'Acme', country_name: 'USA', email_opt_in: true } } },
      field_data: [{ name: 'email', values: ['jo@acme.example'] }, { name: 'full_name', values: ['Jo Smith'] }, { name: 'company_name', values: ['Acme'] }],
      row: { 'First Name': 'Jo', 'Last Name': 'Smith', Email: 'jo@acme.example' },
    });
    expect(out.data.contact.email.toLowerCase()).toBe(out.field_data[0]!.values[0]);
    expect(out.data.contact.email).toMatch(/^[A-Z][a-z]@Acme\.example$/);
    expect(out.data.contact.name).toBe(out.field_data[1]!.values[0]);
    expect(out.data.contact.name).not.toContain('Jo');
    expect(out.data.contact.phone).toMatch(/^\+1 \(201\) \d{3}-\d{4}$/);
    expect(out.data.contact.phone).not.toBe('+1 (201) 555-1041');
    expect(out.data.contact.attributes).toEqual({ company: 'Acme', country_name: 'USA', email_opt_in: true });
    expect(out.field_data[2]).toEqual({ name: 'company_name', values: ['Acme'] });
    expect(out.row['Last Name']).not.toBe('Smith');
  });

  it("pseudonymizes the org's people with the traffic: a person in both keeps one pseudonym", () => {
    const p = createPseudonymizer(KEY);
    const person = SHIPPED_ORG.people.find((x) => x.kind === 'Contact')!;
    const org = p.org(OrgSpecSchema.parse({ ...SHIPPED_ORG, accounts: [], campaigns: [], people: [person], partnerUsers: [] }));
    const traffic = p.payload({ row: { Email: ` ${person.Email.toUpperCase()}` } });
    expect(org.people[0]!.Email).not.toBe(person.Email);
    expect(standardizeEmail(traffic.row.Email)).toEqual(standardizeEmail(org.people[0]!.Email));
    expect(org.people[0]!.LastName).not.toBe(person.LastName);
  });
});

describe('pseudonymKey', () => {
  it('takes LEADSIM_PSEUDONYM_KEY first, then the key file, else a random key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadsim-key-'));
    const file = join(dir, 'key');
    writeFileSync(file, 'file-key-0123456789abcdef\n');
    expect(pseudonymKey({ env: { LEADSIM_PSEUDONYM_KEY: 'env-key-0123456789abcdef' }, keyFile: file })).toMatchObject({ source: 'env', key: Buffer.from('env-key-0123456789abcdef') });
    expect(pseudonymKey({ env: {}, keyFile: file })).toMatchObject({ source: 'file', key: Buffer.from('file-key-0123456789abcdef') });
    const a = pseudonymKey({ env: {} });
    expect(a.source).toBe('random');
    expect(a.key.equals(pseudonymKey({ env: {} }).key)).toBe(false);
  });

  it('refuses a short key and a missing key file', () => {
    expect(() => pseudonymKey({ env: { LEADSIM_PSEUDONYM_KEY: 'short' } })).toThrow(/at least 16/);
    expect(() => pseudonymKey({ env: {}, keyFile: '/nonexistent/key' })).toThrow(/key file "\/nonexistent\/key"/);
  });
});
