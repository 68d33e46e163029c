/** What a successful write did, as the CRM publishes it (a simplified Change Data Capture event). */
export interface ChangeEvent {
  readonly kind: 'create' | 'update' | 'delete';
  readonly object: string;
  readonly id: string;
  /** Fields the write actually changed (every given field on create; none on delete). */
  readonly changedFields: readonly string[];
  readonly userId: string;
  readonly workflow?: string;
  /** Simulated time, epoch ms. */
  readonly at: number;
}

/** A change listener; called synchronously after the write is committed. */
export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Publishes change events to listeners. Inside a transaction, events wait until the outermost commit, and a
 * rollback drops the events of the writes it undid, so listeners only ever hear about committed writes.
 */
export class ChangeEvents {
  readonly #listeners = new Set<ChangeListener>();
  /** The listeners as an array, made again after a subscribe or unsubscribe (delivery may run one of them). */
  #current: readonly ChangeListener[] = [];
  readonly #pending: ChangeEvent[] = [];
  readonly #marks: number[] = [];

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: ChangeListener): () => void {
    const entry: ChangeListener = (event) => listener(event);
    this.#listeners.add(entry);
    this.#current = [...this.#listeners];
    return () => {
      const removed = this.#listeners.delete(entry);
      this.#current = [...this.#listeners];
      return removed;
    };
  }

  /** Publishes an event now, or at commit when a transaction is open. */
  emit(event: ChangeEvent): void {
    if (this.#marks.length > 0) this.#pending.push(event);
    else this.#deliver([event]);
  }

  /** Opens a (possibly nested) transaction. */
  begin(): void {
    this.#marks.push(this.#pending.length);
  }

  /** Commits the innermost transaction; the outermost commit delivers the waiting events. */
  commit(): void {
    this.#marks.pop();
    if (this.#marks.length === 0) this.#deliver(this.#pending.splice(0));
  }

  /** Rolls back the innermost transaction, dropping its events. */
  rollback(): void {
    const mark = this.#marks.pop() ?? 0;
    this.#pending.length = mark;
    if (this.#marks.length === 0) this.#deliver(this.#pending.splice(0));
  }

  #deliver(events: readonly ChangeEvent[]): void {
    for (const event of events) for (const listener of this.#current) listener(event);
  }
}
