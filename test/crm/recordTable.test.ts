import { describe, expect, test } from 'vitest';
import { madeIdCounter, makeId } from '../../src/systems/crm/ids.ts';
import type { SRecord } from '../../src/systems/crm/recordSource.ts';
import { RecordTable } from '../../src/systems/crm/recordTable.ts';

const lead = (n: number, v = 0): SRecord => ({ Id: makeId('00Q', n), v }) as unknown as SRecord;
const ids = (table: RecordTable): string[] => [...table.values()].map((r) => r.Id);

describe('madeIdCounter', () => {
  test('reads the counter of an id makeId made for the prefix, and of no other id', () => {
    expect(madeIdCounter('00Q', makeId('00Q', 42))).toBe(42);
    expect(madeIdCounter('00Q', makeId('00Q', 9_999_999_999))).toBe(9_999_999_999);
    const made = makeId('00Q', 7);
    for (const other of [makeId('003', 7), made.slice(0, 15), `${made.slice(0, 17)}${made.endsWith('A') ? 'B' : 'A'}`, `00QSM${made.slice(5)}`, '00QSm00000000x7AAA', '']) {
      expect(madeIdCounter('00Q', other)).toBeUndefined();
    }
  });
});

describe('RecordTable', () => {
  test('keeps made ids in insertion order through replaces, gaps and deletes', () => {
    const table = new RecordTable('00Q');
    for (const n of [1, 2, 5]) table.set(makeId('00Q', n), lead(n));
    table.set(makeId('00Q', 2), lead(2, 1));
    table.delete(makeId('00Q', 1));
    expect(ids(table)).toEqual([makeId('00Q', 2), makeId('00Q', 5)]);
    expect(table.get(makeId('00Q', 2))).toEqual(lead(2, 1));
    expect([table.get(makeId('00Q', 1)), table.get(makeId('00Q', 3)), table.get(makeId('003', 2)), table.get(makeId('00Q', 2).slice(0, 15))]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('keeps insertion order when a record does not come last, has a foreign id or a far counter, as a Map would', () => {
    const cases: (string | number)[][] = [
      [3, 1, 2],
      [1, '00Q000000000042AAA', 2],
      [1, 2, 1, 600, 3],
      [2, 9_000_000, 1],
      [1, 400, 2],
    ];
    for (const order of cases) {
      const table = new RecordTable('00Q');
      const model = new Map<string, SRecord>();
      for (const n of order) {
        const record = typeof n === 'number' ? lead(n, order.length) : ({ Id: n } as SRecord);
        table.set(record.Id, record);
        model.set(record.Id, record);
      }
      table.delete(makeId('00Q', 2));
      model.delete(makeId('00Q', 2));
      expect(ids(table)).toEqual([...model.keys()]);
      for (const id of model.keys()) expect(table.get(id)).toBe(model.get(id));
      table.clear();
      expect(ids(table)).toEqual([]);
    }
  });
});
