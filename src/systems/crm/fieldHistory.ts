import { CompactLog } from '../../core/compactLog.ts';
import { changesOf, eachNewValue, newestFirst, newValueAt, type ChangeChain } from '../../core/derivedNewValues.ts';
import { normalizeId } from './ids.ts';
import { RecordNumbers } from './recordNumbers.ts';

/** One changed field of one record: the CRM's audit trail (like Salesforce field history tracking). */
export interface HistoryEntry {
  readonly recordId: string;
  readonly object: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  /** The authenticated user that made the change. */
  readonly userId: string;
  /** The process that made the change (e.g. `pipeline:upsert`), when the caller named one. */
  readonly workflow: string | undefined;
  /** The API request that made the change (the request log's id, `SystemRequest.id`), when it came over the API. */
  readonly requestId?: string;
  /** Simulated time of the change, epoch ms. */
  readonly at: number;
}

/** What readers of the field history may use: entries by index, one field at a time, and each record's chain. */
export type FieldHistoryReader = Pick<FieldHistory, 'length' | 'entry' | 'column' | 'newValues' | 'newest' | 'oldest' | 'first' | 'previous' | 'valueBefore'>;

/** What one write stores once for all the fields it changed: the record, who, how, which request, when. */
interface StoredWrite {
  readonly recordId: string;
  readonly object: string;
  readonly userId: string;
  readonly workflow: string | undefined;
  readonly requestId: string | undefined;
  readonly at: number;
}

/**
 * What each changed field stores: the field, its values, its write, and the record's entry before it. A new value
 * the record held when the change was recorded is `derived` rather than stored (see {@link FieldHistory}).
 */
interface StoredChange {
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly derived: boolean;
  readonly write: number;
  readonly previous: number;
}

/**
 * A record's value of a field now, as the history's values are kept (`null` for none), or undefined when the owner
 * may change that field without recording it (a field it derives or stamps itself): such a field's values are stored.
 */
export type CurrentValue = (recordId: string, field: string) => unknown;

const WRITE_KEYS = new Set<keyof HistoryEntry>(['recordId', 'object', 'userId', 'workflow', 'requestId', 'at']);

/**
 * The field history of every record, in the order changes happened, stored compactly (src/core/compactLog.ts): a
 * month of traffic writes a few million entries. The record, user, workflow, request and time of a write are stored
 * once for the fields it changed (a created lead changes a dozen at once), each field change by itself with a link to
 * the previous entry of its record, so one record's history costs one step per entry of that record. Entries are
 * addressed by their position in the whole history. Supports truncation for rollbacks.
 *
 * New values are not kept twice: the owner records every change of the fields it answers for in `current`, so a new
 * value the record still holds when it is recorded is the old value of the record's next change to the field, or the
 * record's value now, and is read that way (a created record's dozen values, most of the history, cost nothing).
 */
export class FieldHistory {
  readonly #writes = new CompactLog<StoredWrite>({ recordId: 'value', object: 'code', userId: 'code', workflow: 'code', requestId: 'value', at: 'number' });
  readonly #changes = new CompactLog<StoredChange>({ field: 'code', oldValue: 'value', newValue: 'value', derived: 'code', write: 'int32', previous: 'int32' });
  /** The index of each record's newest entry. */
  readonly #newest = new RecordNumbers();
  readonly #previous = this.#changes.reader('previous');
  readonly #write = this.#changes.reader('write');
  readonly #field = this.#changes.reader('field');
  readonly #oldValue = this.#changes.reader('oldValue');
  readonly #storedNewValue = this.#changes.reader('newValue');
  readonly #derived = this.#changes.reader('derived');
  readonly #current: CurrentValue;
  /** The changes as src/core/derivedNewValues.ts reads their new values. */
  readonly #chain: ChangeChain<string>;

  /** @param current - the records' values now (see {@link CurrentValue}); by default every new value is stored. */
  constructor(current: CurrentValue = () => undefined) {
    this.#current = current;
    const recordOf = this.column('recordId');
    this.#chain = {
      record: recordOf,
      field: this.#field,
      oldValue: this.#oldValue,
      derived: this.#derived,
      storedNewValue: this.#storedNewValue,
      current,
      newest: (recordId) => this.#newest.get(recordId) ?? -1,
      previous: this.#previous,
    };
  }

  /** Number of entries so far (a mark for {@link truncate}). */
  get length(): number {
    return this.#changes.length;
  }

  /**
   * Appends entries (entries in a row made by one write, of one record at one time, share one stored write).
   * `held` says whether the record holds an entry's new value now (its owner just wrote it); by default `current` is
   * asked.
   */
  append(entries: readonly HistoryEntry[], held?: (field: string) => boolean): void {
    let last: HistoryEntry | undefined;
    let write = this.#writes.length - 1;
    /** The newest entry of the record being written (looked up once a write, filed when the write is done). */
    let newest = -1;
    for (const entry of entries) {
      if (!last || !sameWrite(last, entry)) {
        if (last) this.#newest.set(last.recordId, newest);
        write = this.#writes.append({ recordId: entry.recordId, object: entry.object, userId: entry.userId, workflow: entry.workflow, requestId: entry.requestId, at: entry.at });
        newest = this.#newest.get(entry.recordId) ?? -1;
        last = entry;
      }
      const derived = entry.newValue !== undefined && (held ? held(entry.field) : this.#current(entry.recordId, entry.field) === entry.newValue);
      newest = this.#changes.append({ field: entry.field, oldValue: entry.oldValue, newValue: derived ? null : entry.newValue, derived, write, previous: newest });
    }
    if (last) this.#newest.set(last.recordId, newest);
  }

  /** Every entry, or the entries of one record (18-character id), oldest first, as new objects. */
  list(recordId?: string): readonly HistoryEntry[] {
    const out: HistoryEntry[] = [];
    eachNewValue(this.#chain, recordId === undefined ? newestFirst(this.length) : changesOf(this.#chain, recordId), (i, newValue) => out.push(this.#entry(i, newValue)));
    return out.reverse();
  }

  /** The entry at `index` (0 is the oldest), as a new object. Throws RangeError outside the history. */
  entry(index: number): HistoryEntry {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) throw new RangeError(`Failed to read entry ${index} of a field history of ${this.length}: pass an index from 0 to ${this.length - 1}.`);
    return this.#entry(index, newValueAt(this.#chain, index));
  }

  #entry(index: number, newValue: unknown): HistoryEntry {
    const change = this.#changes.at(index);
    const write = this.#writes.at(change.write);
    return { recordId: write.recordId, object: write.object, field: change.field, oldValue: change.oldValue, newValue, userId: write.userId, workflow: write.workflow, ...(write.requestId === undefined ? {} : { requestId: write.requestId }), at: write.at };
  }


  /**
   * A reader of one field of the entries, by index, without making entry objects: `column('field')(i)` is
   * `entry(i).field`. For scans and walks over many entries; reads past the end return undefined (or 0).
   */
  column<K extends keyof HistoryEntry>(key: K): (index: number) => HistoryEntry[K] {
    if (key === 'newValue') return (index) => (index >= 0 && index < this.length ? newValueAt(this.#chain, index) : undefined) as HistoryEntry[K];
    if (!WRITE_KEYS.has(key)) return this.#changes.reader(key as keyof StoredChange) as (index: number) => HistoryEntry[K];
    const ofWrite = this.#writes.reader(key as keyof StoredWrite) as (write: number) => HistoryEntry[K];
    const write = this.#write;
    const changes = this.#changes;
    return (index) => (index >= 0 && index < changes.length ? ofWrite(write(index)) : (undefined as HistoryEntry[K]));
  }

  /**
   * Every entry's new value, by index, worked out in one pass from the newest entry (for scans over the whole
   * history, where {@link column}`('newValue')` would walk each record's later entries per read). Reads past the end
   * return undefined.
   */
  newValues(): (index: number) => unknown {
    const values = new Array<unknown>(this.length);
    eachNewValue(this.#chain, newestFirst(this.length), (i, newValue) => (values[i] = newValue));
    return (index) => values[index];
  }

  /** The index of a record's newest entry (18-character id, or 15), -1 when it has none. */
  newest(recordId: string): number {
    return this.#newest.get(recordId) ?? (recordId.length === 18 ? -1 : (this.#newest.get(normalizeId(recordId) ?? recordId) ?? -1));
  }

  /** The index of a record's oldest entry (its creation), -1 when it has none: one step per entry of the record. */
  oldest(recordId: string): number {
    let i = this.newest(recordId);
    for (let before = i; before >= 0; before = this.#previous(before)) i = before;
    return i;
  }

  /** A record's first entry (its creation), as a new object; undefined when it has none. */
  first(recordId: string): HistoryEntry | undefined {
    const i = this.oldest(recordId);
    return i < 0 ? undefined : this.entry(i);
  }

  /** The index of the entry of the same record before the entry at `index`, -1 for a record's first. */
  previous(index: number): number {
    return this.#previous(index);
  }

  /**
   * A field's value with a record's changes undone, newest first, until the first entry `stop` accepts (by index):
   * `current` (its value now) when no later change touched the field, else the old value of the earliest undone
   * change. One step per undone entry of the record.
   */
  valueBefore(recordId: string, field: string, current: unknown, stop: (index: number) => boolean): unknown {
    const fieldOf = this.#field;
    const oldValueOf = this.#oldValue;
    let value = current;
    for (let i = this.newest(recordId); i >= 0 && !stop(i); i = this.#previous(i)) if (fieldOf(i) === field) value = oldValueOf(i);
    return value;
  }

  /** Replaces every entry (a world snapshot's restore). */
  restore(entries: readonly HistoryEntry[]): void {
    this.truncate(0);
    this.append(entries);
  }

  /** Drops the entries after the first `length` (newest first), undoing appends made since that mark. */
  truncate(length: number): void {
    const keep = Math.max(0, length);
    if (keep >= this.#changes.length) return;
    const recordOf = this.column('recordId');
    for (let i = this.#changes.length - 1; i >= keep; i--) {
      const previous = this.#previous(i);
      if (previous >= 0) this.#newest.set(recordOf(i), previous);
      else this.#newest.delete(recordOf(i));
    }
    this.#writes.truncate(keep === 0 ? 0 : this.#write(keep - 1) + 1);
    this.#changes.truncate(keep);
  }
}

function sameWrite(a: HistoryEntry, b: HistoryEntry): boolean {
  return a.recordId === b.recordId && a.at === b.at && a.userId === b.userId && a.requestId === b.requestId && a.workflow === b.workflow && a.object === b.object;
}
