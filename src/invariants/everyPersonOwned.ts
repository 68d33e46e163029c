import { isSalesUser } from '../systems/crm/schema.ts';
import { evidenceOf } from '../evidence/runEvidence.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { finalAnswers } from './evidence/finalAnswers.ts';
import { defineInvariant } from './invariant.ts';
import { livePeople } from './livePeople.ts';
import { pendingPeople, touchedPeople } from './pendingPeople.ts';
import type { Violation } from './violation.ts';

/**
 * Every live lead and contact has an owner who can work it: a user with a sales role (SDR, BDR, AE) or a queue
 * (a Group of Type Queue). An id that names nothing, a group that is not a queue, or a user without a sales role
 * (the pipeline's integration user, a native connector's user) is no owner. A person whose last delivery the
 * pipeline has not finished (it failed and waits to be delivered again: parked) is left out. Evidence: the records;
 * the deliveries (or the reference pipeline's traces) say who is parked and which event touched the person last.
 */
export const everyPersonOwned = defineInvariant({
  id: 'every-person-owned',
  title: 'Every person has an owner',
  description: 'Every live lead and contact is owned by a sales user (SDR, BDR, AE) or a queue.',
  evidence: ['records', 'deliveries'],
  checkEvidence(run) {
    const evidence = evidenceOf(run);
    if (!evidence) return [];
    const last = new Map<string, string>();
    const parked = new Set<string>();
    for (const { handling, person } of [...finalAnswers(evidence)].sort((a, b) => a.handling.seq - b.handling.seq)) {
      if (person === undefined) continue;
      last.set(person.id, handling.id);
      if (handling.answer?.kind === 'failed') parked.add(person.id);
      else parked.delete(person.id);
    }
    return ownerProblems(run, parked, (id) => (last.has(id) ? { eventId: last.get(id)! } : undefined));
  },
  checkTraces(run) {
    return ownerProblems(run, new Set(pendingPeople(run).keys()), (id) => {
      const trace = lastEventOf(run, id);
      return trace ? { eventId: trace.eventId, entryPoint: trace.entryPoint, outcome: trace.outcome ?? null } : undefined;
    });
  },
});

function ownerProblems(run: RunRecord, parked: ReadonlySet<string>, lastEvent: (personId: string) => ({ eventId: string } & Record<string, unknown>) | undefined): Violation[] {
  const crm = run.world.crm;
  const out: Violation[] = [];
  for (const { type, record } of livePeople(crm)) {
    if (parked.has(record.Id)) continue;
    const ownerId = record['OwnerId'];
    const found = typeof ownerId === 'string' && ownerId !== '' ? crm.byId(ownerId) : undefined;
    const owner = found?.record['IsDeleted'] === true ? undefined : found;
    let problem: string | undefined;
    if (owner === undefined) problem = ownerId == null || ownerId === '' ? 'has no OwnerId' : `is owned by ${JSON.stringify(ownerId)}, which names no user or queue`;
    else if (owner.type === 'Group' && owner.record['Type'] !== 'Queue') problem = `is owned by group ${String(owner.record['Name'])} (${owner.record.Id}), which is not a queue`;
    else if (owner.type === 'User' && !isSalesUser(owner.record)) problem = `is owned by user ${String(owner.record['Name'])} (${owner.record.Id}), who has no sales role`;
    else if (owner.type !== 'User' && owner.type !== 'Group') problem = `is owned by a ${owner.type} (${owner.record.Id})`;
    if (problem === undefined) continue;
    const last = lastEvent(record.Id);
    out.push({
      invariant: 'every-person-owned',
      message: `${type} ${record.Id} ${problem}; expected a sales user (SDR, BDR, AE) or a queue.`,
      personId: record.Id,
      ...(last ? { eventId: last.eventId } : {}),
      evidence: {
        record: { Id: record.Id, Email: record['Email'] ?? null, OwnerId: ownerId ?? null, CreatedById: record['CreatedById'] ?? null },
        owner: owner ? { type: owner.type, Id: owner.record.Id, Name: owner.record['Name'] ?? null, Role__c: owner.record['Role__c'] ?? null, Type: owner.record['Type'] ?? null } : null,
        ownerHistory: crm.history(record.Id).filter((h) => h.field === 'OwnerId'),
        lastEvent: last ?? null,
      },
    });
  }
  return out;
}

function lastEventOf(run: RunRecord, personId: string): EventTrace | undefined {
  let found: EventTrace | undefined;
  for (const trace of run.traces) {
    const o = trace.outcome;
    if ((o && 'personId' in o && o.personId === personId) || touchedPeople(trace).includes(personId)) found = trace;
  }
  return found;
}
