import type { CrmSchema, SObjectType } from './schema.ts';

/** A stored CRM record: field API name → value. `Id` is always the 18-character id. */
export type SRecord = { readonly Id: string } & Readonly<Record<string, unknown>>;

/** Read access to CRM records, as the SOQL engine and the invariants need it. The CRM implements it. */
export interface RecordSource {
  /** Every live (not deleted) record of a type, in creation order. `includeDeleted` adds recycle-bin records. */
  records(type: SObjectType, options?: { includeDeleted?: boolean }): Iterable<SRecord>;
  /** The record with this 15- or 18-character id, with its type, or undefined. */
  byId(id: string): { type: SObjectType; record: SRecord } | undefined;
  /** The org's schema, when it differs from leadsim's own (an org spec that declares fields); SOQL resolves fields in it. */
  readonly schema?: CrmSchema;
}
