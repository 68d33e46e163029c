import type { z } from 'zod';
import type { EntryPoint } from '../model/entryPointId.ts';
import type { StandardLead } from '../model/inboundLead.ts';
import type { LEAD_SOURCES } from '../systems/crm/schema.ts';

/** One value of the CRM's `LeadSource` picklist. */
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * Everything leadsim knows about one entry point: the vendor payload's schema (validated once at the intake) and
 * the transform job's mapping from that payload to the standardized objects.
 */
export interface EntryPointDefinition<S extends z.ZodType = z.ZodType> {
  readonly id: EntryPoint;
  /** Human label for reports: "Web form (Marketo)". */
  readonly label: string;
  /** One paragraph: which vendor, what the payload looks like, what mess it brings. */
  readonly description: string;
  /** The CRM `LeadSource` a person created from this entry point gets. */
  readonly leadSource: LeadSource;
  /** Zod schema of the vendor payload. */
  readonly payloadSchema: S;
  /**
   * Vendor payload → standardized objects. Pure. Splits full names and maps vendor field names, but keeps raw
   * values (country "Deutschland", email " John@Acme.COM "): standardization is the next job. `at` is the
   * simulated time the intake received the payload, used as `attribution.occurredAt`.
   */
  readonly transform: (payload: z.output<S>, at: number) => StandardLead;
}
