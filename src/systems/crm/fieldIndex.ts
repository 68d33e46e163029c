import { BucketMap } from '../../core/bucketMap.ts';
import type { SRecord } from './recordSource.ts';
import { fieldSpec, type SObjectType } from './schema.ts';
import { indexKey } from './soql/indexedRecordSource.ts';

/**
 * The fields the CRM indexes for SOQL `Field = 'x'` lookups: the pipeline reads people by id, searches them by email, finds the lead
 * an event created by its external id after a lost answer, and a person's campaign members by their reference.
 */
export const INDEXED_FIELDS: Readonly<Partial<Record<SObjectType, readonly string[]>>> = {
  // By Id too: the route job reads the fields a graph tests with `SELECT … FROM Lead WHERE Id = '…'`.
  Lead: ['Id', 'Email', 'Pipeline_Event_Id__c'],
  Contact: ['Id', 'Email'],
  Account: ['Website', 'Name'],
  User: ['Id', 'Username'],
  Campaign: ['Name'],
  CampaignMember: ['LeadId', 'ContactId'],
};

function keyOf(type: SObjectType, field: string, value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? indexKey(fieldSpec(type, field)!, value) : undefined;
}

/**
 * Live records by the lower-cased value of a few text fields, kept in step with every store write, so
 * `SELECT … WHERE Email = '…'` costs a lookup instead of a scan (see `IndexedRecordSource` in soql/).
 */
export class FieldIndex {
  /** By `Type.Field`: records by key, one record per key stored as itself (see BucketMap). */
  readonly #maps = new Map<string, BucketMap<string, SRecord>>();

  /** Follows one store write (insert, replace or rollback). */
  update(type: SObjectType, prev: SRecord | undefined, next: SRecord | undefined): void {
    for (const field of INDEXED_FIELDS[type] ?? []) {
      const map = this.#map(type, field);
      const before = prev && prev['IsDeleted'] !== true ? keyOf(type, field, prev[field]) : undefined;
      const after = next && next['IsDeleted'] !== true ? keyOf(type, field, next[field]) : undefined;
      if (before !== undefined) map.remove(before, prev!);
      if (after !== undefined) map.add(after, next!);
    }
  }

  /** Live records whose field has the key `normalizedValue` (see `indexKey`), in creation order; undefined when not indexed. */
  lookup(type: SObjectType, field: string, normalizedValue: string): SRecord[] | undefined {
    if (!(INDEXED_FIELDS[type] ?? []).includes(field)) return undefined;
    return this.#map(type, field).get(normalizedValue);
  }

  #map(type: SObjectType, field: string): BucketMap<string, SRecord> {
    const key = `${type}.${field}`;
    let map = this.#maps.get(key);
    if (!map) {
      // Ids come from zero-padded counters: id order is creation order.
      map = new BucketMap({ same: sameRecord, compare: byId });
      this.#maps.set(key, map);
    }
    return map;
  }
}

function sameRecord(a: SRecord, b: SRecord): boolean {
  return a.Id === b.Id;
}

function byId(a: SRecord, b: SRecord): number {
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}
