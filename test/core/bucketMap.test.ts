import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketMap } from '../../src/core/bucketMap.ts';

describe('BucketMap', () => {
  it('answers like a Map of Sets for any sequence of adds and removes', () => {
    const op = fc.record({ add: fc.boolean(), key: fc.constantFrom('a', 'b', 'c'), value: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const buckets = new BucketMap<string, number>();
        const model = new Map<string, Set<number>>();
        for (const { add, key, value } of ops) {
          if (add) {
            buckets.add(key, value);
            model.set(key, (model.get(key) ?? new Set()).add(value));
          } else {
            buckets.remove(key, value);
            model.get(key)?.delete(value);
            if (model.get(key)?.size === 0) model.delete(key);
          }
        }
        for (const key of ['a', 'b', 'c']) {
          expect(buckets.get(key)).toEqual([...(model.get(key) ?? [])]);
          expect(buckets.has(key)).toBe(model.has(key));
        }
        expect(buckets.size).toBe(model.size);
      }),
    );
  });

  it('keeps buckets sorted, replaces the same item and counts repeats when asked', () => {
    const byId = new BucketMap<string, { id: number; v: string }>({ same: (a, b) => a.id === b.id, compare: (a, b) => a.id - b.id });
    byId.add('k', { id: 3, v: 'x' });
    byId.add('k', { id: 1, v: 'y' });
    byId.add('k', { id: 3, v: 'z' });
    expect(byId.get('k')).toEqual([{ id: 1, v: 'y' }, { id: 3, v: 'z' }]);
    byId.remove('k', { id: 1, v: '' });
    expect(byId.get('k')).toEqual([{ id: 3, v: 'z' }]);

    const counted = new BucketMap<string, string>({ repeats: true });
    counted.add('p', 'c1');
    counted.add('p', 'c1');
    counted.remove('p', 'c1');
    expect(counted.holds('p', 'c1')).toBe(true);
    counted.remove('p', 'c1');
    expect(counted.holds('p', 'c1')).toBe(false);
    expect(counted.has('p')).toBe(false);
  });
});
