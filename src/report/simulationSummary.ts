import { pendingPeople } from '../invariants/pendingPeople.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { countryAsTyped, formatCountryAsTyped } from './countryAsTyped.ts';

/** Summary statistics of one run, as plain JSON (the `--json` report and the text report render it). */
export interface SimulationSummary {
  readonly seed: number;
  readonly events: number;
  readonly byEntryPoint: Readonly<Record<string, { received: number; created: number; merged: number; rejected: number; parked: number }>>;
  readonly outcomes: { readonly created: number; readonly merged: number; readonly rejected: number; readonly parked: number };
  readonly rejectedReasons: Readonly<Record<string, number>>;
  readonly parkedReasons: Readonly<Record<string, number>>;
  /**
   * People an event still parked at the end holds (see `pendingPeople`): the state the invariants allow a parked event
   * to leave, with the owner each has now (the integration user when it was created and not routed yet).
   */
  readonly pending: readonly PendingLine[];
  readonly blocked: Readonly<Record<string, number>>;
  readonly redelivered: number;
  readonly owners: { readonly queues: Readonly<Record<string, number>>; readonly regions: Readonly<Record<string, number>> };
  readonly sharedToPrm: number;
  /** Each country as typed and the ISO code standardize made of it (or why none), with how many events sent it. */
  readonly countries: Readonly<Record<string, number>>;
  readonly speedToLead: Readonly<Record<string, { median: number; p90: number; max: number; routed: number }>>;
  readonly apiCalls: Readonly<Record<string, number>>;
  readonly faultsInjected: number;
  readonly simulatedMs: number;
}

/** One pending person in the report. */
export interface PendingLine {
  readonly personId: string;
  readonly eventId: string;
  readonly job: string;
  readonly reason: string;
  /** Who owns the person now: a user's or a queue's name, with its id. */
  readonly owner: string;
}

/** Counts a run's outcomes, owners, shares and speed to lead. Pure: the same run gives the same summary. */
export function summarize(run: RunRecord): SimulationSummary {
  const byEntryPoint: Record<string, { received: number; created: number; merged: number; rejected: number; parked: number }> = {};
  const outcomes = { created: 0, merged: 0, rejected: 0, parked: 0 };
  const rejectedReasons: Record<string, number> = {};
  const parkedReasons: Record<string, number> = {};
  const queues: Record<string, number> = {};
  const regions: Record<string, number> = {};
  const speeds: Record<string, number[]> = {};
  const apiCalls: Record<string, number> = {};
  const countries: Record<string, number> = {};
  const users = new Map([...run.world.crm.records('User')].map((u) => [u.Id, u]));
  for (const trace of run.traces) {
    const row = (byEntryPoint[trace.entryPoint] ??= { received: 0, created: 0, merged: 0, rejected: 0, parked: 0 });
    row.received += 1;
    const outcome = trace.outcome;
    if (outcome) {
      row[outcome.kind] += 1;
      outcomes[outcome.kind] += 1;
      if (outcome.kind === 'rejected') bump(rejectedReasons, shorten(outcome.reason));
      if (outcome.kind === 'parked') bump(parkedReasons, shorten(outcome.reason));
    }
    if (trace.routedTo) {
      if (trace.routedTo.kind === 'queue') bump(queues, trace.routedTo.name);
      else bump(regions, String(users.get(trace.routedTo.id)?.['Region__c'] ?? 'no region'));
    }
    const country = countryAsTyped(trace);
    if (country) bump(countries, formatCountryAsTyped(country));
    if (trace.speedToLeadMs !== undefined) (speeds[trace.entryPoint] ??= []).push(trace.speedToLeadMs);
    for (const step of trace.steps) for (const call of step.calls) bump(apiCalls, call.system);
  }
  const blocked: Record<string, number> = {};
  for (const b of run.blocked) bump(blocked, `${b.entryPoint}: ${shorten(b.reason)}`);
  const speedToLead: Record<string, { median: number; p90: number; max: number; routed: number }> = {};
  for (const [entryPoint, values] of Object.entries(speeds).sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...values].sort((a, b) => a - b);
    speedToLead[entryPoint] = { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1] ?? 0, routed: sorted.length };
  }
  const pending = [...pendingPeople(run).values()].map((p): PendingLine => {
    const ownerId = run.world.crm.byId(p.personId)?.record['OwnerId'];
    const owner = typeof ownerId === 'string' ? run.world.crm.byId(ownerId)?.record : undefined;
    return { personId: p.personId, eventId: p.eventId, job: p.job, reason: p.reason, owner: owner ? `${String(owner['Name'])} (${owner.Id})` : String(ownerId ?? 'none') };
  });
  return {
    seed: run.seed,
    events: run.traces.length,
    byEntryPoint: sortKeys(byEntryPoint),
    outcomes,
    rejectedReasons: sortKeys(rejectedReasons),
    parkedReasons: sortKeys(parkedReasons),
    pending,
    blocked: sortKeys(blocked),
    redelivered: run.redelivered.length,
    owners: { queues: sortKeys(queues), regions: sortKeys(regions) },
    sharedToPrm: run.world.impartner.records('Prospect').length,
    countries: Object.fromEntries(Object.entries(countries).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))),
    speedToLead,
    apiCalls: sortKeys(apiCalls),
    faultsInjected: run.world.faults?.journal.length ?? 0,
    simulatedMs: run.world.clock.now() - run.startedAt,
  };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** A reason without the per-record detail (quoted values, ids), so equal causes group together. */
function shorten(reason: string): string {
  return reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b(00Q|003|001|005|00G)[A-Za-z0-9]{12,15}\b/g, '<id>')
    .replace(/(invalid email address): .*/i, '$1: …');
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
