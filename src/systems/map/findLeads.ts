import { DEFAULT_LEAD_FIELDS, leadField } from './leadFields.ts';
import type { LeadDatabase, LeadValue, MarketoLead } from './leadDatabase.ts';
import { failure, invalidData, marketoError, type MarketoResult } from './marketoError.ts';

/** A lead as the REST API returns it: `id` plus the requested fields (null when empty). */
export type LeadView = { readonly id: number } & Readonly<Record<string, LeadValue>>;

/** Paging options of {@link findLeads}. */
export interface FindLeadsPaging {
  /** Page size, 1–300; default 300. */
  readonly batchSize?: number;
  /** The `nextPageToken` of the previous page. */
  readonly nextPageToken?: string;
}

/** Most values in one `filterValues`. */
export const MAX_FILTER_VALUES = 300;

/**
 * Resolves a list of field names (any case) to canonical names, or the 1006 error for the first unknown one.
 * Defaults to `id,email,updatedAt,createdAt,firstName,lastName`.
 */
export function resolveFields(fields: readonly string[] | undefined): { ok: true; fields: string[] } | { ok: false; unknown: string } {
  const names = fields && fields.length ? fields : DEFAULT_LEAD_FIELDS;
  const out: string[] = [];
  for (const name of names) {
    const spec = leadField(name);
    if (!spec) return { ok: false, unknown: name };
    if (!out.includes(spec.name)) out.push(spec.name);
  }
  return { ok: true, fields: out };
}

/** Projects a lead onto `fields`; `id` always comes first. */
export function viewLead(lead: MarketoLead, fields: readonly string[]): LeadView {
  const view: Record<string, LeadValue> = { id: lead.id };
  for (const field of fields) if (field !== 'id') view[field] = lead[field] ?? null;
  return view as LeadView;
}

/**
 * `GET /rest/v1/leads.json`: the leads whose `filterType` field equals one of `values`, in id order, a page at a
 * time. Emails match case-insensitively. No match is a success with an empty result.
 */
export function findLeads(db: LeadDatabase, filterType: string, values: readonly string[], fields?: readonly string[], paging: FindLeadsPaging = {}): MarketoResult<LeadView> {
  const spec = leadField(filterType);
  if (!spec || !spec.searchable) return failure(invalidData(`Invalid filterType '${filterType}'`));
  if (values.length === 0) return failure(marketoError('1002', 'filterValues'));
  if (values.length > MAX_FILTER_VALUES) return failure(invalidData(`Too many filterValues: ${values.length} (at most ${MAX_FILTER_VALUES})`));
  const resolved = resolveFields(fields);
  if (!resolved.ok) return failure(marketoError('1006', resolved.unknown));
  const size = paging.batchSize ?? 300;
  if (!Number.isInteger(size) || size < 1 || size > 300) return failure(marketoError('1001', String(size), 'batchSize'));
  const offset = paging.nextPageToken === undefined ? 0 : decodePageToken(paging.nextPageToken);
  if (offset === undefined) return failure(invalidData(`Invalid nextPageToken '${paging.nextPageToken}'`));

  const ids = new Set<number>();
  for (const raw of values) {
    const value = spec.dataType === 'integer' ? Number(raw) : raw;
    for (const id of db.idsBy(spec.name, value)) ids.add(id);
  }
  const sorted = [...ids].sort((a, b) => a - b);
  const page = sorted.slice(offset, offset + size).map((id) => viewLead(db.get(id)!, resolved.fields));
  const more = offset + size < sorted.length;
  return more ? { ok: true, result: page, nextPageToken: encodePageToken(offset + size) } : { ok: true, result: page };
}

/** An opaque-looking token for a result offset. */
export function encodePageToken(offset: number): string {
  return `PG${offset.toString(36).toUpperCase().padStart(10, '0')}`;
}

/** The offset a token from {@link encodePageToken} stands for, or undefined. */
export function decodePageToken(token: string): number | undefined {
  const match = /^PG([0-9A-Z]{10,})$/.exec(token);
  return match ? Number.parseInt(match[1]!, 36) : undefined;
}
