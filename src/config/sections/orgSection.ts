import { z } from 'zod';

/** `org`: the org spec file commands seed their world with (default: an org generated from the seed). */
export const orgSection = {
  org: z.string().min(1).optional().describe('An org spec file (relative to this config; format: node_modules/leadsim/schemas/org.schema.json) that simulate, check, record and serve seed their world with. Default: an org generated from the seed.'),
};
