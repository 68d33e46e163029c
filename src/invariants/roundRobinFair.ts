import { evidenceOf } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { SRecord } from '../systems/crm/recordSource.ts';
import { defineInvariant } from './invariant.ts';
import { traceSegments, stepOf, routingTraces } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/** One round-robin assignment as a route step's path records it. */
export interface RoundRobinAssignment {
  readonly pool: string;
  readonly userId: string;
  readonly eventId: string;
}

/** `round robin <pool>: user "<name>" (<id>), turn <n>, <k> eligible`, as `resolveAssignTarget` writes it. */
const DETAIL = /^round robin (.+?): user ".*" \(([^()]+)\), turn \d+, \d+ eligible$/;
/** The fields whose change during the run makes a user's eligibility not constant. */
const ELIGIBILITY_FIELDS: ReadonlySet<string> = new Set(['IsActive', 'Out_Of_Office__c', 'Role__c', 'Region__c']);

/**
 * Round robin stays fair within a region: per pool, the numbers of persons assigned to the users who were eligible
 * (active, in office, in the pool) throughout the run differ by at most one. Evidence form (field history): an
 * assignment is an `OwnerId` the pipeline's credential set (on create or update) to a user with the SDR role, and
 * the pool is the SDRs of that user's region (the default graph's round-robin pools; account BDRs and account
 * owners are other roles); an owner a Salesforce assignment rule gave is the org's routing, not a round robin.
 * Trace form (the reference pipeline): assignments are read from the route steps' paths
 * (`assign` steps with round-robin detail), pools from the graph.
 */
export const roundRobinFair = defineInvariant({
  id: 'round-robin-fair',
  title: 'Round robin stays fair within a region',
  description: 'Per round-robin pool (the SDRs of a region), the assignment counts of the users eligible throughout the run differ by at most one.',
  evidence: ['field history', 'records'],
  checkEvidence(run) {
    const evidence = evidenceOf(run);
    if (!evidence) return [];
    const assignments: RoundRobinAssignment[] = [];
    for (const entry of evidence.changesTo('OwnerId')) {
      if ((entry.object !== 'Lead' && entry.object !== 'Contact') || !evidence.byPipeline(entry) || evidence.byAssignmentRule(entry)) continue;
      const user = typeof entry.newValue === 'string' ? run.world.crm.get('User', entry.newValue) : undefined;
      if (user?.['Role__c'] !== 'SDR') continue;
      assignments.push({ pool: `SDR:${String(user['Region__c'])}`, userId: entry.newValue as string, eventId: evidence.handlingOf(entry)?.id ?? entry.recordId });
    }
    return unfairPools(run, assignments, (pool) => poolFilter(run, pool));
  },
  checkTraces(run) {
    return unfairPools(run, roundRobinAssignments(run), (pool) => poolFilter(run, pool));
  },
});

/** The pools whose steady members' counts differ by more than one. */
function unfairPools(run: RunRecord, all: readonly RoundRobinAssignment[], filter: (pool: string) => (user: SRecord) => boolean): Violation[] {
  const byPool = new Map<string, RoundRobinAssignment[]>();
  for (const a of all) {
    const list = byPool.get(a.pool) ?? [];
    list.push(a);
    byPool.set(a.pool, list);
  }
  const out: Violation[] = [];
  for (const [pool, assignments] of byPool) {
    const members = steadyMembers(run, filter(pool));
    if (members.length < 2) continue;
    const counts = new Map(members.map((u) => [u.Id, 0]));
    let firstUnfair: string | undefined;
    for (const a of assignments) {
      if (!counts.has(a.userId)) continue;
      counts.set(a.userId, counts.get(a.userId)! + 1);
      if (firstUnfair === undefined && spread(counts) > 1) firstUnfair = a.eventId;
    }
    if (spread(counts) <= 1) continue;
    out.push({
      invariant: 'round-robin-fair',
      message: `Round robin ${pool} assigned ${[...counts].map(([id, n]) => `${id}: ${n}`).join(', ')} among the users eligible throughout the run; expected counts within one of each other.`,
      ...(firstUnfair ? { eventId: firstUnfair } : {}),
      evidence: {
        pool,
        counts: Object.fromEntries(counts),
        members: members.map((u) => ({ Id: u.Id, Name: u['Name'] ?? null })),
        firstUnfairEvent: firstUnfair ?? null,
        assignments: assignments.map((a) => `${a.eventId} → ${a.userId}`),
      },
    });
  }
  return out;
}

/** Every round-robin assignment of the run, in trace order. */
export function roundRobinAssignments(run: RunRecord): RoundRobinAssignment[] {
  const out: RoundRobinAssignment[] = [];
  for (const trace of routingTraces(run)) {
    for (const segment of traceSegments(trace)) {
      const path = (stepOf(segment, 'route')?.output as { path?: readonly { kind?: string; detail?: string }[] } | null | undefined)?.path;
      for (const step of path ?? []) {
        const match = step.kind === 'assign' && step.detail ? DETAIL.exec(step.detail) : null;
        if (match) out.push({ pool: match[1]!, userId: match[2]!, eventId: trace.eventId });
      }
    }
  }
  return out;
}

function spread(counts: ReadonlyMap<string, number>): number {
  const values = [...counts.values()];
  return Math.max(...values) - Math.min(...values);
}

/** The users of a pool who existed before the run, are eligible at its end, and whose eligibility never changed. */
function steadyMembers(run: RunRecord, inPool: (user: SRecord) => boolean): SRecord[] {
  const crm = run.world.crm;
  return [...crm.records('User')].filter((u) => {
    if (!inPool(u) || u['IsActive'] !== true || u['Out_Of_Office__c'] === true) return false;
    const history = crm.history(u.Id);
    const created = history[0];
    if (created && created.at >= run.startedAt && created.workflow !== 'seed') return false;
    return !history.some((h) => ELIGIBILITY_FIELDS.has(h.field) && h.at >= run.startedAt && h.workflow !== 'seed');
  });
}

function poolFilter(run: RunRecord, pool: string): (user: SRecord) => boolean {
  const named = run.graph.settings.pools?.[pool];
  if (named && 'users' in named) return (u) => named.users.includes(u.Id) || named.users.includes(String(u['Name']));
  if (named) return (u) => u['Role__c'] === named.role && (named.region === '$person.region' || u['Region__c'] === named.region);
  if (pool.startsWith('users:')) {
    const ids = pool.slice('users:'.length).split(',');
    return (u) => ids.includes(u.Id) || ids.includes(String(u['Name']));
  }
  const [role, region] = pool.split(':');
  return (u) => u['Role__c'] === role && u['Region__c'] === region;
}
