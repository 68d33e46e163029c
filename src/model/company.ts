import { z } from 'zod';

/** The organization a person works for, as far as the entry point told us. `domain` has no scheme and no `www.`. */
export const CompanySchema = z.object({
  name: z.string().optional(),
  domain: z.string().optional(),
  country: z.string().optional(),
  employees: z.number().int().nonnegative().optional(),
});

/** The organization a person works for. */
export type Company = z.infer<typeof CompanySchema>;
