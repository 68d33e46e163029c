import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { compileThql, type PrmRecord } from '../../src/systems/prm/index.ts';

const rec = (Id: number, extra: Record<string, unknown>): PrmRecord => ({ Id, Email: null, Country: null, Updated: '2026-01-05T09:00:00Z', ...extra }) as PrmRecord;
const ok = (filter: string) => {
  const compiled = compileThql('Prospect', filter);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.predicate;
};

describe('THQL filters', () => {
  const rows = [rec(1, { Country: 'DE', Email: 'a@x.com' }), rec(2, { Country: 'us', Updated: '2026-02-01T00:00:00Z' }), rec(3, { CrmId: "O'Brien" })];
  const ids = (filter: string) => rows.filter(ok(filter)).map((r) => r.Id);

  test.each([
    ['Id = 2', [2]],
    ["country = 'US'", [2]],
    ["Country = 'DE' or Id >= 3", [1, 3]],
    ["not (Country = 'DE')", [2, 3]],
    ["Updated > '2026-01-31 23:59:59'", [2]],
    ["Updated <= '2026-01-05'", []],
    ["Updated <= '2026-01-05 09:00:00' and Id <> 3", [1]],
    ['Country is null', [3]],
    ['Country is not null and Id != 1', [2]],
    ["Email like '%@X.COM'", [1]],
    ["CrmId = 'O''Brien'", [3]],
    ['Id in (1, 3)', [1, 3]],
    ['Country = null', [3]],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  test.each([
    ['Id =', 'expected a value but found the end of the filter'],
    ["Country = 'DE", 'unterminated string'],
    ['Id = 1 Id = 2', 'unexpected "Id" after the end of the condition'],
    ['(Id = 1', 'expected ")" but found the end of the filter'],
    ['Id ~ 1', 'unexpected character "~" at position 3'],
  ])('rejects %s', (filter, reason) => {
    const compiled = compileThql('Prospect', filter);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.reason).toContain(reason);
  });

  prop.prop([fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 20 }), fc.integer({ min: 0, max: 51 }), fc.integer({ min: 0, max: 51 })], { numRuns: 100 })(
    'a range filter with and/or agrees with the same check in plain code',
    (values, lo, hi) => {
      const records = values.map((v, i) => rec(i + 1, { PartnerAccountId: v }));
      const predicate = ok(`(PartnerAccountId >= ${lo} and PartnerAccountId < ${hi}) or PartnerAccountId = ${hi}`);
      expect(records.filter(predicate).map((r) => r.Id)).toEqual(records.filter((r) => { const v = r['PartnerAccountId'] as number; return (v >= lo && v < hi) || v === hi; }).map((r) => r.Id));
    },
  );
});
