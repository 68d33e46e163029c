import { z } from 'zod';

/** Marketing consent as the person gave it: explicit opt-in, explicit opt-out, or never asked / not said. */
export const ConsentSchema = z.enum(['opt-in', 'opt-out', 'unknown']);
/** Marketing consent as the person gave it. */
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * A person (lead or contact), system-agnostic. Before standardization the fields hold what the vendor sent
 * (`country: "Deutschland"`, `email: " John@ACME.com "`); after it, `country` is an ISO 3166-1 alpha-2 code,
 * `email` is trimmed and lower-cased and `phone` is E.164.
 */
export const PersonSchema = z.object({
  email: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  title: z.string().optional(),
  phone: z.string().optional(),
  country: z.string().optional(),
  consent: ConsentSchema.optional(),
});

/** A person (lead or contact), system-agnostic. */
export type Person = z.infer<typeof PersonSchema>;
