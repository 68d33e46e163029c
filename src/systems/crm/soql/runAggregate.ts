import type { SRecord } from '../recordSource.ts';
import type { AggregatePlan, Group } from './aggregatePlan.ts';
import { sortRows, type Key } from './orderBy.ts';
import type { EvalEnv } from './scalarExpr.ts';

type Value = string | number | boolean | null;

const normalized = (v: Value): Value => (typeof v === 'string' ? v.toLowerCase() : v);

function groupRecords(plan: AggregatePlan, records: readonly SRecord[], env: EvalEnv): Group[] {
  const n = plan.groupBy.length;
  if (n === 0) return [{ keys: [], rolledUp: [], records, values: new Map() }];
  // Rows of the ROLLUP: the full groups, then each shorter prefix of the grouping (subtotals), down to the total.
  const levels = plan.rollup ? Array.from({ length: n + 1 }, (_, i) => n - i) : [n];
  const groups: Group[] = [];
  for (const level of levels) {
    const byKey = new Map<string, { keys: Value[]; records: SRecord[] }>();
    for (const r of records) {
      const keys = plan.groupBy.map((g, i) => (i < level ? g.get(r, env) : null));
      // Text groups case-insensitively, as SOQL compares text.
      const id = JSON.stringify(keys.map(normalized));
      const found = byKey.get(id);
      if (found) found.records.push(r);
      else byKey.set(id, { keys, records: [r] });
    }
    if (level === 0 && byKey.size === 0) byKey.set('[]', { keys: plan.groupBy.map(() => null), records: [] });
    for (const { keys, records: rs } of byKey.values()) groups.push({ keys, rolledUp: plan.groupBy.map((_, i) => i >= level), records: rs, values: new Map() });
  }
  // Groups in order of their values, each ROLLUP subtotal after the rows it totals.
  return sortRows(
    groups,
    plan.groupBy.flatMap((_, i) => [
      { get: (g: Group): Key => (g.rolledUp[i] ? 1 : 0), descending: false, nullsFirst: true },
      { get: (g: Group): Key => normalized(g.keys[i] ?? null), descending: false, nullsFirst: true },
    ]),
  );
}

/**
 * Runs an aggregate plan over the records that matched WHERE: groups them (every ROLLUP level included),
 * computes the aggregates, keeps the groups HAVING accepts, orders them (ORDER BY, else by their grouping values),
 * applies OFFSET and LIMIT, and shapes AggregateResult records `{ attributes: { type: 'AggregateResult' }, … }`
 * (no url: aggregate rows are not records). A query without GROUP BY gives exactly one row, even over no records.
 */
export function runAggregate(plan: AggregatePlan, records: readonly SRecord[], env: EvalEnv, offset: number, limit: number | undefined): Record<string, unknown>[] {
  let groups = groupRecords(plan, records, env);
  for (const g of groups) for (const a of plan.aggregates) g.values.set(a.text, a.compute(g.records, env));
  if (plan.having) groups = groups.filter((g) => plan.having?.(g, env));
  if (plan.order) groups = sortRows(groups.map((group) => ({ group, env })), plan.order).map((x) => x.group);
  groups = groups.slice(offset, limit === undefined ? undefined : offset + limit);
  return groups.map((g) => {
    const out: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    for (const c of plan.columns) out[c.name] = c.read(g, env);
    return out;
  });
}
