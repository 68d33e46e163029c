import { evidenceOf } from '../evidence/runEvidence.ts';
import { finalAnswers } from '../invariants/evidence/finalAnswers.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { countryAsTyped, formatCountryAsTyped } from './countryAsTyped.ts';
import { callsBySystem } from '../pipeline/trace.ts';
import { pendingPeople } from '../invariants/pendingPeople.ts';
import { limitsReached, type LimitReached } from './limitsReached.ts';
import { routedPeople } from './routedPeople.ts';

/**
 * One entry point's row: `actions` = `refused` + `received` + `native` (each action counted once, by where it ended:
 * refused before or at the intake, received as an event, or written by a native integration), and `received` =
 * `created` + `merged` + `rejected` + `parked` (each event's one outcome).
 */
export interface EntryPointRow {
  readonly actions: number;
  readonly refused: number;
  readonly native: number;
  readonly received: number;
  readonly created: number;
  readonly merged: number;
  readonly rejected: number;
  readonly parked: number;
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

/**
 * Summary statistics of one run, as plain JSON (the `--json` report and the text report render it). Every count says
 * what it counts once; the totals reconcile with the run's records (a test pins each sum).
 */
export interface SimulationSummary {
  readonly seed: number;
  /** Entry-point actions delivered (equal to `events` for a run made of posted events only). */
  readonly actions: number;
  /** Events the intake accepted: one trace each. */
  readonly events: number;
  /** Per entry point; rows sum to the totals. */
  readonly byEntryPoint: Readonly<Record<string, EntryPointRow>>;
  readonly outcomes: { readonly created: number; readonly merged: number; readonly rejected: number; readonly parked: number };
  readonly rejectedReasons: Readonly<Record<string, number>>;
  readonly parkedReasons: Readonly<Record<string, number>>;
  /**
   * People an event still parked at the end holds (see `pendingPeople`): the state the invariants allow a parked event
   * to leave, with the owner each has now (the integration user when it was created and not routed yet).
   */
  readonly pending: readonly PendingLine[];
  /** Actions that never became an event, by reason (refused by a system before the intake, or by the intake). */
  readonly blocked: Readonly<Record<string, number>>;
  /** Leads a native connector wrote and the CRM refused (side effects of actions, not actions). */
  readonly connectorRefusals: Readonly<Record<string, number>>;
  /** Webhooks delivered a second time with the same key, each acknowledged and ignored by the intake. */
  readonly redelivered: number;
  /** People this run routed, each counted once by the owner they end with: by queue, and users by region. */
  readonly owners: { readonly people: number; readonly queues: Readonly<Record<string, number>>; readonly regions: Readonly<Record<string, number>> };
  /** People this run routed who end with a live (not recalled) PRM prospect. */
  readonly sharedToPrm: number;
  /** Each country as typed and the ISO code standardize made of it (or why none), with how many events sent it. */
  readonly countries: Readonly<Record<string, number>>;
  readonly speedToLead: Readonly<Record<string, { median: number; p90: number; max: number; routed: number }>>;
  /** API calls the pipeline made (its events and routing re-runs), by system. */
  readonly apiCalls: Readonly<Record<string, number>>;
  /** Each stretch of time a vendor's API limit refused requests during the run (none when no limit was reached). */
  readonly limits: readonly LimitReached[];
  /** Faults the HTTP layer injected into any caller's requests (the pipeline's, reps', websites'). */
  readonly faultsInjected: number;
  readonly simulatedMs: number;
}

const emptyRow = (): { -readonly [K in keyof EntryPointRow]: number } => ({ actions: 0, refused: 0, native: 0, received: 0, created: 0, merged: 0, rejected: 0, parked: 0 });

/** Counts a run's actions, outcomes, owners, shares and speed to lead. Pure: the same run gives the same summary. */
export function summarize(run: RunRecord): SimulationSummary {
  const byEntryPoint: Record<string, ReturnType<typeof emptyRow>> = {};
  const outcomes = { created: 0, merged: 0, rejected: 0, parked: 0 };
  const rejectedReasons: Record<string, number> = {};
  const parkedReasons: Record<string, number> = {};
  const speeds: Record<string, number[]> = {};
  const apiCalls: Record<string, number> = {};
  const countries: Record<string, number> = {};
  const actions = run.actions;
  for (const action of actions ?? []) {
    const row = (byEntryPoint[action.entryPoint] ??= emptyRow());
    row.actions += 1;
    if (action.outcome === 'refused' || action.outcome === 'blocked') row.refused += 1;
    if (action.outcome === 'native') row.native += 1;
  }
  for (const trace of run.traces) {
    const row = (byEntryPoint[trace.entryPoint] ??= emptyRow());
    row.received += 1;
    if (actions === undefined) row.actions += 1;
    const outcome = trace.outcome;
    if (outcome) {
      row[outcome.kind] += 1;
      outcomes[outcome.kind] += 1;
      if (outcome.kind === 'rejected') bump(rejectedReasons, shorten(outcome.reason));
      if (outcome.kind === 'parked') bump(parkedReasons, shorten(outcome.reason));
    }
    const country = countryAsTyped(trace);
    if (country) bump(countries, formatCountryAsTyped(country));
    if (trace.speedToLeadMs !== undefined) (speeds[trace.entryPoint] ??= []).push(trace.speedToLeadMs);
  }
  for (const trace of [...run.traces, ...(run.reruns ?? [])]) for (const [system, n] of Object.entries(callsBySystem(trace))) apiCalls[system] = (apiCalls[system] ?? 0) + n;
  if (run.pipelineUnderTest !== undefined) countDeliveries(run, byEntryPoint, outcomes, rejectedReasons, parkedReasons, apiCalls);
  const blocked: Record<string, number> = {};
  for (const b of run.blocked) bump(blocked, `${b.entryPoint}: ${shorten(b.reason)}`);
  const connectorRefusals: Record<string, number> = {};
  for (const r of run.world.connectorRefusals) bump(connectorRefusals, `${r.entryPoint}: ${shorten(r.reason)}`);
  const speedToLead: Record<string, { median: number; p90: number; max: number; routed: number }> = {};
  for (const [entryPoint, values] of Object.entries(speeds).sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...values].sort((a, b) => a - b);
    speedToLead[entryPoint] = { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1] ?? 0, routed: sorted.length };
  }
  const routed = routedPeople(run);
  const pending = [...pendingPeople(run).values()].map((p): PendingLine => {
    const ownerId = run.world.crm.byId(p.personId)?.record['OwnerId'];
    const owner = typeof ownerId === 'string' ? run.world.crm.byId(ownerId)?.record : undefined;
    return { personId: p.personId, eventId: p.eventId, job: p.job, reason: p.reason, owner: owner ? `${String(owner['Name'])} (${owner.Id})` : String(ownerId ?? 'none') };
  });
  return {
    seed: run.seed,
    actions: Object.values(byEntryPoint).reduce((n, r) => n + r.actions, 0),
    events: run.pipelineUnderTest === undefined ? run.traces.length : Object.values(byEntryPoint).reduce((n, r) => n + r.received, 0),
    byEntryPoint: sortKeys(byEntryPoint),
    outcomes,
    rejectedReasons: sortKeys(rejectedReasons),
    parkedReasons: sortKeys(parkedReasons),
    pending,
    blocked: sortKeys(blocked),
    connectorRefusals: sortKeys(connectorRefusals),
    redelivered: run.redelivered.length,
    owners: { people: routed.people, queues: sortKeys(routed.queues), regions: sortKeys(routed.regions) },
    sharedToPrm: routed.sharedToPrm,
    countries: Object.fromEntries(Object.entries(countries).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))),
    speedToLead,
    apiCalls: sortKeys(apiCalls),
    limits: limitsReached(run.world, run.startedAt),
    faultsInjected: run.world.faults?.journal.length ?? 0,
    simulatedMs: run.world.clock.now() - run.startedAt,
  };
}

/**
 * The outcomes of a pipeline of yours, which leaves no traces, from the evidence: per delivery id its last answer
 * (done and the person created during that handling: created; done otherwise: merged; rejected; failed: parked),
 * and the API calls from the systems' request log.
 */
function countDeliveries(run: RunRecord, byEntryPoint: SimulationSummary['byEntryPoint'], outcomes: SimulationSummary['outcomes'], rejected: Record<string, number>, parked: Record<string, number>, apiCalls: Record<string, number>): void {
  const evidence = evidenceOf(run);
  if (!evidence) return;
  const rows = byEntryPoint as Record<string, ReturnType<typeof emptyRow>>;
  const counts = outcomes as { created: number; merged: number; rejected: number; parked: number };
  for (const { delivery, handling, person } of finalAnswers(evidence)) {
    const row = (rows[delivery.entryPoint] ??= emptyRow());
    row.received += 1;
    const answer = handling.answer;
    const creation = person === undefined ? undefined : evidence.createdBy(person.id);
    const created = creation !== undefined && evidence.handlingOf(creation)?.seq === handling.seq;
    const kind = answer === undefined || answer.kind === 'failed' ? 'parked' : answer.kind === 'rejected' ? 'rejected' : created ? 'created' : 'merged';
    row[kind] += 1;
    counts[kind] += 1;
    if (answer?.kind === 'rejected') bump(rejected, shorten(answer.reason));
    if (answer?.kind === 'failed') bump(parked, shorten(answer.error));
  }
  for (const request of evidence.requests.list()) if (request.handling !== undefined) bump(apiCalls, request.system);
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
