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

/** The field history of every record, in the order changes happened. Supports truncation for rollbacks. */
export class FieldHistory {
  readonly #entries: HistoryEntry[] = [];
  readonly #byRecord = new Map<string, HistoryEntry[]>();

  /** Number of entries so far (a mark for {@link truncate}). */
  get length(): number {
    return this.#entries.length;
  }

  /** Appends entries. */
  append(entries: readonly HistoryEntry[]): void {
    for (const entry of entries) {
      this.#entries.push(entry);
      const list = this.#byRecord.get(entry.recordId);
      if (list) list.push(entry);
      else this.#byRecord.set(entry.recordId, [entry]);
    }
  }

  /** Every entry, or the entries of one record (18-character id), oldest first. */
  list(recordId?: string): readonly HistoryEntry[] {
    if (recordId === undefined) return [...this.#entries];
    return [...(this.#byRecord.get(recordId) ?? [])];
  }

  /** Replaces every entry (a world snapshot's restore). */
  restore(entries: readonly HistoryEntry[]): void {
    this.truncate(0);
    this.append(entries);
  }

  /** Drops the entries after the first `length` (newest first), undoing appends made since that mark. */
  truncate(length: number): void {
    while (this.#entries.length > length) {
      const entry = this.#entries.pop()!;
      const list = this.#byRecord.get(entry.recordId);
      list?.pop();
      if (list?.length === 0) this.#byRecord.delete(entry.recordId);
    }
  }
}
