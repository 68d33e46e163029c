import fc from 'fast-check';
import type { EntryPoint } from '../../src/model/entryPointId.ts';
import type { ParsedPayload } from '../../src/entrypoints/registry.ts';
import { payloadArbitrary } from '../../src/generators/payloadArbitrary.ts';
import type { WorldHints } from '../../src/generators/worldHints.ts';

/** One generated payload of `entryPoint` for a world, with the person's email and country set to what the test needs. */
export function payloadFor(entryPoint: EntryPoint, hints: WorldHints, person: { email: string; country?: string }, seed = 1): ParsedPayload {
  const [payload] = fc.sample(payloadArbitrary(entryPoint, hints), { seed, numRuns: 1 }) as unknown[];
  return { entryPoint, payload: withPerson(entryPoint, structuredClone(payload), person) } as ParsedPayload;
}

function withPerson(entryPoint: EntryPoint, p: any, person: { email: string; country?: string }): unknown {
  const country = person.country;
  switch (entryPoint) {
    case 'web-form':
      p.leadFormFields.email = person.email;
      if (country !== undefined) p.leadFormFields.country = country;
      return p;
    case 'chat':
      p.data.contact.email = person.email;
      if (country !== undefined) p.data.contact.attributes = { ...p.data.contact.attributes, country_name: country };
      return p;
    case 'ad-vendor':
      p.field_data = p.field_data.filter((f: { name: string }) => f.name !== 'email' && f.name !== 'country');
      p.field_data.push({ name: 'email', values: [person.email] });
      if (country !== undefined) p.field_data.push({ name: 'country', values: [country] });
      return p;
    case 'list-upload':
      p.row.Email = person.email;
      if (country !== undefined) p.row.Country = country;
      return p;
    case 'sales-created':
      p.Email = person.email;
      if (country !== undefined) p.Country = country;
      return p;
    case 'partner-portal':
      p.Email = person.email;
      if (country !== undefined) p.Country = country;
      return p;
    case 'trial-sign-up':
      p.user.email = person.email;
      if (country !== undefined) {
        delete p.user.country_code;
        p.user.country = country;
      }
      return p;
  }
}
