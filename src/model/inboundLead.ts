import { z } from 'zod';
import { AttributionSchema } from './attribution.ts';
import { CompanySchema } from './company.ts';
import { OwnerSchema } from './owner.ts';
import { PersonSchema } from './person.ts';

/**
 * What the transform job produces from any vendor payload: the standardized objects, still holding the vendor's
 * raw values (standardization is the next job). `owner` is set only when the entry point already decided it
 * (a sales-created lead is owned by the rep who created it, DOMAIN.md rule 5).
 */
export const StandardLeadSchema = z.object({
  person: PersonSchema,
  company: CompanySchema,
  attribution: AttributionSchema,
  owner: OwnerSchema.optional(),
});

/** What the transform job produces from any vendor payload. */
export type StandardLead = z.infer<typeof StandardLeadSchema>;
