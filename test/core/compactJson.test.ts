import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ByteColumn } from '../../src/core/byteColumn.ts';
import { CompactJson } from '../../src/core/compactJson.ts';
import { propParameters } from '../../src/testing/propRuns.ts';

/** Strings like the ones traces hold: ids with zero-padded counters, counters, digit runs of every length. */
const idLike = fc.stringMatching(/^[0-9A-Za-z "().,:\u0000-\u0002-]{0,40}$/);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, undefined, 0, -0, NaN, Infinity, 2 ** 49, -(2 ** 53), 1767609879223, 0.1, new Date(0), { toJSON: () => 'own' }, Object.assign([1], { toJSON: () => 'array' })),
    fc.double(),
    fc.integer(),
    idLike,
    fc.string(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(idLike, fc.constantFrom('__proto__', 'Id', 'a\u0000b')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('CompactJson', () => {
  test.prop([fc.array(value, { minLength: 1, maxLength: 20 })], propParameters(200))('reads every value back as JSON.parse(JSON.stringify(value)) does, among many records', (values) => {
    const json = new CompactJson();
    const at = values.map((v) => {
      json.write(v);
      return json.column.commit();
    });
    values.forEach((v, i) => {
      json.column.seek(at[i]!);
      const expected = v === undefined || typeof v === 'function' ? undefined : JSON.parse(JSON.stringify(v));
      expect(json.read()).toStrictEqual(expected);
    });
  });

  test('keeps ids and counters as templates: a million-lead run of ids costs a few bytes each', () => {
    const json = new CompactJson();
    const ids = ['00QSm0000000069MAA', '00QSm0000000070MAA', 'evt-000123', 'turn 9, 3 eligible', 'turn 10, 3 eligible', '0', '007', '123456789012345678'];
    const at = ids.map((id) => {
      json.write(id);
      return json.column.commit();
    });
    ids.forEach((id, i) => {
      json.column.seek(at[i]!);
      expect(json.read()).toBe(id);
    });
    // The second lead id shares the first's template: a token and two counters.
    expect(at[2]! - at[1]!).toBeLessThanOrEqual(3);
  });
});

describe('ByteColumn', () => {
  test('keeps records across chunks, a record larger than a chunk included, and puts a length before a block', () => {
    const column = new ByteColumn();
    const positions: number[] = [];
    for (let i = 0; i < 6_000; i++) {
      column.varint(i * 1_000_003);
      const mark = column.written;
      column.varint(i);
      column.float(i / 3);
      column.prefixLength(mark);
      positions.push(column.commit());
    }
    for (let i = 0; i < 70_000; i++) column.byte(i % 256);
    const big = column.commit();
    const read = positions.map((at) => {
      column.seek(at);
      return [column.readVarint(), column.readVarint(), column.readVarint(), column.readFloat()];
    });
    expect(read).toEqual(positions.map((_, i) => [i * 1_000_003, (i < 128 ? 1 : 2) + 8, i, i / 3]));
    expect(column.size).toBeGreaterThan(2 * 65_536);
    column.seek(big);
    column.skip(69_999);
    expect(column.readByte()).toBe(69_999 % 256);
  });
});
