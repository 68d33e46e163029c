import { describe, expect, it } from 'vitest';
import { ByteColumn } from '../../src/core/byteColumn.ts';
import { forgetDecodedChunks } from '../../src/core/sealedChunks.ts';


describe('ByteColumn', () => {
  it('reads every record back after the chunks holding them were sealed, in any order', () => {
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
    forgetDecodedChunks();
    for (const r of [0, records - 1, 17, 20_001, 3, 59_000, 12_345]) {
      column.seek(positions[r]!);
      expect(column.readVarint()).toBe(r);
      expect(column.readFloat()).toBe((r % 1000) / 8);
      for (let b = 0; b < r % 9; b++) expect(column.readByte()).toBe((r + b) & 0xff);
    }
  });
});
