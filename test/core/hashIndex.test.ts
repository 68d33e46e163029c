import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashIndex } from '../../src/core/hashIndex.ts';

interface Item {
  readonly id: number;
  readonly key: string | undefined;
  readonly version: number;
}

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

describe('HashIndex', () => {
  it('answers like a map of arrays in filing order, for any sequence of replacements, across growth and deletes', () => {
    const op = fc.record({ id: fc.integer({ min: 0, max: 40 }), key: fc.option(fc.constantFrom(...KEYS), { nil: undefined }), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const index = new HashIndex<Item>({ keyOf: (item) => item.key, same: (a, b) => a.id === b.id });
        const current = new Map<number, Item>();
        const model = new Map<string, Item[]>();
        ops.forEach(({ id, key, remove }, version) => {
          const prev = current.get(id);
          const next = remove ? undefined : { id, key, version };
          index.replace(prev, next);
          if (next) current.set(id, next);
          else current.delete(id);
          const before = prev?.key;
          if (before !== undefined && (before !== key || next === undefined)) model.set(before, model.get(before)!.filter((item) => item.id !== id));
          if (next && key !== undefined) {
            const bucket = model.get(key) ?? [];
            const at = bucket.findIndex((item) => item.id === id);
            if (at >= 0) bucket[at] = next;
            else bucket.push(next);
            model.set(key, bucket);
          }
        });
        for (const key of [...KEYS, 'z']) expect(index.get(key)).toEqual(model.get(key) ?? []);
        expect(index.size).toBe([...current.values()].filter((item) => item.key !== undefined).length);
      }),
    );
  });

  it('gives a key\'s values in the compare order, and forgets them on clear', () => {
    const index = new HashIndex<Item>({ keyOf: (item) => item.key, same: (a, b) => a.id === b.id, compare: (a, b) => a.id - b.id });
    for (const id of [5, 3, 9, 1]) index.replace(undefined, { id, key: 'k', version: 0 });
    for (let id = 100; id < 1100; id++) index.replace(undefined, { id, key: `key-${id}`, version: 0 });
    expect(index.get('k').map((item) => item.id)).toEqual([1, 3, 5, 9]);
    expect(index.get('key-700').map((item) => item.id)).toEqual([700]);
    index.clear();
    expect([index.size, index.get('k')]).toEqual([0, []]);
  });
});
