import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ByteColumn } from '../../src/core/byteColumn.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('ByteColumn', () => {
  it('reads every record back after the chunks holding them were sealed, in any order', async () => {
    const column = new ByteColumn();
    const positions: number[] = [];
    const records = 60_000;
    for (let r = 0; r < records; r++) {
      column.varint(r);
      column.float((r % 1000) / 8);
      for (let b = 0; b < r % 9; b++) column.byte((r + b) & 0xff);
      positions.push(column.commit());
    }
    // About 15 bytes a record: 880 KB in 64 KB chunks, all but the last two sealed.
    expect(column.stored).toBeGreaterThan(12 * 65_536);
    expect(column.size).toBeLessThan(column.stored * 0.6);
    // Sealed chunks decoded so far are held weakly until the job ends: let them go, so reads decode.
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    for (const r of [0, records - 1, 17, 20_001, 3, 59_000, 12_345]) {
      column.seek(positions[r]!);
      expect(column.readVarint()).toBe(r);
      expect(column.readFloat()).toBe((r % 1000) / 8);
      for (let b = 0; b < r % 9; b++) expect(column.readByte()).toBe((r + b) & 0xff);
    }
  });
});
