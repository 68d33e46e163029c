import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, consentOf, domainOfWebsite, present } from './fieldValue.ts';

/**
 * A Marketo form fill as the MAP hands it on (the shape of `POST /rest/v1/leads/submitForm.json`'s input, one
 * entry): Marketo REST field names in `leadFormFields`; unknown extra fields are kept.
 */
export const WebFormPayloadSchema = z.object({
  formId: z.number().int().positive(),
  leadFormFields: z.looseObject({
    email: z.string().min(1),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    company: z.string().optional(),
    country: z.string().optional(),
    phone: z.string().optional(),
    title: z.string().optional(),
    website: z.string().optional(),
    numberOfEmployees: z.number().int().nonnegative().optional(),
    /** The form's consent checkbox; unchecked or absent means "not given", not "opted out". */
    emailOptIn: z.boolean().optional(),
    unsubscribed: z.boolean().optional(),
    /** Hidden field: the offer the form belongs to ("Demo - 1:1", "Webinar"). */
    offerType: z.string().optional(),
  }),
  visitorData: z
    .object({
      pageURL: z.string(),
      queryString: z.string().optional(),
      leadClientIpAddress: z.string().optional(),
      userAgentString: z.string().optional(),
    })
    .optional(),
  cookie: z.string().optional(),
  /** The Marketo program the form runs under; its name is the campaign's name. */
  programName: z.string().optional(),
});

/** A Marketo form fill. */
export type WebFormPayload = z.infer<typeof WebFormPayloadSchema>;

function transform(payload: WebFormPayload, at: number): StandardLead {
  const f = payload.leadFormFields;
  const offerType = present(f.offerType);
  const consent = f.unsubscribed === true ? ('opt-out' as const) : consentOf(f.emailOptIn === true ? true : undefined);
  return {
    person: compact({
      email: f.email,
      firstName: present(f.firstName),
      lastName: present(f.lastName),
      title: present(f.title),
      phone: present(f.phone),
      country: present(f.country),
      consent,
    }),
    company: compact({ name: present(f.company), domain: domainOfWebsite(f.website), employees: f.numberOfEmployees }),
    attribution: compact({
      source: 'web-form' as const,
      offerType,
      campaign: present(payload.programName),
      // A webinar form is a registration; every other form fill is a response.
      memberStatus: offerType === 'Webinar' ? 'Registered' : 'Responded',
      occurredAt: at,
    }),
  };
}

/** The web form entry point: a Marketo form fill. */
export const webForm: EntryPointDefinition<typeof WebFormPayloadSchema> = {
  id: 'web-form',
  label: 'Web form (Marketo)',
  description:
    'A Marketo form fill: Marketo REST field names (email, firstName, company, country, ...) in leadFormFields, with the visitor data and the program it runs under. Country is whatever the visitor typed or picked; names may be missing.',
  leadSource: 'Web',
  payloadSchema: WebFormPayloadSchema,
  transform,
};
