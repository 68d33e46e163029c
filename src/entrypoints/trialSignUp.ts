import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import { splitFullName } from '../standardize/fullName.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, consentOf, present } from './fieldValue.ts';

/** The product's "trial started" webhook: the signed-up user, the plan, and where the sign-up came from. */
export const TrialSignUpPayloadSchema = z.object({
  event: z.literal('trial.started'),
  user: z.object({
    id: z.string().optional(),
    email: z.string().min(1),
    full_name: z.string().optional(),
    company: z.string().optional(),
    /** From the browser's locale or a picker: "de", "US". */
    country_code: z.string().optional(),
    /** Typed by the user when there is no picker. */
    country: z.string().optional(),
    phone: z.string().optional(),
    job_title: z.string().optional(),
    marketing_opt_in: z.boolean().optional(),
  }),
  plan: z.string().min(1),
  started_at: z.string(),
  referral: z
    .object({
      /** The campaign (name) of the sign-up link, e.g. "Partner - Trial - Acme". */
      campaign: z.string().optional(),
      /** The referring partner's CRM Account id. */
      partner_account_id: z.string().optional(),
    })
    .optional(),
});

/** The product's "trial started" webhook. */
export type TrialSignUpPayload = z.infer<typeof TrialSignUpPayloadSchema>;

function transform(payload: TrialSignUpPayload, at: number): StandardLead {
  const user = payload.user;
  return {
    person: compact({
      email: user.email,
      ...splitFullName(user.full_name),
      title: present(user.job_title),
      phone: present(user.phone),
      country: present(user.country_code) ?? present(user.country),
      consent: consentOf(user.marketing_opt_in),
    }),
    company: compact({ name: present(user.company) }),
    attribution: compact({
      source: 'trial-sign-up' as const,
      offerType: 'Free Trial',
      campaign: present(payload.referral?.campaign),
      memberStatus: 'Responded',
      partnerAccount: present(payload.referral?.partner_account_id),
      occurredAt: at,
    }),
  };
}

/** The free-trial / product sign-up entry point. */
export const trialSignUp: EntryPointDefinition<typeof TrialSignUpPayloadSchema> = {
  id: 'trial-sign-up',
  label: 'Free trial sign-up (product webhook)',
  description:
    'The product webhook trial.started: the user (email, full_name in one field, company, country_code or a typed country), the plan, and the referral campaign or partner when the sign-up link carried one.',
  leadSource: 'Trial',
  payloadSchema: TrialSignUpPayloadSchema,
  transform,
};
