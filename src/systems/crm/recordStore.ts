import type { SRecord } from './recordSource.ts';
import { RecordTable } from './recordTable.ts';
import { KEY_PREFIXES, SOBJECT_TYPES, type SObjectType } from './schema.ts';

/** The type whose key prefix an id starts with (every id the CRM makes carries its type's prefix). */
const TYPE_OF_PREFIX = new Map(Object.entries(KEY_PREFIXES).map(([type, prefix]) => [prefix, type as SObjectType]));

/** Called after every change to a stored record (including rollbacks), so indexes can follow. */
export type StoreListener = (type: SObjectType, id: string, prev: SRecord | undefined, next: SRecord | undefined) => void;

interface JournalEntry {
  readonly type: SObjectType;
  readonly id: string;
  readonly prev: SRecord | undefined;
}

/**
 * The CRM's tables: records by type in insertion order, each record an immutable object replaced on every write.
 * Inside a transaction every write is journaled (id + previous object), so a rollback costs one step per write,
 * whatever the size of the tables.
 */
export class RecordStore {
  readonly #tables = new Map<SObjectType, RecordTable>(SOBJECT_TYPES.map((t) => [t, new RecordTable(KEY_PREFIXES[t])]));
  /** The type of a stored record whose id does not start with its type's key prefix (none the CRM makes itself). */
  readonly #foreignIds = new Map<string, SObjectType>();
  readonly #journal: JournalEntry[] = [];
  readonly #marks: number[] = [];
  readonly #listener: StoreListener;

  constructor(listener: StoreListener) {
    this.#listener = listener;
  }

  /** The record with this 18-character id, with its type. */
  get(id: string): { type: SObjectType; record: SRecord } | undefined {
    // The type comes from the id's prefix rather than a map from every id (a map entry per record).
    const type = TYPE_OF_PREFIX.get(id.slice(0, 3));
    const record = type === undefined ? undefined : this.#table(type).get(id);
    if (record !== undefined) return { type: type!, record };
    const foreign = this.#foreignIds.get(id);
    const other = foreign === undefined ? undefined : this.#table(foreign).get(id);
    return other === undefined ? undefined : { type: foreign!, record: other };
  }

  /** Every stored record of a type (deleted ones too), in creation order. */
  all(type: SObjectType): IterableIterator<SRecord> {
    return this.#table(type).values();
  }

  /** Stores (inserts or replaces) a record. */
  put(type: SObjectType, record: SRecord): void {
    const table = this.#table(type);
    const prev = table.get(record.Id);
    if (this.#marks.length > 0) this.#journal.push({ type, id: record.Id, prev });
    table.set(record.Id, record);
    this.#file(type, record.Id);
    this.#listener(type, record.Id, prev, record);
  }

  /** Every stored record by type, copied (records are immutable, so this is shallow). Outside transactions only. */
  snapshot(): ReadonlyMap<SObjectType, readonly SRecord[]> {
    return new Map(SOBJECT_TYPES.map((type) => [type, [...this.#table(type).values()]]));
  }

  /** Replaces every table with a snapshot's records; the listener hears each record as inserted, in order. */
  load(snapshot: ReadonlyMap<SObjectType, readonly SRecord[]>): void {
    this.#journal.length = 0;
    this.#marks.length = 0;
    this.#foreignIds.clear();
    for (const type of SOBJECT_TYPES) this.#table(type).clear();
    for (const type of SOBJECT_TYPES) {
      for (const record of snapshot.get(type) ?? []) {
        this.#table(type).set(record.Id, record);
        this.#file(type, record.Id);
        this.#listener(type, record.Id, undefined, record);
      }
    }
  }

  /** Opens a (possibly nested) transaction. */
  begin(): void {
    this.#marks.push(this.#journal.length);
  }

  /** Keeps the writes of the innermost transaction. */
  commit(): void {
    this.#marks.pop();
    if (this.#marks.length === 0) this.#journal.length = 0;
  }

  /** Undoes the writes of the innermost transaction, newest first. */
  rollback(): void {
    const mark = this.#marks.pop() ?? 0;
    for (let i = this.#journal.length - 1; i >= mark; i--) {
      const { type, id, prev } = this.#journal[i]!;
      const table = this.#table(type);
      const current = table.get(id);
      if (prev === undefined) {
        table.delete(id);
        this.#foreignIds.delete(id);
      } else {
        table.set(id, prev);
      }
      this.#listener(type, id, current, prev);
    }
    this.#journal.length = mark;
  }

  /** Notes the type of an id that does not carry its type's prefix. */
  #file(type: SObjectType, id: string): void {
    if (TYPE_OF_PREFIX.get(id.slice(0, 3)) !== type) this.#foreignIds.set(id, type);
  }

  #table(type: SObjectType): RecordTable {
    return this.#tables.get(type)!;
  }
}
