import { describe, expect, test } from 'vitest';
import { IdTable } from '../../src/core/idTable.ts';

describe('IdTable', () => {
  test('keeps values by id in id order through replaces and deletes, and counts them', () => {
    const table = new IdTable<string>();
    table.set(2, 'b');
    table.set(1, 'a');
    table.set(4, 'd');
    table.set(2, 'B');
    expect([...table.values()]).toEqual(['a', 'B', 'd']);
    expect(table.size).toBe(3);
    expect(table.delete(1)).toBe(true);
    expect(table.delete(1)).toBe(false);
    expect(table.delete(3)).toBe(false);
    expect([...table.values()]).toEqual(['B', 'd']);
    expect(table.size).toBe(2);
    expect([table.has(2), table.has(1), table.get(4)]).toEqual([true, false, 'd']);
    table.clear();
    expect([table.size, [...table.values()]]).toEqual([0, []]);
  });

  test('finds nothing under an id that is not a positive integer, and refuses to store under one', () => {
    const table = new IdTable<string>();
    table.set(1, 'a');
    expect([0, -1, 1.5, Number.NaN, 2 ** 60].map((id) => table.get(id))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(() => table.set(0, 'x')).toThrow(/ids are integers from 1/);
    expect(() => table.set(1.5, 'x')).toThrow(RangeError);
    expect(table.size).toBe(1);
  });
});
