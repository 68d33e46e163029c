/**
 * Broken on purpose: the lookup compares the stored email with the address as typed, case included, so
 * "Ann.Lee@Example.com" does not find "ann.lee@example.com" and a second lead is created for the same person.
 *
 *   npx leadsim check --pipeline examples/lead-pipeline/broken/case-sensitive-lookup.ts
 */
import { findPerson } from '../src/crm.ts';
import { makeHandle, STEPS } from '../src/makeHandle.ts';

export const handle = makeHandle({
  ...STEPS,
  findPerson: async (conn, _email, typed) => {
    const person = await findPerson(conn, typed);
    return person && person.record['Email'] === typed ? person : undefined;
  },
});
