import { describe, expect, test } from 'vitest';
import { FieldHistory, type HistoryEntry } from '../../src/systems/crm/fieldHistory.ts';

const A = '00QSm0000000001MAA';
const B = '00QSm0000000002MAA';

function change(recordId: string, field: string, oldValue: unknown, newValue: unknown, at: number): HistoryEntry {
  return { recordId, object: 'Lead', field, oldValue, newValue, userId: '005Sm0000000001IAA', workflow: undefined, ...(at % 2 === 0 ? { requestId: `r${at}` } : {}), at };
}

describe('FieldHistory reading by index', () => {
  test("walks one record's entries without copying the history, and agrees with list() after a truncate", () => {
    const history = new FieldHistory();
    history.append([change(A, 'Email', null, 'a@x.com', 1), change(B, 'Email', null, 'b@x.com', 2), change(A, 'Status', 'Inquiry', 'MQL', 3), change(A, 'Email', 'a@x.com', 'ann@x.com', 4)]);
    const mark = history.length;
    history.append([change(A, 'Email', 'ann@x.com', '', 5)]);
    history.truncate(mark);
    expect(history.newest(A)).toBe(3);
    expect(history.newest(A.slice(0, 15))).toBe(3);
    expect(history.newest('00QSm0000000009MAA')).toBe(-1);
    expect(history.oldest(A)).toBe(0);
    expect(history.previous(3)).toBe(2);
    expect(history.previous(0)).toBe(-1);
    expect(history.first(B)).toEqual(history.list(B)[0]);
    expect(history.entry(3)).toEqual(history.list(A)[2]);
    expect([0, 1, 2, 3].map(history.column('field'))).toEqual(['Email', 'Email', 'Status', 'Email']);
    // The value before the entries from index 1 on: the second Email change undone, the first kept.
    expect(history.valueBefore(A, 'Email', 'ann@x.com', (i) => i < 1)).toBe('a@x.com');
    expect(history.valueBefore(A, 'Email', 'ann@x.com', (i) => i < 0)).toBe(null);
    expect(history.valueBefore(A, 'Status', 'MQL', (i) => i < 3)).toBe('MQL');
  });
});
