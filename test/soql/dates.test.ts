import { describe, expect, it } from 'vitest';
import { dateLiteralRange } from '../../src/systems/crm/soql/dateLiteral.ts';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { MemorySource } from './memorySource.ts';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
// Wednesday 2026-05-13 15:30 UTC, which is 08:30 the same day in Los Angeles and 00:30 the next day in Tokyo.
const NOW = Date.parse('2026-05-13T15:30:00Z');

describe('date literals', () => {
  it.each([
    ['TODAY', '2026-05-13', '2026-05-14'],
    ['YESTERDAY', '2026-05-12', '2026-05-13'],
    ['THIS_WEEK', '2026-05-10', '2026-05-17'],
    ['LAST_WEEK', '2026-05-03', '2026-05-10'],
    ['NEXT_N_WEEKS:2', '2026-05-17', '2026-05-31'],
    ['LAST_N_WEEKS:2', '2026-04-26', '2026-05-10'],
    ['N_WEEKS_AGO:1', '2026-05-03', '2026-05-10'],
    ['LAST_N_DAYS:30', '2026-04-13', '2026-05-14'],
    ['NEXT_N_DAYS:3', '2026-05-14', '2026-05-17'],
    ['N_DAYS_AGO:7', '2026-05-06', '2026-05-07'],
    ['LAST_90_DAYS', '2026-02-12', '2026-05-14'],
    ['THIS_MONTH', '2026-05-01', '2026-06-01'],
    ['LAST_N_MONTHS:3', '2026-02-01', '2026-05-01'],
    ['N_MONTHS_AGO:5', '2025-12-01', '2026-01-01'],
    ['THIS_QUARTER', '2026-04-01', '2026-07-01'],
    ['NEXT_N_QUARTERS:2', '2026-07-01', '2027-01-01'],
    ['LAST_YEAR', '2025-01-01', '2026-01-01'],
    ['N_YEARS_AGO:2', '2024-01-01', '2025-01-01'],
    ['THIS_FISCAL_QUARTER', '2026-04-01', '2026-07-01'],
    ['NEXT_FISCAL_YEAR', '2027-01-01', '2028-01-01'],
    ['LAST_N_FISCAL_YEARS:2', '2024-01-01', '2026-01-01'],
  ])('%s covers [%s, %s) in UTC', (literal, start, end) => {
    expect(dateLiteralRange(literal)?.(NOW, 'UTC')).toEqual({ startDay: day(start), endDay: day(end) });
  });

  it('counts days on the org time zone’s calendar', () => {
    expect(dateLiteralRange('TODAY')?.(NOW, 'Asia/Tokyo')).toEqual({ startDay: day('2026-05-14'), endDay: day('2026-05-15') });
    expect(dateLiteralRange('TODAY')?.(NOW, 'America/Los_Angeles')).toEqual({ startDay: day('2026-05-13'), endDay: day('2026-05-14') });
  });

  it('filters dateTime fields from local midnight in the org time zone', () => {
    const crm = new MemorySource();
    const late = crm.add('Lead', { LastName: 'late', CreatedDate: '2026-05-13T06:00:00.000+0000' }); // 23:00 on the 12th in LA
    const early = crm.add('Lead', { LastName: 'early', CreatedDate: '2026-05-13T08:00:00.000+0000' }); // 01:00 on the 13th in LA
    const ids = (soql: string, timeZone: string) => {
      const r = runQuery(soql, crm, { now: NOW, timeZone });
      if (!r.ok) throw new Error(r.message);
      return r.records.map((x) => x['Id']);
    };
    expect(ids('SELECT Id FROM Lead WHERE CreatedDate = TODAY', 'UTC')).toEqual([late, early]);
    expect(ids('SELECT Id FROM Lead WHERE CreatedDate = TODAY', 'America/Los_Angeles')).toEqual([early]);
    expect(ids('SELECT Id FROM Lead WHERE CreatedDate = YESTERDAY', 'America/Los_Angeles')).toEqual([late]);
    expect(ids('SELECT Id FROM Lead WHERE CreatedDate < TODAY', 'America/Los_Angeles')).toEqual([late]);
    expect(ids('SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS:1', 'America/Los_Angeles')).toEqual([late, early]);
  });

  it('refuses an unknown date literal', () => {
    expect(runQuery('SELECT Id FROM Lead WHERE CreatedDate = LAST_N_FORTNIGHTS:2', new MemorySource(), { now: NOW })).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
  });
});

describe('date functions', () => {
  const crm = new MemorySource();
  const a = crm.add('Lead', { LastName: 'a', CreatedDate: '2026-05-13T06:00:00.000+0000', ConvertedDate: '2026-02-01' });
  const b = crm.add('Lead', { LastName: 'b', CreatedDate: '2025-12-31T23:00:00.000+0000' });
  const ids = (where: string, timeZone = 'UTC') => {
    const r = runQuery(`SELECT Id FROM Lead WHERE ${where}`, crm, { now: NOW, timeZone });
    if (!r.ok) throw new Error(r.message);
    return r.records.map((x) => x['Id']);
  };

  it('reads dateTime fields in UTC, or in the org time zone through convertTimezone()', () => {
    expect(ids('CALENDAR_YEAR(CreatedDate) = 2025')).toEqual([b]);
    expect(ids('CALENDAR_YEAR(convertTimezone(CreatedDate)) = 2026', 'Europe/Berlin')).toEqual([a, b]);
    expect(ids('HOUR_IN_DAY(CreatedDate) = 6')).toEqual([a]);
    expect(ids('HOUR_IN_DAY(convertTimezone(CreatedDate)) = 23', 'America/Los_Angeles')).toEqual([a]);
    expect(ids('DAY_ONLY(CreatedDate) = 2026-05-13')).toEqual([a]);
    expect(ids('DAY_ONLY(convertTimezone(CreatedDate)) = 2026-05-12', 'America/Los_Angeles')).toEqual([a]);
    expect(ids('DAY_ONLY(CreatedDate) = TODAY')).toEqual([a]);
  });

  it('computes every documented function', () => {
    const one = (fn: string) => {
      const r = runQuery(`SELECT ${fn}(CreatedDate) v, COUNT(Id) FROM Lead WHERE Id = '${a}' GROUP BY ${fn}(CreatedDate)`, crm);
      if (!r.ok) throw new Error(r.message);
      return r.records[0]?.['v'];
    };
    expect(['CALENDAR_MONTH', 'CALENDAR_QUARTER', 'CALENDAR_YEAR', 'DAY_IN_MONTH', 'DAY_IN_WEEK', 'DAY_IN_YEAR', 'DAY_ONLY', 'FISCAL_MONTH', 'FISCAL_QUARTER', 'FISCAL_YEAR', 'HOUR_IN_DAY', 'WEEK_IN_MONTH', 'WEEK_IN_YEAR'].map(one)).toEqual([
      5, 2, 2026, 13, 4, 133, '2026-05-13', 5, 2, 2026, 6, 2, 19,
    ]);
  });

  it('takes date fields too, except DAY_ONLY, HOUR_IN_DAY and convertTimezone()', () => {
    expect(ids('CALENDAR_MONTH(ConvertedDate) = 2')).toEqual([a]);
    expect(runQuery('SELECT Id FROM Lead WHERE DAY_ONLY(ConvertedDate) = 2026-02-01', crm)).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
    expect(runQuery('SELECT Id FROM Lead WHERE CALENDAR_YEAR(Email) = 2026', crm)).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
  });
});

describe('FIELDS() and WITH', () => {
  const crm = new MemorySource();
  crm.add('Lead', { LastName: 'a', Company: 'C', High_Priority__c: true });

  it('expands FIELDS(STANDARD) without a LIMIT, FIELDS(ALL) and FIELDS(CUSTOM) with LIMIT 200 or less', () => {
    const std = runQuery('SELECT FIELDS(STANDARD) FROM Lead', crm);
    expect(std.ok && Object.keys(std.records[0] ?? {})).toContain('LastName');
    expect(std.ok && Object.keys(std.records[0] ?? {}).some((k) => k.endsWith('__c'))).toBe(false);
    const custom = runQuery('SELECT FIELDS(CUSTOM) FROM Lead LIMIT 200', crm);
    expect(custom.ok && custom.records[0]).toMatchObject({ High_Priority__c: true, Rerun_Routing__c: false });
    expect(custom.ok && Object.keys(custom.records[0] ?? {}).every((k) => k === 'attributes' || k.endsWith('__c'))).toBe(true);
    expect(runQuery('SELECT Name, FIELDS(CUSTOM) FROM Lead LIMIT 1', crm)).toMatchObject({ ok: true });
    for (const soql of ['SELECT FIELDS(ALL) FROM Lead', 'SELECT FIELDS(CUSTOM) FROM Lead LIMIT 201']) {
      expect(runQuery(soql, crm)).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'The SOQL FIELDS function must have a LIMIT of at most 200' });
    }
    expect(runQuery('SELECT Id, FIELDS(ALL) FROM Lead LIMIT 200', crm)).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'duplicate field selected: Id' });
  });

  it('accepts WITH SECURITY_ENFORCED, WITH USER_MODE and WITH SYSTEM_MODE (the API user sees every field)', () => {
    for (const w of ['SECURITY_ENFORCED', 'USER_MODE', 'SYSTEM_MODE']) expect(runQuery(`SELECT Id FROM Lead WITH ${w}`, crm)).toMatchObject({ ok: true, totalSize: 1 });
    expect(runQuery("SELECT Id FROM Lead WHERE LastName = 'a' WITH SECURITY_ENFORCED LIMIT 1", crm)).toMatchObject({ ok: true, totalSize: 1 });
  });
});
