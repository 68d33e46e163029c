import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, consentOf, present, pascalPerson } from './fieldValue.ts';

/**
 * A lead registration in the partner portal (Impartner-like; modelled, not vendor-verified): PascalCase fields,
 * the partner's CRM Account id and the partner user who registered it.
 */
export const PartnerPortalPayloadSchema = z.object({
  /** Impartner's own record id. */
  Id: z.number().int().positive().optional(),
  FirstName: z.string().optional(),
  LastName: z.string().optional(),
  Email: z.string().min(1),
  Company: z.string().optional(),
  Country: z.string().optional(),
  Phone: z.string().optional(),
  Title: z.string().optional(),
  /** The partner's CRM Account id (18 characters, prefix 001). */
  PartnerAccountId: z.string().min(1),
  PartnerUserId: z.string().min(1),
  /** The joint campaign the partner registered the lead under, by CRM id. */
  CampaignCrmId: z.string().optional(),
  MarketingOptIn: z.boolean().optional(),
  Created: z.string().optional(),
});

/** A lead registration in the partner portal. */
export type PartnerPortalPayload = z.infer<typeof PartnerPortalPayloadSchema>;

function transform(payload: PartnerPortalPayload, at: number): StandardLead {
  return {
    person: pascalPerson(payload, consentOf(payload.MarketingOptIn)),
    company: compact({ name: present(payload.Company) }),
    attribution: compact({
      source: 'partner-portal' as const,
      campaign: present(payload.CampaignCrmId),
      partnerAccount: payload.PartnerAccountId,
      occurredAt: at,
    }),
  };
}

/** The partner portal entry point: a partner registers a lead in the PRM. */
export const partnerPortal: EntryPointDefinition<typeof PartnerPortalPayloadSchema> = {
  id: 'partner-portal',
  label: 'Partner portal (Impartner lead registration)',
  description:
    'A lead registration in the PRM: PascalCase FirstName, LastName, Email, Company, Country, Phone, the partner CRM Account id (PartnerAccountId) and the registering partner user; partners type countries their own way.',
  leadSource: 'Partner Referral',
  payloadSchema: PartnerPortalPayloadSchema,
  transform,
};
