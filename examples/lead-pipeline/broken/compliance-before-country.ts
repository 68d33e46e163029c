/**
 * Broken on purpose: mailability is decided on the country as the form sent it, before it is standardized, so
 * "Deutschland" is not recognised as an opt-in country and the lead is marked Mailable.
 *
 *   npx leadsim check --pipeline examples/lead-pipeline/broken/compliance-before-country.ts
 */
import { makeHandle, STEPS } from '../src/makeHandle.ts';
import { mailability } from '../src/standardize.ts';

export const handle = makeHandle({
  ...STEPS,
  mailability: (_code, typed, consent) => mailability(typed?.trim().toUpperCase(), consent),
});
