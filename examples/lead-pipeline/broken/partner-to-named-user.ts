/**
 * Broken on purpose: partner leads go to our channel manager by name instead of the Partner Queue, so no partner
 * sees them in the queue their portal reads.
 *
 *   npx leadsim check --pipeline examples/lead-pipeline/broken/partner-to-named-user.ts
 */
import { makeHandle, STEPS } from '../src/makeHandle.ts';

const CHANNEL_MANAGER = 'ae-amer-1@leadsim-corp.test';

export const handle = makeHandle({
  ...STEPS,
  partnerOwner: (org) => org.users.find((u) => u['Username'] === CHANNEL_MANAGER)?.Id,
});
