import { z } from 'zod';
import { REGIONS } from '../systems/crm/schema.ts';

/**
 * Who owns a person in the CRM: a user (SDR, BDR, AE) or a queue, by CRM id. `name` is optional because some
 * entry points only carry the id (a CRM change event names the creating rep by user id alone).
 */
export const OwnerSchema = z.object({
  kind: z.enum(['user', 'queue']),
  id: z.string().min(1),
  name: z.string().optional(),
  region: z.enum(REGIONS).optional(),
});

/** Who owns a person in the CRM. */
export type Owner = z.infer<typeof OwnerSchema>;
