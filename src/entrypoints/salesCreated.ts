import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import { LEAD_ACQUISITION_SOURCES } from '../systems/crm/schema.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, domainOfWebsite, present, pascalPerson } from './fieldValue.ts';

/**
 * A Lead a rep created in the CRM, as the CRM's change event (Salesforce Change Data Capture-like) delivers it to
 * the intake: the record's fields by Salesforce API name, and a header naming the record and the user who saved it.
 */
export const SalesCreatedPayloadSchema = z.object({
  ChangeEventHeader: z.object({
    entityName: z.literal('Lead'),
    changeType: z.literal('CREATE'),
    recordIds: z.array(z.string().min(15)).min(1),
    /** The rep's CRM User id. */
    commitUser: z.string().min(1),
    commitTimestamp: z.number().int(),
    changeOrigin: z.string().optional(),
  }),
  Email: z.string().min(1),
  FirstName: z.string().optional(),
  LastName: z.string().min(1),
  Company: z.string().min(1),
  Title: z.string().optional(),
  Phone: z.string().optional(),
  Country: z.string().optional(),
  Website: z.string().optional(),
  NumberOfEmployees: z.number().int().nonnegative().optional(),
  LeadSource: z.string().optional(),
  Lead_Acquisition_Source__c: z.enum(LEAD_ACQUISITION_SOURCES).optional(),
  /** The owner the rep saved the lead with: normally the rep. */
  OwnerId: z.string().min(1),
});

/** A Lead a rep created in the CRM, as its change event. */
export type SalesCreatedPayload = z.infer<typeof SalesCreatedPayloadSchema>;

function transform(payload: SalesCreatedPayload, at: number): StandardLead {
  return {
    // A rep adding a prospect by hand is not a consent event.
    person: pascalPerson(payload, 'unknown' as const),
    company: compact({ name: present(payload.Company), domain: domainOfWebsite(payload.Website), employees: payload.NumberOfEmployees }),
    attribution: compact({
      source: 'sales-created' as const,
      acquisitionSource: payload.Lead_Acquisition_Source__c,
      occurredAt: at,
    }),
    // DOMAIN.md rule 5: a sales-created lead is owned by the rep who created it from the start.
    owner: { kind: 'user', id: payload.OwnerId },
  };
}

/** The sales-created entry point: a rep creates the lead in the CRM and its change event calls the intake. */
export const salesCreated: EntryPointDefinition<typeof SalesCreatedPayloadSchema> = {
  id: 'sales-created',
  label: 'Sales-created (CRM change event)',
  description:
    'A Lead a rep typed into the CRM, delivered by the CRM change event: Salesforce field names (Email, LastName, Company, Country, OwnerId...) and a ChangeEventHeader with the record id and the rep. Country is free text, as the rep typed it.',
  leadSource: 'Sales',
  payloadSchema: SalesCreatedPayloadSchema,
  transform,
};
