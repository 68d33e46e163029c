/**
 * The columns of a change log that stores a new value only when the record no longer holds it (the CRM's field
 * history, Marketo's lead history): every change of a record's tracked fields is in the log, so an unstored new value
 * is the old value of the record's next change to the field, or the record's value now. Changes of one record are
 * linked newest to oldest.
 */
export interface ChangeChain<R> {
  record(index: number): R;
  field(index: number): string;
  oldValue(index: number): unknown;
  /** Whether the change's new value was left to be derived. */
  derived(index: number): boolean;
  storedNewValue(index: number): unknown;
  /** The record's value of the field now, as the log keeps values. */
  current(record: R, field: string): unknown;
  /** The index of the record's newest change; -1 when it has none. */
  newest(record: R): number;
  /** The index of the same record's change before `index`; -1 for its first. */
  previous(index: number): number;
}

/** The new value of change `index`: one step per later change of its record. */
export function newValueAt<R>(chain: ChangeChain<R>, index: number): unknown {
  if (!chain.derived(index)) return chain.storedNewValue(index);
  const record = chain.record(index);
  const field = chain.field(index);
  let value = chain.current(record, field);
  for (let i = chain.newest(record); i > index; i = chain.previous(i)) if (chain.field(i) === field) value = chain.oldValue(i);
  return value;
}

/**
 * Hands each change of `newestFirst` (indices in falling order, of any records) its new value, in one pass: where
 * {@link newValueAt} walks a record's later changes for each change, this remembers each field's last old value.
 */
export function eachNewValue<R>(chain: ChangeChain<R>, newestFirst: Iterable<number>, visit: (index: number, newValue: unknown) => void): void {
  /** Per record, each field's old value in its next change. */
  const later = new Map<R, Map<string, unknown>>();
  for (const i of newestFirst) {
    const record = chain.record(i);
    const field = chain.field(i);
    let fields = later.get(record);
    if (fields === undefined) later.set(record, (fields = new Map()));
    visit(i, !chain.derived(i) ? chain.storedNewValue(i) : fields.has(field) ? fields.get(field) : chain.current(record, field));
    fields.set(field, chain.oldValue(i));
  }
}

/** Every index of a log of `length` changes, newest first. */
export function* newestFirst(length: number): Generator<number> {
  for (let i = length - 1; i >= 0; i--) yield i;
}

/** The changes of one record, newest first. */
export function* changesOf<R>(chain: ChangeChain<R>, record: R): Generator<number> {
  for (let i = chain.newest(record); i >= 0; i = chain.previous(i)) yield i;
}
