import type { JobName } from '../pipeline/jobNames.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { traceSegments } from './traceSegments.ts';

/** A person whose processing is not over when the run ends, and the parked event that holds it. */
export interface PendingPerson {
  readonly personId: string;
  readonly eventId: string;
  /** The job the event parked at, and why. */
  readonly job: JobName;
  readonly reason: string;
}

/**
 * The people an event still parked at the end of the run created, updated or routed: the one state the invariants
 * allow a parked event to leave (README "Fault injection"). Such a person is *pending*: it may be owned by the
 * pipeline's integration user (created, not routed yet), or routed and not yet shared (in the Partner Queue before
 * its prospect exists), because its event's next try completes it. "Every person has an owner" and the final state
 * of "partner leads reach the Partner Queue" wait for it; every other invariant, and every routing decision already
 * made, is checked as for anyone. The report lists each pending person with its event, job and reason.
 *
 * A parked event's people: the person its outcome names, every person its upsert created or updated and its route
 * read in any of its runs, a lead stamped with its event id (a create whose answer was lost), and a sales-created
 * event's own lead.
 */
export function pendingPeople(run: RunRecord): Map<string, PendingPerson> {
  const pending = new Map<string, PendingPerson>();
  const parked = run.traces.filter((t) => t.outcome?.kind === 'parked');
  if (parked.length === 0) return pending;
  const stamped = new Map<string, string[]>();
  for (const lead of run.world.crm.records('Lead')) {
    const eventId = lead['Pipeline_Event_Id__c'];
    if (typeof eventId === 'string') stamped.set(eventId, [...(stamped.get(eventId) ?? []), lead.Id]);
  }
  for (const trace of parked) {
    const outcome = trace.outcome as Extract<EventTrace['outcome'], { kind: 'parked' }>;
    const people = new Set([...touchedPeople(trace), ...(stamped.get(trace.eventId) ?? []), ...salesCreatedLeads(run, trace.eventId)]);
    if (outcome.personId !== undefined) people.add(outcome.personId);
    for (const personId of people) pending.set(personId, { personId, eventId: trace.eventId, job: outcome.job, reason: outcome.reason });
  }
  return pending;
}

/** The people an event's upsert created or updated, or its route read, in any of its runs. */
export function touchedPeople(trace: EventTrace): string[] {
  const ids: string[] = [];
  for (const segment of traceSegments(trace)) {
    for (const step of segment) {
      const id = step.job === 'upsertPerson' ? (step.output as { id?: unknown } | null)?.id : step.job === 'route' ? (step.input as { person?: { Id?: unknown } } | null)?.person?.Id : undefined;
      if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

function salesCreatedLeads(run: RunRecord, eventId: string): readonly string[] {
  const event = run.world.intake.received.get(eventId);
  return event?.entryPoint === 'sales-created' ? event.payload.ChangeEventHeader.recordIds : [];
}
