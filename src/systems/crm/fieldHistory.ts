import { CompactLog } from '../../core/compactLog.ts';

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
    previous: 'number',
  });
  /** The index of each record's newest entry. */
  readonly #newest = new Map<string, number>();

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
