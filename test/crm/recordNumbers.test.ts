import { describe, expect, test } from 'vitest';
import { makeId } from '../../src/systems/crm/ids.ts';
import { RecordNumbers } from '../../src/systems/crm/recordNumbers.ts';

describe('RecordNumbers', () => {
  test('answers like a map for ids the org made, ids of other prefixes and ids from elsewhere', () => {
    const numbers = new RecordNumbers();
    const made = [makeId('00Q', 1), makeId('00Q', 2), makeId('003', 1), makeId('00Q', 40)];
    const foreign = ['00QSm0000000001MAB', '00Q5e000001AbCdEAA', 'not-an-id'];
    [...made, ...foreign].forEach((id, i) => numbers.set(id, i * 10));
    [...made, ...foreign].forEach((id, i) => expect(numbers.get(id), id).toBe(i * 10));
    expect(numbers.get(makeId('00Q', 3))).toBeUndefined();
    expect(numbers.get(makeId('001', 1))).toBeUndefined();
    numbers.delete(made[0]!);
    numbers.delete(foreign[0]!);
    expect(numbers.get(made[0]!)).toBeUndefined();
    expect(numbers.get(foreign[0]!)).toBeUndefined();
    expect(numbers.get(made[1]!)).toBe(10);
    numbers.set(made[1]!, 0);
    expect(numbers.get(made[1]!)).toBe(0);
  });
});
