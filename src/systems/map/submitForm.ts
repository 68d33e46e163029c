import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityLog } from './activityLog.ts';
import type { LeadDatabase, LeadValue } from './leadDatabase.ts';
import { failure, invalidData, marketoError, type MarketoResult } from './marketoError.ts';
import { MAX_BATCH, validateLeadInput, type SyncLeadResult } from './syncLeads.ts';

/** Visitor data sent with a form fill. */
export const visitorDataSchema = z.object({
  pageURL: z.string().optional(),
  queryString: z.string().optional(),
  leadClientIpAddress: z.string().optional(),
  userAgentString: z.string().optional(),
});

/** The body of `POST /rest/v1/leads/submitForm.json`. */
export const submitFormRequestSchema = z.object({
  formId: z.number().int(),
  programId: z.number().int().optional(),
  input: z.array(
    z.object({
      leadFormFields: z.record(z.string(), z.unknown()),
      visitorData: visitorDataSchema.optional(),
      cookie: z.string().optional(),
    }),
  ),
});

/** A form submission (see {@link submitFormRequestSchema}). */
export type SubmitFormRequest = z.input<typeof submitFormRequestSchema>;

/** Visitor data of a form fill. */
export type VisitorData = z.infer<typeof visitorDataSchema>;

/** What a form-fill listener receives, synchronously after the lead is saved. */
export interface FormFillEvent {
  readonly formId: number;
  readonly leadId: number;
  /** The form fields as stored (canonical names, coerced values). */
  readonly fields: Readonly<Record<string, LeadValue>>;
  readonly visitorData: VisitorData;
  readonly cookie?: string;
  /** Simulated time, ISO-8601. */
  readonly at: string;
}

/**
 * Saves form fills: each upserts a lead by email (the most recently created match when there are several, as
 * Marketo's form processor does) and logs a Fill Out Form activity. Returns the results and the events to emit.
 */
export function submitForm(db: LeadDatabase, activities: ActivityLog, request: SubmitFormRequest, at: string): { result: MarketoResult<SyncLeadResult>; events: FormFillEvent[] } {
  if (request.input.length === 0) return { result: failure(marketoError('701', 'input')), events: [] };
  if (request.input.length > MAX_BATCH) return { result: failure(invalidData(`Batch size ${request.input.length} exceeds the maximum of ${MAX_BATCH} records`)), events: [] };
  const events: FormFillEvent[] = [];
  const result = request.input.map((entry): SyncLeadResult => {
    const checked = validateLeadInput(entry.leadFormFields);
    if (!checked.ok) return { status: 'skipped', reasons: [checked.reason] };
    if (checked.id !== undefined) return { status: 'skipped', reasons: [invalidData(`Field 'id' is not allowed in a form fill`)] };
    const email = checked.values['email'];
    if (typeof email !== 'string' || email.trim() === '') return { status: 'skipped', reasons: [invalidData(`Value for field 'email' not specified`)] };
    const matches = db.idsByEmail(email);
    const existing = matches[matches.length - 1];
    const leadId = existing ?? db.create(checked.values, 'form', 'Web form fillout').id;
    if (existing !== undefined) {
      const { email: _key, ...changes } = checked.values;
      db.update(existing, changes, 'form');
    }
    const visitorData = entry.visitorData ?? {};
    activities.log({
      leadId,
      activityTypeId: ACTIVITY_TYPES.fillOutForm.id,
      primaryAttributeValueId: request.formId,
      primaryAttributeValue: `Form ${request.formId}`,
      attributes: [
        { name: 'Webpage URL', value: visitorData.pageURL ?? null },
        { name: 'Query Parameters', value: visitorData.queryString ?? null },
        { name: 'Client IP Address', value: visitorData.leadClientIpAddress ?? null },
        { name: 'User Agent', value: visitorData.userAgentString ?? null },
        { name: 'Form Fields', value: JSON.stringify(checked.values) },
      ],
    });
    events.push({ formId: request.formId, leadId, fields: checked.values, visitorData, ...(entry.cookie !== undefined ? { cookie: entry.cookie } : {}), at });
    return { id: leadId, status: existing === undefined ? 'created' : 'updated' };
  });
  return { result: { ok: true, result }, events };
}
