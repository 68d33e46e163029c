import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propParameters } from '../../src/testing/propRuns.ts';
import { FieldHistory, type HistoryEntry } from '../../src/systems/crm/fieldHistory.ts';
import { forgetDecodedChunks } from '../../src/core/sealedChunks.ts';

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

describe('FieldHistory storage', () => {
  test('reads back exactly what was appended, in batches of writes of several records, after any truncation', () => {
    const records = [A, B, '003Sm0000000003IAA'];
    const entryArb = fc.record({ record: fc.constantFrom(...records), field: fc.constantFrom('Email', 'Status', 'OwnerId'), value: fc.option(fc.string({ maxLength: 3 }), { nil: null }), at: fc.integer({ min: 1, max: 4 }), request: fc.option(fc.constantFrom('dispatch-1', 'dispatch-2'), { nil: undefined }) });
    const stepArb = fc.oneof(fc.array(entryArb, { minLength: 1, maxLength: 6 }).map((batch) => ({ batch })), fc.nat({ max: 30 }).map((mark) => ({ mark })));
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        const history = new FieldHistory();
        let model: HistoryEntry[] = [];
        for (const step of steps) {
          if ('mark' in step) {
            history.truncate(step.mark);
            model = model.slice(0, step.mark);
            continue;
          }
          const batch = step.batch.map((e): HistoryEntry => ({ recordId: e.record, object: e.record.startsWith('003') ? 'Contact' : 'Lead', field: e.field, oldValue: null, newValue: e.value, userId: '005Sm0000000001IAA', workflow: e.at === 2 ? 'pipeline:upsert' : undefined, ...(e.request ? { requestId: e.request } : {}), at: e.at }));
          history.append(batch);
          model.push(...batch);
        }
        expect(history.length).toBe(model.length);
        expect(history.list()).toEqual(model);
        for (const record of records) expect(history.list(record)).toEqual(model.filter((e) => e.recordId === record));
        model.forEach((e, i) => {
          expect(history.entry(i)).toStrictEqual(e);
          for (const key of ['recordId', 'field', 'newValue', 'requestId', 'at', 'workflow'] as const) expect(history.column(key)(i)).toBe(e[key]);
          const before = model.slice(0, i).map((m, j) => (m.recordId === e.recordId ? j : -1)).filter((j) => j >= 0);
          expect(history.previous(i)).toBe(before.at(-1) ?? -1);
        });
        expect(history.column('recordId')(model.length)).toBeUndefined();
      }),
      propParameters(100),
    );
  });
});

describe('FieldHistory new values a record still holds', () => {
  test('reads every new value back when they are derived from the records now and the changes after them', () => {
    const records = [A, B, '003Sm0000000003IAA'];
    const fields = ['Email', 'Status', 'Name'] as const;
    const entryArb = fc.record({ record: fc.constantFrom(...records), field: fc.constantFrom(...fields), value: fc.option(fc.constantFrom('a', 'b', ''), { nil: null }) });
    const stepArb = fc.oneof(fc.array(entryArb, { minLength: 1, maxLength: 40 }).map((batch) => ({ batch })), fc.nat({ max: 60 }).map((mark) => ({ mark })), fc.constant({ stamp: true }));
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        // The records as the changes left them; `Name` is a field the owner may change without recording it.
        let now = new Map<string, unknown>();
        const history = new FieldHistory((id, field) => (field === 'Name' ? undefined : (now.get(`${id}.${field}`) ?? null)));
        let model: HistoryEntry[] = [];
        const replay = (entries: readonly HistoryEntry[]) => new Map(entries.map((e) => [`${e.recordId}.${e.field}`, e.newValue] as const));
        for (const [n, step] of steps.entries()) {
          if ('mark' in step) {
            history.truncate(step.mark);
            model = model.slice(0, step.mark);
            now = replay(model);
          } else if ('stamp' in step) {
            for (const record of records) now.set(`${record}.Name`, `stamped ${n}`);
          } else {
            const batch = step.batch.map((e): HistoryEntry => {
              const key = `${e.record}.${e.field}`;
              const entry = change(e.record, e.field, now.get(key) ?? null, e.value, n);
              now.set(key, e.value);
              return entry;
            });
            history.append(batch);
            model.push(...batch);
          }
        }
        forgetDecodedChunks();
        expect(history.list()).toEqual(model);
        for (const record of records) expect(history.list(record)).toEqual(model.filter((e) => e.recordId === record));
        expect(model.map((_, i) => history.column('newValue')(i))).toEqual(model.map((e) => e.newValue));
        const newValues = history.newValues();
        expect(model.map((_, i) => newValues(i))).toEqual(model.map((e) => e.newValue));
      }),
      propParameters(60),
    );
  });
});
