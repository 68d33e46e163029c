import { normalizeId } from './ids.ts';
import type { SRecord } from './recordSource.ts';
import { CRM_SCHEMA, type CrmSchema, type SObjectType } from './schema.ts';
import { canonicalField } from './validateFields.ts';

/** What {@link matchByExternalId} reads: live records, and the indexed lookup the CRM offers for some fields. */
export interface ExternalIdSource {
  records(type: SObjectType): Iterable<SRecord>;
  lookup(type: SObjectType, field: string, normalizedValue: string): Iterable<SRecord> | undefined;
  byId(id: string): { type: SObjectType; record: SRecord } | undefined;
}

/**
 * The API name of `field` on `type` when it can identify records (Id, an idLookup or External ID field, an org's
 * declared External ID field too), else undefined.
 */
export function externalIdField(type: SObjectType, field: string, schema: CrmSchema = CRM_SCHEMA): string | undefined {
  const name = canonicalField(type, field, schema);
  if (name === undefined) return undefined;
  const spec = schema[type][name]!;
  return spec.idLookup === true || spec.externalId === true ? name : undefined;
}

/**
 * The live records of `type` whose identifying `field` equals `value`, in creation order. Text comparisons ignore
 * case and surrounding spaces, as Salesforce's External ID and idLookup matching does (unless a field is marked
 * case sensitive, which none of the simulated fields is). `Id` matches by 15- or 18-character id.
 */
export function matchByExternalId(source: ExternalIdSource, type: SObjectType, field: string, value: string): SRecord[] {
  if (field === 'Id') {
    const id = normalizeId(value);
    const found = id === undefined ? undefined : source.byId(id);
    return found && found.type === type && found.record['IsDeleted'] !== true ? [found.record] : [];
  }
  const wanted = value.trim().toLowerCase();
  const indexed = source.lookup(type, field, wanted);
  if (indexed) return [...indexed];
  return [...source.records(type)].filter((r) => typeof r[field] === 'string' || typeof r[field] === 'number' ? String(r[field]).trim().toLowerCase() === wanted : false);
}
