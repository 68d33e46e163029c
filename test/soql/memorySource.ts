import { KEY_PREFIXES, type SObjectType } from '../../src/systems/crm/schema.ts';
import type { SRecord } from '../../src/systems/crm/recordSource.ts';
import { makeId } from '../../src/systems/crm/ids.ts';
import type { IndexedRecordSource } from '../../src/systems/crm/soql/index.ts';

/** A tiny in-memory RecordSource for the SOQL tests, with an optional case-insensitive index and a lookup counter. */
export class MemorySource implements IndexedRecordSource {
  readonly #byType = new Map<SObjectType, SRecord[]>();
  readonly #byId = new Map<string, { type: SObjectType; record: SRecord }>();
  readonly #counters = new Map<SObjectType, number>();
  readonly deleted = new Set<string>();
  lookups = 0;
  lookup?: NonNullable<IndexedRecordSource['lookup']>;

  constructor(options: { indexed?: readonly string[] } = {}) {
    const indexed = options.indexed;
    if (indexed) {
      this.lookup = (type, field, value) => {
        if (!indexed.includes(field)) return undefined;
        this.lookups++;
        return this.records(type).filter((r) => typeof r[field] === 'string' && (r[field] as string).toLowerCase() === value);
      };
    }
  }

  /** Adds a record of `type` with the next counter id; returns its id. */
  add(type: SObjectType, fields: Record<string, unknown>): string {
    const n = (this.#counters.get(type) ?? 0) + 1;
    this.#counters.set(type, n);
    const record = { ...fields, Id: makeId(KEY_PREFIXES[type], n) } as SRecord;
    const list = this.#byType.get(type) ?? [];
    list.push(record);
    this.#byType.set(type, list);
    this.#byId.set(record.Id, { type, record });
    return record.Id;
  }

  records(type: SObjectType, options?: { includeDeleted?: boolean }): SRecord[] {
    const all = this.#byType.get(type) ?? [];
    return options?.includeDeleted ? all : all.filter((r) => !this.deleted.has(r.Id));
  }

  byId(id: string): { type: SObjectType; record: SRecord } | undefined {
    return this.#byId.get(id);
  }
}
