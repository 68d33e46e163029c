/**
 * Broken on purpose: when Salesforce does not answer a create, the create is simply sent again. When the first one
 * had gone through (the answer was lost on the way back), that makes a second lead for the same delivery.
 *
 *   npx leadsim check --pipeline examples/lead-pipeline/broken/retry-creates-second-lead.ts
 */
import { makeHandle, STEPS } from '../src/makeHandle.ts';
import { assertSaved, isTransient } from '../src/salesforce.ts';

export const handle = makeHandle({
  ...STEPS,
  createLead: async (conn, fields) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await conn.sobject('Lead').create(fields);
        assertSaved(result, 'create the lead');
        return (result as { id: string }).id;
      } catch (error) {
        if (attempt >= 4 || !isTransient(error)) throw error;
      }
    }
  },
});
