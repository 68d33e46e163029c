import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { fixture } from './fixture.ts';

const f = fixture();
const run = (soql: string) => runQuery(soql, f.crm);
function rows(soql: string) {
  const result = run(soql);
  if (!result.ok) throw new Error(result.message);
  return result;
}
const agg = (fields: Record<string, unknown>) => ({ attributes: { type: 'AggregateResult' }, ...fields });

describe('aggregate functions', () => {
  it('returns one AggregateResult row without GROUP BY, naming unaliased aggregates expr0, expr1, …', () => {
    expect(rows('SELECT COUNT(Id), COUNT(Email), COUNT_DISTINCT(Status), MIN(NumberOfEmployees), MAX(NumberOfEmployees), SUM(NumberOfEmployees), AVG(NumberOfEmployees) FROM Lead')).toEqual({
      ok: true,
      entity: 'Lead',
      totalSize: 1,
      records: [agg({ expr0: 4, expr1: 3, expr2: 4, expr3: 5, expr4: 500, expr5: 555, expr6: 185 })],
    });
    expect(rows('SELECT COUNT(Id) n, MAX(CreatedDate) latest, MIN(LastName) FROM Lead').records).toEqual([agg({ n: 4, latest: '2026-01-06T00:00:00.000+0000', expr0: 'four_%' })]);
  });

  it('gives one row over no records: counts 0, the others null', () => {
    expect(rows("SELECT COUNT(Id), SUM(NumberOfEmployees), MAX(Email) FROM Lead WHERE Email = 'nobody@x'").records).toEqual([agg({ expr0: 0, expr1: null, expr2: null })]);
  });

  it('refuses SUM of text and MAX of a checkbox', () => {
    expect(run('SELECT SUM(Email) FROM Lead')).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'field Email does not support aggregate operator SUM' });
    expect(run('SELECT MAX(High_Priority__c) FROM Lead')).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
  });
});

describe('GROUP BY, HAVING, ORDER BY', () => {
  it('groups by a field, names it after the field, counts per group', () => {
    expect(rows('SELECT Status, COUNT(Id) FROM Lead GROUP BY Status ORDER BY Status').records).toEqual([
      agg({ Status: 'Inquiry', expr0: 1 }),
      agg({ Status: 'MQL', expr0: 1 }),
      agg({ Status: 'Qualified', expr0: 1 }),
      agg({ Status: 'Nurture', expr0: 1 }),
    ]);
  });

  it('groups by a relationship field (named by its last part) and by a date function', () => {
    expect(rows('SELECT Owner.Region__c, COUNT(Id) c FROM Lead GROUP BY Owner.Region__c ORDER BY COUNT(Id) DESC, Owner.Region__c').records).toEqual([
      agg({ Region__c: null, c: 2 }),
      agg({ Region__c: 'AMER', c: 1 }),
      agg({ Region__c: 'EMEA', c: 1 }),
    ]);
    expect(rows('SELECT DAY_ONLY(CreatedDate), COUNT(Id) FROM Lead GROUP BY DAY_ONLY(CreatedDate) ORDER BY DAY_ONLY(CreatedDate)').records).toEqual([
      agg({ expr0: '2026-01-03', expr1: 1 }),
      agg({ expr0: '2026-01-04', expr1: 1 }),
      agg({ expr0: '2026-01-05', expr1: 1 }),
      agg({ expr0: '2026-01-06', expr1: 1 }),
    ]);
    expect(rows('SELECT CALENDAR_YEAR(CreatedDate) y, CALENDAR_MONTH(CreatedDate) m, COUNT(Id) FROM Lead GROUP BY CALENDAR_YEAR(CreatedDate), CALENDAR_MONTH(CreatedDate)').records).toEqual([agg({ y: 2026, m: 1, expr0: 4 })]);
  });

  it('filters groups with HAVING on aggregates and grouped fields', () => {
    expect(rows('SELECT High_Priority__c, COUNT(Id) FROM Lead GROUP BY High_Priority__c HAVING COUNT(Id) > 1').records).toEqual([agg({ High_Priority__c: false, expr0: 3 })]);
    expect(rows("SELECT Status, MAX(NumberOfEmployees) FROM Lead GROUP BY Status HAVING (NOT Status = 'MQL') AND MAX(NumberOfEmployees) > 1").records).toEqual([
      agg({ Status: 'Inquiry', expr0: 5 }),
      agg({ Status: 'Qualified', expr0: 500 }),
    ]);
  });

  it('adds ROLLUP subtotals after each group and a grand total, with GROUPING()', () => {
    expect(rows('SELECT High_Priority__c, COUNT(Id), GROUPING(High_Priority__c) g FROM Lead GROUP BY ROLLUP(High_Priority__c)').records).toEqual([
      agg({ High_Priority__c: false, expr0: 3, g: 0 }),
      agg({ High_Priority__c: true, expr0: 1, g: 0 }),
      agg({ High_Priority__c: null, expr0: 4, g: 1 }),
    ]);
  });

  it('refuses what Salesforce refuses', () => {
    expect(run('SELECT Status, LastName, COUNT(Id) FROM Lead GROUP BY Status')).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'Field must be grouped or aggregated: LastName' });
    expect(run('SELECT LastName, COUNT(Id) FROM Lead')).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'Field must be grouped or aggregated: LastName' });
    expect(run('SELECT Status, COUNT(Id) FROM Lead GROUP BY Status ORDER BY LastName')).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'Ordered field must be grouped or aggregated: LastName' });
    expect(run('SELECT CreatedDate, COUNT(Id) FROM Lead GROUP BY CreatedDate')).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: "field 'CreatedDate' can not be grouped in a query call" });
    expect(run('SELECT COUNT() FROM Lead GROUP BY Status')).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
  });

  it('refuses more rows than one batch: aggregate queries have no queryMore', () => {
    const big = fixture();
    for (let i = 0; i < 2001; i++) big.crm.add('Lead', { LastName: `L${i}`, Company: 'C' });
    expect(runQuery('SELECT LastName, COUNT(Id) FROM Lead GROUP BY LastName', big.crm)).toEqual({
      ok: false,
      errorCode: 'EXCEEDED_ID_LIMIT',
      message: 'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
    });
    expect(runQuery('SELECT LastName, COUNT(Id) FROM Lead GROUP BY LastName LIMIT 2000', big.crm)).toMatchObject({ ok: true, totalSize: 2000 });
  });
});
