import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createPseudonymizer } from '../../src/scenarios/pseudonymize.ts';

const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,12}$/);
const domain = fc.constantFrom('acme.example', 'Brightwave.example', 'gmail.com');
const messy = (email: string) => fc.tuple(fc.constantFrom('', ' ', '\t'), fc.boolean()).map(([pad, upper]) => `${pad}${upper ? email.toUpperCase() : email}${pad}`);

describe('pseudonymization', () => {
  test.prop([local, domain, fc.integer()], { numRuns: 50 })('the same email maps to the same pseudonym whatever its case and spacing; the domain is kept', (l, d, seed) => {
    const p = createPseudonymizer(seed);
    const email = `${l}@${d}`;
    const pseudo = p.email(email);
    expect(pseudo).toMatch(new RegExp(`^p[0-9a-f]{10}@${d.replace('.', '\\.')}$`));
    fc.assert(fc.property(messy(email), (m) => p.email(m).trim().toLowerCase() === pseudo.toLowerCase()), { numRuns: 5 });
    expect(createPseudonymizer(seed).email(email)).toBe(pseudo);
  });

  test.prop([fc.uniqueArray(local, { minLength: 2, maxLength: 2 }), fc.integer()], { numRuns: 50 })('different people get different pseudonyms', ([a, b], seed) => {
    const p = createPseudonymizer(seed);
    expect(p.email(`${a}@acme.example`)).not.toBe(p.email(`${b}@acme.example`));
  });

  it('pseudonymizes payloads by field name, keeps company, country and consent, and reads ad answers by their name', () => {
    const p = createPseudonymizer(1);
    const out = p.payload({
      data: { contact: { email: 'Jo@Acme.example', name: 'Jo Smith', phone: '+1 (201) 555-1041', attributes: { company: 'Acme', country_name: 'USA', email_opt_in: true } } },
      field_data: [{ name: 'email', values: ['jo@acme.example'] }, { name: 'full_name', values: ['Jo Smith'] }, { name: 'company_name', values: ['Acme'] }],
      row: { 'First Name': 'Jo', 'Last Name': 'Smith', Email: 'jo@acme.example' },
    });
    expect(out.data.contact.email.toLowerCase()).toBe(out.field_data[0]!.values[0]);
    expect(out.data.contact.email).toBe(p.email('jo@acme.example').replace('acme', 'Acme'));
    expect(out.data.contact.name).toBe(out.field_data[1]!.values[0]);
    expect(out.data.contact.name).not.toContain('Jo');
    expect(out.data.contact.phone).toMatch(/^\+1 \(2\d\d\) \d{3}-\d{4}$/);
    expect(out.data.contact.phone).not.toBe('+1 (201) 555-1041');
    expect(out.data.contact.attributes).toEqual({ company: 'Acme', country_name: 'USA', email_opt_in: true });
    expect(out.field_data[2]).toEqual({ name: 'company_name', values: ['Acme'] });
    expect(out.row['Last Name']).not.toBe('Smith');
    expect(createPseudonymizer(2).email('jo@acme.example')).not.toBe(p.email('jo@acme.example'));
    expect(p.email('not an email')).not.toContain('@');
  });
});
