/** Default and maximum batch of `/query`; `Sforce-Query-Options: batchSize=N` may ask for 200 to 2000. */
export const DEFAULT_QUERY_BATCH = 2000;

interface Cursor {
  readonly records: readonly Record<string, unknown>[];
  readonly batchSize: number;
}

/** One page of a query result. */
export interface QueryPage {
  readonly totalSize: number;
  readonly done: boolean;
  /** The locator of the next page (`01gSIM000000001-2000`), when there is one. */
  readonly nextLocator?: string;
  readonly records: readonly Record<string, unknown>[];
}

/**
 * Open query cursors for `/query/{locator}` paging. Locators look like Salesforce's (`01gSIM000000001-2000`: a
 * cursor id, a dash, the offset of the next record), contain no `/` and no API version, as jsforce requires.
 * A cursor is dropped once its last page has been served.
 */
export class QueryCursors {
  readonly #open = new Map<string, Cursor>();
  #counter = 0;

  /** The first page of a result; opens a cursor when there are more records than `batchSize`. */
  first(records: readonly Record<string, unknown>[], batchSize: number): QueryPage {
    if (records.length <= batchSize) return { totalSize: records.length, done: true, records };
    this.#counter += 1;
    const id = `01gSIM${String(this.#counter).padStart(9, '0')}`;
    this.#open.set(id, { records, batchSize });
    return this.#page(id, 0);
  }

  /** The page at a locator, or undefined when the locator is unknown or spent (INVALID_QUERY_LOCATOR). */
  next(locator: string): QueryPage | undefined {
    const match = /^(01g[A-Za-z0-9]{12})-(\d+)$/.exec(locator);
    if (!match || !this.#open.has(match[1]!)) return undefined;
    return this.#page(match[1]!, Number(match[2]));
  }

  #page(id: string, offset: number): QueryPage {
    const cursor = this.#open.get(id)!;
    const end = offset + cursor.batchSize;
    const records = cursor.records.slice(offset, end);
    if (end >= cursor.records.length) {
      this.#open.delete(id);
      return { totalSize: cursor.records.length, done: true, records };
    }
    return { totalSize: cursor.records.length, done: false, nextLocator: `${id}-${end}`, records };
  }
}

/** The batch size asked for in `Sforce-Query-Options: batchSize=N`, clamped to 200..2000; 2000 when absent. */
export function batchSizeFrom(header: string | null): number {
  const n = Number(/batchSize\s*=\s*(\d+)/i.exec(header ?? '')?.[1]);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_QUERY_BATCH;
  return Math.min(DEFAULT_QUERY_BATCH, Math.max(200, n));
}
