import { fc } from '@fast-check/vitest';
import { expect, test } from 'vitest';
import { CRM_SCHEMA } from '../../src/systems/crm/schema.ts';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { runSearch } from '../../src/systems/crm/sosl/index.ts';
import { MemorySource } from './memorySource.ts';
import { buildCrm, FIELDS, leadArb, usersArb, valueOf, type FieldDef, type Row, type Val } from './model/leadRows.ts';
import { checkProperty } from './model/propertyRun.ts';
import { holds, renderWhere, whereArb } from './model/whereModel.ts';

// Reference models, written independently of the engine, for what issue 18 added: aggregates with GROUP BY and
// HAVING, date literals and date functions in the org's time zone, parent-to-child subqueries, FIELDS(), SOSL.

const FILE = 'test/soql/additions.property.test.ts';
const field = (name: string) => FIELDS.find((f) => f.name === name) as FieldDef;
const norm = (v: Val) => (typeof v === 'string' ? v.toLowerCase() : v);
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

// ---- aggregates --------------------------------------------------------------------------------------------------
const GROUPABLE = ['Status', 'LastName', 'High_Priority__c', 'Owner.Region__c', 'OwnerId'].map(field);
const aggregateScenario = fc.record({
  seeds: fc.array(leadArb(), { maxLength: 14 }),
  users: usersArb,
  group: fc.option(fc.constantFrom(...GROUPABLE), { nil: undefined }),
  where: fc.option(whereArb, { nil: undefined }),
  having: fc.option(fc.record({ op: fc.constantFrom('>', '>=', '=', '<'), n: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
});

test('aggregates equal a plain grouping of the records', () => {
  checkProperty(FILE, 100, aggregateScenario, (s) => {
    if (s.having && !s.group) return;
    const { crm, rows } = buildCrm(s.users, s.seeds, false);
    const emp = field('NumberOfEmployees');
    const email = field('Email');
    const select = `${s.group ? `${s.group.name}, ` : ''}COUNT(Id), COUNT(Email), COUNT_DISTINCT(Email), SUM(NumberOfEmployees), MIN(NumberOfEmployees), MAX(NumberOfEmployees), MAX(Email)`;
    const soql = `SELECT ${select} FROM Lead${s.where ? ` WHERE ${renderWhere(s.where, false)}` : ''}${s.group ? ` GROUP BY ${s.group.name}` : ''}${s.having ? ` HAVING COUNT(Id) ${s.having.op} ${s.having.n}` : ''}`;
    const matched = rows.filter((r) => !s.where || holds(s.where, r));
    const groups = new Map<string, Row[]>();
    for (const r of matched) {
      const k = JSON.stringify(s.group ? norm(valueOf(r, s.group)) : null);
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    if (!s.group && groups.size === 0) groups.set('null', []);
    const nums = (rs: Row[]) => rs.map((r) => valueOf(r, emp)).filter((v): v is number => typeof v === 'number');
    const emails = (rs: Row[]) => rs.map((r) => valueOf(r, email)).filter((v): v is string => typeof v === 'string');
    const pass = (n: number) => !s.having || (s.having.op === '>' ? n > s.having.n : s.having.op === '>=' ? n >= s.having.n : s.having.op === '=' ? n === s.having.n : n < s.having.n);
    const want = [...groups.values()]
      .filter((rs) => pass(rs.length))
      .map((rs) => {
        const e = emails(rs).map((x) => x.toLowerCase());
        const n = nums(rs);
        const row: Record<string, unknown> = {};
        if (s.group) row[s.group.name.split('.').pop() as string] = rs[0] ? (valueOf(rs[0], s.group) ?? null) : null;
        Object.assign(row, {
          expr0: rs.length,
          expr1: e.length,
          expr2: new Set(e).size,
          expr3: n.length ? n.reduce((a, b) => a + b, 0) : null,
          expr4: n.length ? Math.min(...n) : null,
          expr5: n.length ? Math.max(...n) : null,
          expr6: e.length ? emails(rs).reduce((a, b) => (b.toLowerCase() > a.toLowerCase() ? b : a)) : null,
        });
        return row;
      });
    const result = runQuery(soql, crm);
    if (!result.ok) throw new Error(`${soql}\n${result.message}`);
    const got = result.records.map(({ attributes, ...rest }) => {
      expect(attributes).toEqual({ type: 'AggregateResult' });
      return rest;
    });
    // Group values compare case-insensitively: the engine keeps the first record's spelling, as does the model.
    expect(sorted(got.map((g) => JSON.stringify(g).toLowerCase())), soql).toEqual(sorted(want.map((g) => JSON.stringify(g).toLowerCase())));
  });
});

// ---- date literals and date functions ---------------------------------------------------------------------------
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Berlin', 'Australia/Adelaide'];
const DAY = 86_400_000;
const BASE = Date.parse('2026-01-01T00:00:00Z');
const instant = fc.integer({ min: -400, max: 400 }).chain((d) => fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => BASE + d * DAY + m * 60_000));

/** The civil date and hour of an instant in a zone, read with toLocaleString (not the engine's code). */
function local(ms: number, timeZone: string) {
  const [date = '', time = ''] = new Date(ms).toLocaleString('sv-SE', { timeZone, hourCycle: 'h23' }).split(' ');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d, h: Number(time.split(':')[0]), days: Date.UTC(y, m - 1, d) / DAY };
}

type LiteralCase = { name: string; n: number };
const literalArb: fc.Arbitrary<LiteralCase> = fc.record({
  name: fc.constantFrom('TODAY', 'YESTERDAY', 'TOMORROW', 'LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO', 'THIS_WEEK', 'NEXT_N_WEEKS', 'THIS_MONTH', 'LAST_MONTH', 'N_MONTHS_AGO', 'THIS_QUARTER', 'THIS_YEAR', 'LAST_N_YEARS'),
  n: fc.integer({ min: 1, max: 40 }),
});

/** Whether a record's local date lies in the literal's range, reasoning on civil dates only. */
function inLiteral(lit: LiteralCase, rec: ReturnType<typeof local>, now: ReturnType<typeof local>): boolean {
  const dd = rec.days - now.days;
  const months = rec.y * 12 + rec.m - (now.y * 12 + now.m);
  const weekday = (((now.days + 4) % 7) + 7) % 7;
  const week = Math.floor((dd + weekday) / 7);
  switch (lit.name) {
    case 'TODAY':
      return dd === 0;
    case 'YESTERDAY':
      return dd === -1;
    case 'TOMORROW':
      return dd === 1;
    case 'LAST_N_DAYS':
      return dd <= 0 && dd >= -lit.n;
    case 'NEXT_N_DAYS':
      return dd >= 1 && dd <= lit.n;
    case 'N_DAYS_AGO':
      return dd === -lit.n;
    case 'THIS_WEEK':
      return week === 0;
    case 'NEXT_N_WEEKS':
      return week >= 1 && week <= lit.n;
    case 'THIS_MONTH':
      return months === 0;
    case 'LAST_MONTH':
      return months === -1;
    case 'N_MONTHS_AGO':
      return months === -lit.n;
    case 'THIS_QUARTER':
      return rec.y === now.y && Math.ceil(rec.m / 3) === Math.ceil(now.m / 3);
    case 'THIS_YEAR':
      return rec.y === now.y;
    default:
      return rec.y >= now.y - lit.n && rec.y < now.y;
  }
}
const renderLiteral = (lit: LiteralCase) => (['LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO', 'NEXT_N_WEEKS', 'N_MONTHS_AGO', 'LAST_N_YEARS'].includes(lit.name) ? `${lit.name}:${lit.n}` : lit.name);

test('date literals and date functions equal a civil-date reading in the org time zone', () => {
  const scenario = fc.record({
    created: fc.array(instant, { minLength: 1, maxLength: 12 }),
    now: instant,
    zone: fc.constantFrom(...ZONES),
    lit: literalArb,
    op: fc.constantFrom('=', '<', '>', '<=', '>='),
    month: fc.integer({ min: 1, max: 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
  });
  checkProperty(FILE, 100, scenario, (s) => {
    const crm = new MemorySource();
    const ids = s.created.map((ms) => crm.add('Lead', { LastName: 'x', CreatedDate: new Date(ms).toISOString().replace('Z', '+0000') }));
    const run = (where: string) => {
      const r = runQuery(`SELECT Id FROM Lead WHERE ${where}`, crm, { now: s.now, timeZone: s.zone });
      if (!r.ok) throw new Error(`${where}\n${r.message}`);
      return r.records.map((x) => x['Id']);
    };
    const nowLocal = local(s.now, s.zone);
    const pick = (test: (ms: number) => boolean) => ids.filter((_, i) => test(s.created[i] as number));
    const inside = (ms: number) => inLiteral(s.lit, local(ms, s.zone), nowLocal);
    // The range's first and last civil days, found by scanning the days around now (ranges reach 40 years back).
    const rangeDays = Array.from({ length: 15_400 }, (_, i) => nowLocal.days - 15_000 + i).filter((d) => inLiteral(s.lit, civil(d), nowLocal));
    const first = Math.min(...rangeDays);
    const last = Math.max(...rangeDays);
    const expected = (ms: number): boolean => {
      const d = local(ms, s.zone).days;
      if (s.op === '=') return inside(ms);
      if (s.op === '<') return d < first;
      if (s.op === '<=') return d <= last;
      if (s.op === '>') return d > last;
      return d >= first;
    };
    const literal = renderLiteral(s.lit);
    expect(run(`CreatedDate ${s.op} ${literal}`), `${s.op} ${literal} in ${s.zone}`).toEqual(pick(expected));
    expect(run(`CALENDAR_MONTH(convertTimezone(CreatedDate)) = ${s.month}`)).toEqual(pick((ms) => local(ms, s.zone).m === s.month));
    expect(run(`HOUR_IN_DAY(CreatedDate) = ${s.hour}`)).toEqual(pick((ms) => new Date(ms).getUTCHours() === s.hour));
    const day = new Date(s.now).toISOString().slice(0, 10);
    expect(run(`DAY_ONLY(convertTimezone(CreatedDate)) = ${day}`)).toEqual(pick((ms) => new Date(local(ms, s.zone).days * DAY).toISOString().slice(0, 10) === day));
  });
});

function civil(days: number) {
  const d = new Date(days * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: 0, days };
}

// ---- parent-to-child subqueries ----------------------------------------------------------------------------------
const MEMBER_STATUSES = ['Sent', 'Responded', 'Attended'] as const;
test('subqueries nest each parent’s matching children, null when none', () => {
  const scenario = fc.record({
    leads: fc.integer({ min: 0, max: 6 }),
    members: fc.array(fc.record({ lead: fc.integer({ min: 0, max: 5 }), status: fc.constantFrom(...MEMBER_STATUSES) }), { maxLength: 12 }),
    status: fc.option(fc.constantFrom(...MEMBER_STATUSES), { nil: undefined }),
    limit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  });
  checkProperty(FILE, 100, scenario, (s) => {
    const crm = new MemorySource();
    const campaign = crm.add('Campaign', { Name: 'C' });
    const leads = Array.from({ length: s.leads }, (_, i) => crm.add('Lead', { LastName: `L${i}` }));
    const members = s.members.filter((m) => m.lead < s.leads).map((m) => ({ ...m, id: crm.add('CampaignMember', { CampaignId: campaign, LeadId: leads[m.lead], Status: m.status }) }));
    const soql = `SELECT Id, (SELECT Id, Status FROM CampaignMembers${s.status ? ` WHERE Status = '${s.status}'` : ''}${s.limit ? ` LIMIT ${s.limit}` : ''}) FROM Lead`;
    const result = runQuery(soql, crm);
    if (!result.ok) throw new Error(result.message);
    const want = leads.map((id, i) => {
      const kids = members.filter((m) => m.lead === i && (!s.status || m.status === s.status)).slice(0, s.limit);
      return [id, kids.length === 0 ? null : { totalSize: kids.length, done: true, ids: kids.map((k) => [k.id, k.status]) }];
    });
    const got = result.records.map((r) => {
      const nested = r['CampaignMembers'] as { totalSize: number; done: boolean; records: Record<string, unknown>[] } | null;
      return [r['Id'], nested === null ? null : { totalSize: nested.totalSize, done: nested.done, ids: nested.records.map((c) => [c['Id'], c['Status']]) }];
    });
    expect(got, soql).toEqual(want);
  });
});

// ---- FIELDS() and SOSL -------------------------------------------------------------------------------------------
test('FIELDS() selects the schema’s fields of its kind, in order', () => {
  checkProperty(FILE, 30, fc.constantFrom('Lead', 'Contact', 'Account', 'Campaign', 'CampaignMember', 'User', 'Group').chain((type) => fc.record({ type: fc.constant(type), which: fc.constantFrom('ALL', 'STANDARD', 'CUSTOM') })), ({ type, which }) => {
    const crm = new MemorySource();
    crm.add(type as 'Lead', { Name: 'n', LastName: 'n' });
    const result = runQuery(`SELECT FIELDS(${which}) FROM ${type} LIMIT 200`, crm);
    if (!result.ok) throw new Error(result.message);
    const names = Object.keys(CRM_SCHEMA[type as 'Lead']).filter((n) => which === 'ALL' || (which === 'CUSTOM') === n.endsWith('__c'));
    expect(Object.keys(result.records[0] ?? {})).toEqual(['attributes', ...names]);
  });
});

test('SOSL FIND {email} IN EMAIL FIELDS returns exactly the people with that email, in RETURNING order', () => {
  const EMAILS = ['a@x.io', 'A@X.IO', 'b@x.io', 'ab@x.io', 'a@y.io'];
  const scenario = fc.record({
    leads: fc.array(fc.option(fc.constantFrom(...EMAILS), { nil: undefined }), { maxLength: 8 }),
    contacts: fc.array(fc.option(fc.constantFrom(...EMAILS), { nil: undefined }), { maxLength: 8 }),
    term: fc.constantFrom(...EMAILS),
    contactsFirst: fc.boolean(),
  });
  checkProperty(FILE, 100, scenario, (s) => {
    const crm = new MemorySource();
    const leads = s.leads.map((Email) => ({ id: crm.add('Lead', Email ? { LastName: 'l', Email } : { LastName: 'l' }), Email }));
    const contacts = s.contacts.map((Email) => ({ id: crm.add('Contact', Email ? { LastName: 'c', Email } : { LastName: 'c' }), Email }));
    const objects = s.contactsFirst ? [['Contact', contacts], ['Lead', leads]] as const : [['Lead', leads], ['Contact', contacts]] as const;
    const sosl = `FIND {${s.term}} IN EMAIL FIELDS RETURNING ${objects.map(([t]) => `${t}(Id, Email)`).join(', ')}`;
    const result = runSearch(sosl, crm);
    if (!result.ok) throw new Error(result.message);
    const want = objects.flatMap(([, people]) => people.filter((p) => p.Email?.toLowerCase() === s.term.toLowerCase()).map((p) => [p.id, p.Email]));
    expect(result.searchRecords.map((r) => [r['Id'], r['Email']]), sosl).toEqual(want);
  });
});
