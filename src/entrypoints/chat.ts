import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import { splitFullName } from '../standardize/fullName.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, consentOf, present } from './fieldValue.ts';

/** A chat tool's "lead captured" webhook (Drift / Intercom-like): the full name in one field, extras in `attributes`. */
export const ChatPayloadSchema = z.object({
  type: z.literal('conversation.lead_captured'),
  data: z.object({
    conversationId: z.union([z.string().min(1), z.number().int()]),
    contact: z.object({
      email: z.string().min(1),
      name: z.string().optional(),
      phone: z.string().optional(),
      attributes: z
        .looseObject({
          company: z.string().optional(),
          country_name: z.string().optional(),
          job_title: z.string().optional(),
          email_opt_in: z.boolean().optional(),
        })
        .optional(),
    }),
    /** The playbook's campaign (name), when the bot runs one. */
    campaign: z.string().optional(),
  }),
  createdAt: z.number().int().optional(),
});

/** A chat tool's "lead captured" webhook. */
export type ChatPayload = z.infer<typeof ChatPayloadSchema>;

function transform(payload: ChatPayload, at: number): StandardLead {
  const contact = payload.data.contact;
  const attributes = contact.attributes ?? {};
  return {
    person: compact({
      email: contact.email,
      ...splitFullName(contact.name),
      title: present(attributes.job_title),
      phone: present(contact.phone),
      country: present(attributes.country_name),
      consent: consentOf(attributes.email_opt_in),
    }),
    company: compact({ name: present(attributes.company) }),
    attribution: compact({
      source: 'chat' as const,
      offerType: 'Chat',
      campaign: present(payload.data.campaign),
      memberStatus: 'Responded',
      occurredAt: at,
    }),
  };
}

/** The chat entry point: a chat tool's lead-captured webhook. */
export const chat: EntryPointDefinition<typeof ChatPayloadSchema> = {
  id: 'chat',
  label: 'Chat (Drift-like webhook)',
  description:
    'A chat tool webhook of type conversation.lead_captured: the contact has an email, a full name in one field (often missing) and free-form attributes such as company and country_name.',
  leadSource: 'Chat',
  payloadSchema: ChatPayloadSchema,
  transform,
};
