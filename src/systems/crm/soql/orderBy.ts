import type { OrderByClause } from 'soql-parser-js';
import type { SObjectType } from '../schema.ts';
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

type Key = string | number | boolean | null;

/** Sorts records for an ORDER BY clause. */
export type RecordSorter = (records: readonly SRecord[], source: RecordSource) => SRecord[];

function sortValue(key: SortKey, record: SRecord, source: RecordSource): Key {
  const v = comparable(key.kind, readField(record, key.field, source));
  if (typeof v !== 'string') return v;
  if (key.picklist) {
    // Known values sort by position; unknown values after them, alphabetically (encoded as a larger string key).
    const pos = key.picklist.get(v);
    return pos !== undefined ? pos : `\uffff${v.toLowerCase()}`;
  }
  return key.kind === 'text' ? v.toLowerCase() : v;
}

function compareKeys(a: Key, b: Key, key: SortKey): number {
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
export function compileOrderBy(clauses: OrderByClause | OrderByClause[], type: SObjectType, soql: string, alias?: string): RecordSorter {
  const keys: SortKey[] = (Array.isArray(clauses) ? clauses : [clauses]).map((clause) => {
    if (!('field' in clause)) throw notSupported(soql, 'ORDER BY a function', 'Order by a field');
    const field = resolveField(type, clause.field, alias);
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
  return (records, source) => {
    const decorated = records.map((record, index) => ({ record, index, values: keys.map((k) => sortValue(k, record, source)) }));
    decorated.sort((x, y) => {
      for (let i = 0; i < keys.length; i++) {
        const c = compareKeys(x.values[i] ?? null, y.values[i] ?? null, keys[i] as SortKey);
        if (c !== 0) return c;
      }
      return x.index - y.index;
    });
    return decorated.map((d) => d.record);
  };
}
