import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CompactLog } from '../../src/core/compactLog.ts';
import { forgetDecodedChunks } from '../../src/core/sealedChunks.ts';
import { propParameters } from '../../src/testing/propRuns.ts';

interface Row {
  readonly field: string;
  readonly at: number;
  readonly position: number;
  readonly value: unknown;
  readonly source?: string | undefined;
}

const COLUMNS = { field: 'code', at: 'number', position: 'int32', value: 'value', source: { kind: 'code', optional: true } } as const;

/** Values like the logs hold: field values, paths, activity attributes (arrays), nothing. */
const VALUES: readonly unknown[] = [undefined, null, true, false, 0, -1.5, 'Germany', '/services/data/v62.0/sobjects/Lead/00Q000000000001AAA', ['a', 1, null], { name: 'Email', value: 'x@y.test' }, ''];

/** The `n`-th row of a run of rows started from `seed` (many rows without generating each one). */
function row(seed: number, n: number): Row {
  const k = (seed * 7919 + n * 104729) >>> 0;
  const source = k % 3 === 0 ? undefined : `pipeline:${k % 5}`;
  return { field: `Field${k % 13}`, at: 1_767_000_000_000 + seed * 1000 + n * 37, position: (k % 2001) - 1000, value: k % 4 === 0 ? `value ${k}` : VALUES[k % VALUES.length], ...(source === undefined ? {} : { source }) };
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 1500 }), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.constantFrom(...VALUES), position: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

describe('CompactLog', () => {
  test.prop([fc.array(op, { minLength: 1, maxLength: 6 })], propParameters(30))('reads back what was appended, set and kept after truncation, across sealed chunks', (ops) => {
    const log = new CompactLog<Row>(COLUMNS);
    const model: Row[] = [];
    for (const o of ops) {
      if (o.kind === 'append') {
        for (let n = 0; n < o.count; n++) {
          const r = row(o.seed, n);
          expect(log.append(r)).toBe(model.length);
          model.push(r);
        }
      } else if (o.kind === 'set' && model.length > 0) {
        const i = Math.floor(o.at * (model.length - 1));
        log.set(i, 'value', o.value);
        log.set(i, 'position', o.position);
        model[i] = { ...model[i]!, value: o.value, position: o.position };
      } else if (o.kind === 'truncate') {
        const keep = Math.floor(o.at * model.length);
        log.truncate(keep);
        model.length = keep;
      }
    }
    expect(log.length).toBe(model.length);
    forgetDecodedChunks();
    const value = log.reader('value');
    const field = log.reader('field');
    const misread = model.findIndex((r, i) => !isDeepStrictEqual(log.at(i), r) || !isDeepStrictEqual(value(i), r.value) || field(i) !== r.field || log.value(i, 'at') !== r.at);
    expect(misread === -1 ? undefined : { index: misread, read: log.at(misread), appended: model[misread] }).toBeUndefined();
    expect(value(model.length)).toBeUndefined();
    expect(log.slice(model.length - 3)).toEqual(model.slice(-3));
  });

  it('keeps the other columns of a sealed chunk when one value is set to a longer or shorter one', () => {
    const log = new CompactLog<Row>(COLUMNS);
    const model = Array.from({ length: 2100 }, (_, n) => row(3, n));
    for (const r of model) log.append(r);
    for (const [i, value] of [[5, undefined], [6, 'a much longer value than any before it'.repeat(4)], [1030, ['x']]] as const) {
      log.set(i, 'value', value);
      model[i] = { ...model[i]!, value };
    }
    forgetDecodedChunks();
    expect(log.slice(0, 1100)).toEqual(model.slice(0, 1100));
  });

  it('reads back copies of the objects a sealed chunk held, equal to the ones appended', () => {
    const attributes = { name: 'Form Name', value: 'Contact Us' };
    const log = new CompactLog<{ value: unknown }>({ value: 'value' });
    for (let i = 0; i < 5000; i++) log.append({ value: i === 0 ? attributes : i });
    forgetDecodedChunks();
    expect(log.at(0).value).not.toBe(attributes);
    expect(log.at(0).value).toEqual(attributes);
    expect(log.at(4999).value).toBe(4999);
  });

  it('keeps a chunk holding a value it cannot serialize as it is, and reads it back', () => {
    const handler = (): string => 'answer';
    const log = new CompactLog<{ value: unknown; n: number }>({ value: 'value', n: 'int32' });
    for (let i = 0; i < 3000; i++) log.append({ value: i === 10 ? handler : `v${i}`, n: i });
    forgetDecodedChunks();
    expect(log.at(10).value).toBe(handler);
    expect(log.at(11)).toEqual({ value: 'v11', n: 11 });
    expect(log.at(2999)).toEqual({ value: 'v2999', n: 2999 });
  });

  it('names the column and the range when a read or a write misses', () => {
    const log = new CompactLog<{ n: number }>({ n: 'int32' });
    log.append({ n: 1 });
    expect(() => log.at(1)).toThrow(/entry 1 of a log of 1: pass an index from 0 to 0/);
    expect(() => log.append({ n: 1.5 })).toThrow(/"n" 1.5 .* whole numbers/);
  });
});
