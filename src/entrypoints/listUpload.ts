import { z } from 'zod';
import type { StandardLead } from '../model/inboundLead.ts';
import { LEAD_ACQUISITION_SOURCES } from '../systems/crm/schema.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { compact, consentOf, present } from './fieldValue.ts';

/** The columns of an event list upload, as the CSV header names them; other columns are kept. */
export const LIST_UPLOAD_COLUMNS = ['Email', 'First Name', 'Last Name', 'Company', 'Country', 'Phone', 'Title', 'Consent'] as const;

/** One row of an event CSV, by column header. */
export const ListUploadRowSchema = z.looseObject({
  Email: z.string().min(1),
  'First Name': z.string().optional(),
  'Last Name': z.string().optional(),
  Company: z.string().optional(),
  Country: z.string().optional(),
  Phone: z.string().optional(),
  Title: z.string().optional(),
  /** "Yes" / "No" / blank, as the event's badge scan or sign-up sheet recorded it. */
  Consent: z.string().optional(),
});

/** One row of an event CSV. */
export type ListUploadRow = z.infer<typeof ListUploadRowSchema>;

/**
 * One row of a list upload, with what the uploader chose for the whole file: the campaign (name or CRM id) and
 * the member status, and for a partner-sponsored event the partner's CRM Account id.
 */
export const ListUploadPayloadSchema = z.object({
  file: z.string().optional(),
  /** Line of the row in the file (1 is the header). */
  line: z.number().int().positive().optional(),
  campaign: z.string().min(1),
  memberStatus: z.string().min(1),
  partnerAccountId: z.string().optional(),
  acquisitionSource: z.enum(LEAD_ACQUISITION_SOURCES).optional(),
  row: ListUploadRowSchema,
});

/** One row of a list upload with the upload's campaign and member status. */
export type ListUploadPayload = z.infer<typeof ListUploadPayloadSchema>;

function transform(payload: ListUploadPayload, at: number): StandardLead {
  const row = payload.row;
  const partnerAccount = present(payload.partnerAccountId);
  return {
    person: compact({
      email: row.Email,
      firstName: present(row['First Name']),
      lastName: present(row['Last Name']),
      title: present(row.Title),
      phone: present(row.Phone),
      country: present(row.Country),
      consent: consentOf(row.Consent),
    }),
    company: compact({ name: present(row.Company) }),
    attribution: compact({
      source: 'list-upload' as const,
      offerType: 'Event',
      campaign: payload.campaign,
      memberStatus: payload.memberStatus,
      partnerAccount,
      // A list stamped with a partner account comes from that partner's sponsored event.
      acquisitionSource: payload.acquisitionSource ?? (partnerAccount !== undefined ? ('Partner Sponsored Event' as const) : undefined),
      occurredAt: at,
    }),
  };
}

/** The list upload entry point: one row of an event CSV uploaded to a campaign. */
export const listUpload: EntryPointDefinition<typeof ListUploadPayloadSchema> = {
  id: 'list-upload',
  label: 'List upload (event CSV)',
  description:
    'One row of an event CSV (Email, First Name, Last Name, Company, Country, Phone, Title, Consent) uploaded to a campaign with a member status; blank cells, countries typed by hand, and a partner account for partner-sponsored events.',
  leadSource: 'Event',
  payloadSchema: ListUploadPayloadSchema,
  transform,
};

/** The upload-wide choices that turn CSV rows into list-upload payloads. */
export interface ListUploadOptions {
  campaign: string;
  memberStatus: string;
  file?: string;
  partnerAccountId?: string;
  acquisitionSource?: ListUploadPayload['acquisitionSource'];
}

/** One list-upload payload per parsed CSV row, in file order. */
export function listUploadPayloads(rows: readonly { line: number; row: ListUploadRow }[], options: ListUploadOptions): ListUploadPayload[] {
  return rows.map(({ line, row }) => compact({ ...options, line, row }));
}
