import { fc } from '@fast-check/vitest';
import { expect, test } from 'vitest';
import { LEAD_STATUSES } from '../../src/systems/crm/schema.ts';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { buildCrm, caseless, FIELDS, leadArb, REGIONS, usersArb, valueOf, type FieldDef, type Row, type Val } from './model/leadRows.ts';
import { checkProperty } from './model/propertyRun.ts';
import { casing, holds, renderWhere, whereArb } from './model/whereModel.ts';

// A reference model of SELECT … WHERE … ORDER BY … LIMIT … OFFSET, written independently of the engine: random
// leads, random queries rendered to SOQL text under Salesforce's WHERE grammar, and a plain filter/sort over the
// records that the engine's answer must equal.

const FILE = 'test/soql/runQuery.property.test.ts';
const SORTABLE = FIELDS.filter((f) => f.kind !== 'id');
const orderArb = fc.array(fc.record({ field: fc.constantFrom(...SORTABLE), dir: fc.constantFrom(undefined, 'ASC', 'DESC'), nulls: fc.constantFrom(undefined, 'FIRST', 'LAST') }), { maxLength: 2 });

function sortKey(row: Row, field: FieldDef): Val {
  const v = valueOf(row, field);
  if (v === null) return null;
  if (field.name === 'Status') return (LEAD_STATUSES as readonly string[]).indexOf(String(v));
  if (field.name === 'Owner.Region__c') return REGIONS.indexOf(String(v));
  if (field.kind === 'boolean') return v ? 1 : 0;
  return caseless(field.kind) ? String(v).toLowerCase() : v;
}

const scenario = fc.record({
  seeds: fc.array(leadArb(), { maxLength: 14 }),
  users: usersArb,
  where: fc.option(whereArb, { nil: undefined }),
  order: orderArb,
  limit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  offset: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  lower: fc.boolean(),
  count: fc.boolean(),
  indexed: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function soqlOf(s: Scenario): string {
  const where = s.where ? ` WHERE ${renderWhere(s.where, s.lower)}` : '';
  const orderBy = s.order.length ? ` ORDER BY ${s.order.map((o) => [casing(o.field.name, s.lower), o.dir, o.nulls && `NULLS ${o.nulls}`].filter(Boolean).join(' ')).join(', ')}` : '';
  const page = `${s.limit === undefined ? '' : ` LIMIT ${s.limit}`}${s.offset === undefined ? '' : ` OFFSET ${s.offset}`}`;
  return `SELECT ${s.count ? 'COUNT()' : 'Id, LastName'} FROM ${s.lower ? 'lead' : 'Lead'}${where}${s.count ? '' : orderBy}${page}`;
}

function expected(s: Scenario, rows: readonly Row[]): Row[] {
  let out = rows.filter((r) => !s.where || holds(s.where, r));
  if (!s.count && s.order.length) {
    out = out
      .map((row, index) => ({ row, index }))
      .sort((a, b) => {
        for (const o of s.order) {
          const x = sortKey(a.row, o.field);
          const y = sortKey(b.row, o.field);
          const desc = o.dir === 'DESC';
          const nullsFirst = o.nulls ? o.nulls === 'FIRST' : !desc;
          if (x === null && y === null) continue;
          if (x === null) return nullsFirst ? -1 : 1;
          if (y === null) return nullsFirst ? 1 : -1;
          const c = x < y ? -1 : x > y ? 1 : 0;
          if (c !== 0) return desc ? -c : c;
        }
        return a.index - b.index;
      })
      .map((e) => e.row);
  }
  const start = s.offset ?? 0;
  return out.slice(start, s.limit === undefined ? undefined : start + s.limit);
}

function check(s: Scenario): void {
  const { crm, rows } = buildCrm(s.users, s.seeds, s.indexed);
  const soql = soqlOf(s);
  const want = expected(s, rows);
  const result = runQuery(soql, crm);
  if (!result.ok) throw new Error(`${soql}\n${result.message}`);
  expect(result.totalSize, soql).toBe(want.length);
  if (s.count) expect(result.records).toEqual([]);
  else expect(result.records.map((r) => [r['Id'], r['LastName']]), soql).toEqual(want.map((r) => [r.id, r.lead.LastName === '' ? null : r.lead.LastName]));
}

test('runQuery equals a plain filter and sort over the records, for any WHERE Salesforce accepts', () => {
  checkProperty(FILE, 100, scenario, check);
});

test('regression: seed 346733884 (it once drew NOT (NOT (NOT LastName IN (\'\'))), which the engine refused)', () => {
  checkProperty(FILE, 100, scenario, check, { seed: 346733884 });
  const { crm, rows } = buildCrm([{ Name: 'ann', Region__c: 'EMEA' }, { Name: 'Bo', Region__c: 'APJ' }, { Name: 'ann b', Region__c: 'APJ' }], [
    { LastName: '', Email: undefined, Status: 'Qualifying', High_Priority__c: undefined, NumberOfEmployees: undefined, CreatedDate: undefined, owner: 2 },
    { LastName: 'aA', Email: 'a@x.io', Status: 'Nurture', High_Priority__c: undefined, NumberOfEmployees: 1, CreatedDate: '2026-02-28T23:59:59.000+0000', owner: 1 },
  ], false);
  const result = runQuery("SELECT Id, LastName FROM Lead WHERE NOT (NOT (NOT LastName IN ('')))", crm);
  expect(result).toMatchObject({ ok: true, totalSize: 1, records: [{ Id: rows[1]?.id, LastName: 'aA' }] });
});
