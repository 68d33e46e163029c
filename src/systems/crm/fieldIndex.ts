import { HashIndex } from '../../core/hashIndex.ts';
import { madeIdCounter, to18 } from './ids.ts';
import type { SRecord } from './recordSource.ts';
import { fieldSpec, KEY_PREFIXES, type SObjectType } from './schema.ts';
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

/** The key a record is filed under for `field`: none when it is deleted, or for an `Id` the CRM made (see FieldIndex). */
function filedKey(type: SObjectType, field: string, record: SRecord): string | undefined {
  if (record['IsDeleted'] === true || (field === 'Id' && isMadeId(type, record.Id))) return undefined;
  return keyOf(type, field, record[field]);
}

/** Whether `id` is one the CRM made for a record of `type`: its record is found from the id's key, not filed. */
function isMadeId(type: SObjectType, id: string): boolean {
  return madeIdCounter(KEY_PREFIXES[type], id) !== undefined;
}

/** The id the CRM would have made for `type` with this `Id` key (see indexKey: 15 characters, lower-cased), if any. */
function madeIdOfKey(type: SObjectType, key: string): string | undefined {
  const prefix = KEY_PREFIXES[type];
  if (key.length !== 15 || !key.startsWith(`${prefix.toLowerCase()}sm`) || !/^\d{10}$/.test(key.slice(5))) return undefined;
  return to18(`${prefix}Sm${key.slice(5)}`);
}

/**
 * Live records by the lower-cased value of a few text fields, kept in step with every store write, so
 * `SELECT … WHERE Email = '…'` costs a lookup instead of a scan (see `IndexedRecordSource` in soql/).
 */
export class FieldIndex {
  /** By `Type.Field`: the live records by their key (see HashIndex: the key is read from the record, not stored). */
  readonly #maps = new Map<string, HashIndex<SRecord>>();
  /** The stored record with this 18-character id (the store's), for `Id` lookups of ids the CRM made. */
  readonly #byId: (id: string) => { readonly type: SObjectType; readonly record: SRecord } | undefined;

  /**
   * @param byId - the record store's lookup: a record whose Id the CRM made (nearly all) is found from the id itself,
   * so the `Id` index files only the others, rather than a key string and a map entry per record.
   */
  constructor(byId: (id: string) => { readonly type: SObjectType; readonly record: SRecord } | undefined) {
    this.#byId = byId;
  }

  /** Follows one store write (insert, replace or rollback). */
  update(type: SObjectType, prev: SRecord | undefined, next: SRecord | undefined): void {
    for (const field of INDEXED_FIELDS[type] ?? []) this.#map(type, field).replace(prev, next);
  }

  /**
   * Live records whose indexed `field` holds exactly `value` (not only its key), in creation order; undefined when
   * the field is not indexed.
   */
  holding(type: SObjectType, field: string, value: string): SRecord[] | undefined {
    const key = keyOf(type, field, value);
    if (key === undefined) return (INDEXED_FIELDS[type] ?? []).includes(field) ? [] : undefined;
    return this.lookup(type, field, key)?.filter((record) => record[field] === value);
  }

  /** Live records whose field has the key `normalizedValue` (see `indexKey`), in creation order; undefined when not indexed. */
  lookup(type: SObjectType, field: string, normalizedValue: string): SRecord[] | undefined {
    if (!(INDEXED_FIELDS[type] ?? []).includes(field)) return undefined;
    const filed = this.#map(type, field).get(normalizedValue);
    const made = field === 'Id' ? madeIdOfKey(type, normalizedValue) : undefined;
    const stored = made === undefined ? undefined : this.#byId(made);
    if (stored === undefined || stored.type !== type || stored.record['IsDeleted'] === true) return filed;
    return [...filed, stored.record].sort(byId);
  }

  #map(type: SObjectType, field: string): HashIndex<SRecord> {
    const key = `${type}.${field}`;
    let map = this.#maps.get(key);
    if (!map) {
      // Ids come from zero-padded counters: id order is creation order.
      map = new HashIndex({ keyOf: (record) => filedKey(type, field, record), same: sameRecord, compare: byId });
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
