import { z } from 'zod';
import { coerceLeadValue, leadField } from './leadFields.ts';
import type { LeadChangeSource, LeadDatabase, LeadValue } from './leadDatabase.ts';
import { failure, invalidData, marketoError, type MarketoError, type MarketoResult } from './marketoError.ts';

/** Sync actions of `POST /rest/v1/leads.json`. */
export const SYNC_ACTIONS = ['createOrUpdate', 'createOnly', 'updateOnly', 'createDuplicate'] as const;

/** Lookup fields the simulator supports for sync. */
export const SYNC_LOOKUP_FIELDS = ['email', 'id', 'sfdcLeadId'] as const;

/** Most records per sync call (Marketo's lead database batch limit). */
export const MAX_BATCH = 300;

/** The body of `POST /rest/v1/leads.json`. Defaults: `action` createOrUpdate, `lookupField` email. */
export const syncLeadsRequestSchema = z.object({
  action: z.enum(SYNC_ACTIONS).optional(),
  lookupField: z.string().optional(),
  partitionName: z.string().optional(),
  asyncProcessing: z.boolean().optional(),
  input: z.array(z.record(z.string(), z.unknown())),
});

/** A sync request (see {@link syncLeadsRequestSchema}). */
export type SyncLeadsRequest = z.input<typeof syncLeadsRequestSchema>;

/** One entry of a sync result, in input order. */
export type SyncLeadResult =
  | { readonly id: number; readonly status: 'created' | 'updated' }
  | { readonly status: 'skipped'; readonly reasons: readonly MarketoError[] };

/**
 * Validates one input record: every field must exist (1006), values must fit their type (1003). Read-only fields
 * other than `id` are ignored, as Marketo ignores them. Returns the coerced values, `id` excluded.
 */
export function validateLeadInput(input: Readonly<Record<string, unknown>>): { ok: true; values: Record<string, LeadValue>; id?: unknown } | { ok: false; reason: MarketoError } {
  const values: Record<string, LeadValue> = {};
  let id: unknown;
  for (const [name, raw] of Object.entries(input)) {
    const spec = leadField(name);
    if (!spec) return { ok: false, reason: marketoError('1006', name) };
    if (spec.name === 'id') {
      id = raw;
      continue;
    }
    if (spec.readOnly) continue;
    const coerced = coerceLeadValue(spec, raw);
    if (!coerced) return { ok: false, reason: invalidData(`Value '${String(raw)}' for field '${spec.name}' is not a valid ${spec.dataType}`) };
    values[spec.name] = coerced.value;
  }
  return id === undefined ? { ok: true, values } : { ok: true, values, id };
}

/**
 * Creates or updates leads one record at a time, in input order, as Marketo's synchronous sync does. A later record
 * sees what an earlier one created. Record-level problems skip that record (1003–1007); request-level problems fail
 * the whole call.
 */
export function syncLeads(db: LeadDatabase, request: SyncLeadsRequest, source: LeadChangeSource = 'api'): MarketoResult<SyncLeadResult> {
  const action = request.action ?? 'createOrUpdate';
  const lookupField = leadField(request.lookupField ?? 'email')?.name ?? request.lookupField ?? 'email';
  if (!(SYNC_ACTIONS as readonly string[]).includes(action)) return failure(marketoError('1001', action, 'action'));
  if (!(SYNC_LOOKUP_FIELDS as readonly string[]).includes(lookupField)) return failure(marketoError('1011', lookupField));
  if (request.input.length === 0) return failure(marketoError('701', 'input'));
  if (request.input.length > MAX_BATCH) return failure(invalidData(`Batch size ${request.input.length} exceeds the maximum of ${MAX_BATCH} records`));
  const result = request.input.map((input) => syncOne(db, input, action, lookupField, source));
  return { ok: true, result };
}

function syncOne(db: LeadDatabase, input: Readonly<Record<string, unknown>>, action: string, lookupField: string, source: LeadChangeSource): SyncLeadResult {
  const skipped = (reason: MarketoError): SyncLeadResult => ({ status: 'skipped', reasons: [reason] });
  const checked = validateLeadInput(input);
  if (!checked.ok) return skipped(checked.reason);
  const { values, id } = checked;
  if (id !== undefined && (action === 'createOnly' || action === 'createDuplicate')) return skipped(invalidData(`Field 'id' is not allowed with action '${action}'`));
  if (id !== undefined && lookupField !== 'id') return skipped(invalidData(`Field 'id' is only allowed with lookupField 'id'`));
  if (action === 'createDuplicate') return { id: db.create(values, source).id, status: 'created' };

  const key = lookupField === 'id' ? id : values[lookupField];
  if (key === undefined || key === null || key === '') return skipped(invalidData(`Value for lookup field '${lookupField}' not specified`));
  if (lookupField === 'id' && typeof key !== 'number') return skipped(invalidData(`Value '${String(key)}' for field 'id' is not a valid integer`));
  const matches = db.idsBy(lookupField, key as LeadValue);
  if (matches.length > 1 && action !== 'createOnly') return skipped(marketoError('1007'));
  const match = matches[0];
  if (match === undefined) {
    if (action === 'updateOnly' || lookupField === 'id') return skipped(marketoError('1004'));
    return { id: db.create(values, source).id, status: 'created' };
  }
  if (action === 'createOnly') return skipped(marketoError('1005'));
  // The lookup value matched (emails case-insensitively), so it is the key, not a change: keep the stored spelling.
  const { [lookupField]: _key, ...changes } = values;
  db.update(match, changes, source);
  return { id: match, status: 'updated' };
}
