import { z } from 'zod';
import { LEAD_ACQUISITION_SOURCES } from '../systems/crm/schema.ts';
import { EntryPointSchema } from './entryPointId.ts';

/**
 * The properties of an inbound inquiry (marketing ROI). Vendor mapping: `offerType` ↔ CampaignMember
 * `Offer_Type__c`, `memberStatus` ↔ CampaignMember `Status`, `partnerAccount` ↔ `Impartner_Partner_Account__c`,
 * `acquisitionSource` ↔ `Lead_Acquisition_Source__c`. `campaign` is a campaign name or a CRM Campaign id.
 */
export const AttributionSchema = z.object({
  source: EntryPointSchema,
  offerType: z.string().optional(),
  campaign: z.string().optional(),
  memberStatus: z.string().optional(),
  partnerAccount: z.string().optional(),
  acquisitionSource: z.enum(LEAD_ACQUISITION_SOURCES).optional(),
  /** When the inquiry happened, epoch ms (simulated time). */
  occurredAt: z.number().int(),
});

/** The properties of an inbound inquiry. */
export type Attribution = z.infer<typeof AttributionSchema>;
