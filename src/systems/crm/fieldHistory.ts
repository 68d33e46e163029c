import { CompactLog } from '../../core/compactLog.ts';
import { normalizeId } from './ids.ts';

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
export type FieldHistoryReader = Pick<FieldHistory, 'length' | 'entry' | 'column' | 'newest' | 'oldest' | 'first' | 'previous' | 'valueBefore'>;

/**
 * The field history of every record, in the order changes happened, stored compactly (src/core/compactLog.ts): a
 * month of traffic writes a few million entries. Each entry also links to the previous entry of its record, so one
 * record's history costs one step per entry of that record. Supports truncation for rollbacks.
 */
export class FieldHistory {
  readonly #log = new CompactLog<HistoryEntry & { readonly previous: number }>({
    recordId: 'value',
    object: 'code',
    field: 'code',
    oldValue: 'value',
    newValue: 'value',
    userId: 'code',
    workflow: 'code',
    requestId: { kind: 'value', optional: true },
    at: 'number',
    previous: 'int32',
  });
  /** The index of each record's newest entry. */
  readonly #newest = new Map<string, number>();
  readonly #previous = this.#log.reader('previous');
  readonly #field = this.#log.reader('field');
  readonly #oldValue = this.#log.reader('oldValue');

  /** Number of entries so far (a mark for {@link truncate}). */
  get length(): number {
    return this.#log.length;
  }

  /** Appends entries. */
  append(entries: readonly HistoryEntry[]): void {
    for (const entry of entries) {
      const index = this.#log.append({ ...entry, previous: this.#newest.get(entry.recordId) ?? -1 });
      this.#newest.set(entry.recordId, index);
    }
  }

  /** Every entry, or the entries of one record (18-character id), oldest first, as new objects. */
  list(recordId?: string): readonly HistoryEntry[] {
    if (recordId === undefined) return this.#log.slice().map(withoutLink);
    const out: HistoryEntry[] = [];
    for (let i = this.#newest.get(recordId) ?? -1; i >= 0; ) {
      const { previous, ...entry } = this.#log.at(i);
      out.push(entry);
      i = previous;
    }
    return out.reverse();
  }

  /** The entry at `index` (0 is the oldest), as a new object. Throws RangeError outside the history. */
  entry(index: number): HistoryEntry {
    return withoutLink(this.#log.at(index));
  }

  /**
   * A reader of one field of the entries, by index, without making entry objects: `column('field')(i)` is
   * `entry(i).field`. For scans and walks over many entries; reads past the end return undefined (or 0).
   */
  column<K extends keyof HistoryEntry>(key: K): (index: number) => HistoryEntry[K] {
    return this.#log.reader(key);
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
    for (let i = this.#log.length - 1; i >= length; i--) {
      const { recordId, previous } = this.#log.at(i);
      if (previous >= 0) this.#newest.set(recordId, previous);
      else this.#newest.delete(recordId);
    }
    this.#log.truncate(length);
  }
}

function withoutLink(entry: HistoryEntry & { readonly previous: number }): HistoryEntry {
  const { previous: _previous, ...rest } = entry;
  return rest;
}
