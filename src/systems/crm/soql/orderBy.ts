import type { OrderByClause } from 'soql-parser-js';
import type { CrmSchema, SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import { comparable, kindOf, type ValueKind } from './fieldValue.ts';
import { readField, resolveField, type ResolvedField } from './resolveField.ts';
import { notSupported } from './soqlError.ts';

/** One compiled ORDER BY item. */
interface SortKey {
  readonly field: ResolvedField;
  readonly kind: ValueKind;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  /** Picklist values in display order: Salesforce sorts picklists by that order, not alphabetically. */
  readonly picklist: ReadonlyMap<string, number> | undefined;
}

/** A sort key value: text lower-cased, picklists by position, numbers, epoch ms, booleans; null sorts by NULLS. */
export type Key = string | number | boolean | null;

/** One key of a generic sort: how to read it from a row, and its direction. */
export interface RowKey<R> {
  readonly get: (row: R) => Key;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** Sorts records for an ORDER BY clause. */
export type RecordSorter = (records: readonly SRecord[], source: RecordSource) => SRecord[];

function sortValue(key: SortKey, record: SRecord, source: RecordSource): Key {
  const v = comparable(key.kind, readField(record, key.field, source));
  // Known picklist values sort by position; unknown values after them, alphabetically.
  return typeof v === 'string' ? textSortKey(v, key.picklist, key.kind) : v;
}

function compareKeys(a: Key, b: Key, key: { readonly descending: boolean; readonly nullsFirst: boolean }): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === key.nullsFirst ? -1 : 1;
  }
  let c: number;
  if (typeof a === typeof b) c = a < b ? -1 : a > b ? 1 : 0;
  else c = typeof a === 'number' ? -1 : 1; // picklist positions before unknown values
  return key.descending ? -c : c;
}

/**
 * Compiles ORDER BY into a stable sorter. Defaults as in Salesforce: ascending; nulls first when ascending and last
 * when descending unless NULLS FIRST/LAST says otherwise; text case-insensitive; picklists by their value order.
 */
export function compileOrderBy(clauses: OrderByClause | OrderByClause[], type: SObjectType, soql: string, alias?: string, schema?: CrmSchema): RecordSorter {
  const keys: SortKey[] = (Array.isArray(clauses) ? clauses : [clauses]).map((clause) => {
    if (!('field' in clause)) throw notSupported(soql, 'ORDER BY a function', 'Order by a field');
    const field = resolveField(type, clause.field, alias, schema);
    const descending = clause.order === 'DESC';
    const values = field.spec.type === 'picklist' ? field.spec.values : undefined;
    return {
      field,
      kind: kindOf(field.spec),
      descending,
      nullsFirst: clause.nulls ? clause.nulls === 'FIRST' : !descending,
      picklist: values ? new Map(values.map((v, i) => [v, i])) : undefined,
    };
  });
  return (records, source) => sortRows(records, keys.map((k) => ({ get: (r: SRecord) => sortValue(k, r, source), descending: k.descending, nullsFirst: k.nullsFirst })));
}

/** A stable sort of rows by keys, with SOQL's null placement; ties keep their order. */
export function sortRows<R>(rows: readonly R[], keys: readonly RowKey<R>[]): R[] {
  const decorated = rows.map((row, index) => ({ row, index, values: keys.map((k) => k.get(row)) }));
  decorated.sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareKeys(x.values[i] ?? null, y.values[i] ?? null, keys[i] as RowKey<R>);
      if (c !== 0) return c;
    }
    return x.index - y.index;
  });
  return decorated.map((d) => d.row);
}

/** A comparable text or picklist value as a sort key: picklist values by position, other text lower-cased. */
export function textSortKey(v: string, picklist: ReadonlyMap<string, number> | undefined, kind: string): Key {
  if (picklist) {
    const pos = picklist.get(v);
    return pos !== undefined ? pos : `\uffff${v.toLowerCase()}`;
  }
  return kind === 'text' ? v.toLowerCase() : v;
}
