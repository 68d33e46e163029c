import { IdTable } from '../../core/idTable.ts';
import { madeIdCounter } from './ids.ts';

/**
 * A number for each record id (an 18-character Salesforce id), such as the position of its newest history entry:
 * ids the org made ({@link madeIdCounter}) in an array per key prefix, by counter (a slot each), any other id in a map.
 */
export class RecordNumbers {
  readonly #byPrefix = new Map<string, IdTable<number>>();
  readonly #others = new Map<string, number>();

  get(id: string): number | undefined {
    const prefix = id.slice(0, 3);
    const n = madeIdCounter(prefix, id);
    return n === undefined ? this.#others.get(id) : this.#byPrefix.get(prefix)?.get(n);
  }

  set(id: string, value: number): void {
    const prefix = id.slice(0, 3);
    const n = madeIdCounter(prefix, id);
    if (n === undefined) {
      this.#others.set(id, value);
      return;
    }
    let table = this.#byPrefix.get(prefix);
    if (table === undefined) this.#byPrefix.set(prefix, (table = new IdTable()));
    table.set(n, value);
  }

  delete(id: string): void {
    const prefix = id.slice(0, 3);
    const n = madeIdCounter(prefix, id);
    if (n === undefined) this.#others.delete(id);
    else this.#byPrefix.get(prefix)?.delete(n);
  }
}
