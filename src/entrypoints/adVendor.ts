import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import { splitFullName } from '../standardize/fullName.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, consentOf, present } from './fieldValue.ts';

/** One answer of a lead-gen form: the question's name and the values given (Facebook's `field_data` shape). */
export const AdFieldSchema = z.object({ name: z.string().min(1), values: z.array(z.string()) });

/**
 * A lead from a social ad vendor's lead-gen form (LinkedIn / Facebook Lead Ads-like): answers as a list of
 * `{ name, values }`. Standard names: email, full_name or first_name + last_name, company_name, job_title,
 * phone_number, country, marketing_consent. The list must contain an email answer.
 */
export const AdVendorPayloadSchema = z.object({
  platform: z.enum(['linkedin', 'facebook']).optional(),
  form_id: z.string().min(1),
  campaign_name: z.string().optional(),
  field_data: z.array(AdFieldSchema).superRefine((fields, ctx) => {
    const email = fields.find((f) => f.name === 'email');
    if (email === undefined || (email.values[0] ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'no answer named "email"', input: fields });
    }
  }),
  created_time: z.string(),
});

/** A lead from a social ad vendor's lead-gen form. */
export type AdVendorPayload = z.infer<typeof AdVendorPayloadSchema>;

function answer(payload: AdVendorPayload, name: string): string | undefined {
  return present(payload.field_data.find((f) => f.name === name)?.values[0]);
}

function transform(payload: AdVendorPayload, at: number): StandardLead {
  const full = answer(payload, 'full_name');
  const names = full !== undefined ? splitFullName(full) : { firstName: answer(payload, 'first_name'), lastName: answer(payload, 'last_name') };
  return {
    person: compact({
      email: answer(payload, 'email') ?? '',
      ...names,
      title: answer(payload, 'job_title'),
      phone: answer(payload, 'phone_number'),
      country: answer(payload, 'country'),
      consent: consentOf(answer(payload, 'marketing_consent')),
    }),
    company: compact({ name: answer(payload, 'company_name') }),
    attribution: compact({
      source: 'ad-vendor' as const,
      offerType: 'Content',
      campaign: present(payload.campaign_name),
      memberStatus: 'Responded',
      occurredAt: at,
    }),
  };
}

/** The third-party ad vendor entry point: a lead-gen form answer list. */
export const adVendor: EntryPointDefinition<typeof AdVendorPayloadSchema> = {
  id: 'ad-vendor',
  label: 'Ad vendor lead-gen form (LinkedIn / Facebook-like)',
  description:
    'A lead-gen form submission from a social ad vendor: answers as field_data [{ name, values }], a full name or first/last names, country as a code or a name, and the ad campaign name.',
  leadSource: 'Advertisement',
  payloadSchema: AdVendorPayloadSchema,
  transform,
};
