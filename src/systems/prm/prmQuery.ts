import { prmField, type PrmObjectName } from './prmSchema.ts';
import { prmFailure, prmOk, type PrmResult } from './prmResult.ts';
import { compileThql } from './thqlFilter.ts';
import type { PrmRecord, PrmValue } from './prmValues.ts';

/** Parameters of a list call (`GET /api/objects/v1/{Object}?fields=&filter=&orderBy=&skip=&take=&q=`). */
export interface PrmListQuery {
  /** Field names to return (`Id` always comes back); all fields when omitted. */
  readonly fields?: readonly string[];
  /** A THQL condition, e.g. `CrmId = '00Q…' and Updated > '2026-01-01 00:00:00'`. */
  readonly filter?: string;
  /** `Field [asc|desc]`, comma-separated, e.g. `Updated asc`. Default `Id asc`. */
  readonly orderBy?: string;
  /** Records to skip. Default 0. */
  readonly skip?: number;
  /** Page size. Default 100, at most 1000 (modelled; public connectors use 10–100). */
  readonly take?: number;
  /** Free text matched (case-insensitively) against every text field. */
  readonly q?: string;
}

/** A list page: `count` is the number of matching records before skip/take. */
export interface PrmListPage {
  readonly count: number;
  readonly entity: PrmObjectName;
  readonly results: readonly Readonly<Record<string, PrmValue>>[];
}

/** Maximum `take`. */
export const MAX_TAKE = 1000;

/** Resolves `fields` to canonical names (Id first), or a 400 naming the unknown field. */
export function resolvePrmFields(object: PrmObjectName, fields: readonly string[] | undefined, action: string): PrmResult<string[] | undefined> {
  if (!fields || fields.length === 0) return prmOk(undefined);
  const out = ['Id'];
  for (const name of fields) {
    const spec = prmField(object, name);
    if (!spec) return prmFailure(400, `Failed to ${action} "${object}": unknown field "${name}" in fields. Use a field listed by GET /api/objects/v1/${object}/_describe.`);
    if (!out.includes(spec.name)) out.push(spec.name);
  }
  return prmOk(out);
}

/** Projects a record onto `fields` (all fields when undefined). */
export function projectPrm(record: PrmRecord, fields: readonly string[] | undefined): Readonly<Record<string, PrmValue>> {
  if (!fields) return record;
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
}

/**
 * Looks records up by a field's value: a superset of the records whose field equals it, in Id order, or undefined
 * when it cannot (the field is not indexed).
 */
export type PrmLookup = (field: string, value: string) => Iterable<PrmRecord> | undefined;

/**
 * Runs a list query over an object's records (in Id order). With `lookup`, a filter that pins a field to a text
 * value (`CrmId = '…' and …`) tests only the records the lookup gives.
 */
export function queryPrm(object: PrmObjectName, records: Iterable<PrmRecord>, query: PrmListQuery, lookup?: PrmLookup): PrmResult<PrmListPage> {
  const action = `list "${object}"`;
  const fields = resolvePrmFields(object, query.fields, 'list');
  if (!fields.ok) return fields;
  const skip = query.skip ?? 0;
  const take = query.take ?? 100;
  if (!Number.isInteger(skip) || skip < 0) return prmFailure(400, `Failed to ${action}: skip must be a non-negative integer (got ${skip}). Send skip=0 or more.`);
  if (!Number.isInteger(take) || take < 1 || take > MAX_TAKE) return prmFailure(400, `Failed to ${action}: take must be an integer from 1 to ${MAX_TAKE} (got ${take}). Page with skip and take.`);
  let rows: PrmRecord[];
  if (query.filter !== undefined && query.filter.trim() !== '') {
    const compiled = compileThql(object, query.filter);
    if (!compiled.ok) return prmFailure(400, `Failed to ${action}: invalid filter "${query.filter}": ${compiled.reason}. Write a THQL condition such as "CrmId = '00Q000000000001AAA'".`);
    let candidates: Iterable<PrmRecord> | undefined;
    for (const { field, value } of compiled.equalities) if (typeof value === 'string') candidates ??= lookup?.(field, value);
    rows = [...(candidates ?? records)].filter(compiled.predicate);
  } else {
    rows = [...records];
  }
  if (query.q !== undefined && query.q.trim() !== '') {
    const needle = query.q.trim().toLowerCase();
    rows = rows.filter((r) => Object.values(r).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle)));
  }
  if (query.orderBy !== undefined && query.orderBy.trim() !== '') {
    const keys: { field: string; dir: 1 | -1 }[] = [];
    for (const part of query.orderBy.split(',')) {
      const match = /^\s*([A-Za-z_]\w*)\s*(asc|desc)?\s*$/i.exec(part);
      const spec = match ? prmField(object, match[1]!) : undefined;
      if (!match || !spec) return prmFailure(400, `Failed to ${action}: invalid orderBy "${query.orderBy}": "${part.trim()}" is not "<Field> [asc|desc]" with a field of ${object}. Write e.g. "Updated asc".`);
      keys.push({ field: spec.name, dir: match[2]?.toLowerCase() === 'desc' ? -1 : 1 });
    }
    rows = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => {
        for (const { field, dir } of keys) {
          const c = compareValues(a.r[field] ?? null, b.r[field] ?? null);
          if (c !== 0) return c * dir;
        }
        return a.i - b.i;
      })
      .map(({ r }) => r);
  }
  return prmOk({ count: rows.length, entity: object, results: rows.slice(skip, skip + take).map((r) => projectPrm(r, fields.value)) });
}

// Nulls sort first, as in SQL Server; ISO dates sort correctly as strings.
function compareValues(a: PrmValue, b: PrmValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
