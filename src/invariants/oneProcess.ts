import { isSalesUser } from '../systems/crm/schema.ts';
import { PIPELINE_JOBS } from '../pipeline/jobNames.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { HistoryEntry } from '../systems/crm/fieldHistory.ts';
import type { SRecord } from '../systems/crm/recordSource.ts';
import { oneProcessEvidence } from './evidence/oneProcessEvidence.ts';
import { defineInvariant } from './invariant.ts';
import { stepEvidence, traceSegments, tracesById } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/** The roles of the sales reps whose API-created leads reach the pipeline as `sales-created` events. */

/**
 * DOMAIN.md invariant 2. Evidence form ({@link oneProcessEvidence}: field history, request log, deliveries): every
 * lead created during the run was created by the pipeline's credential while handling exactly one delivery, for
 * that delivery's person, or by a sales rep and named by exactly one handled sales-created delivery; nobody else
 * created one. Trace form (the reference pipeline): its creation's workflow is `pipeline:*` and its
 * `Pipeline_Event_Id__c` names an event whose one trace created it, or a rep created it and exactly one
 * `sales-created` event processed it; and every trace ran the jobs in the one order of {@link PIPELINE_JOBS}, each
 * run of it a prefix of that order that stops only where the event was rejected or parked.
 */
export const oneProcess = defineInvariant({
  id: 'one-process',
  title: 'One process',
  description:
    'Every lead created during the run was created by the pipeline for exactly one delivery (its own credential, that delivery\'s person), or by a sales rep and processed by exactly one sales-created delivery; nobody else creates leads; the reference pipeline runs its jobs in the one order.',
  evidence: ['field history', 'request log', 'deliveries'],
  checkEvidence: oneProcessEvidence,
  checkTraces(run) {
    return [...leadOrigins(run), ...run.traces.flatMap(jobOrder)];
  },
});

function leadOrigins(run: RunRecord): Violation[] {
  const crm = run.world.crm;
  const byEvent = tracesById(run.traces);
  const salesEvents = salesCreatedEventsByLead(run);
  const createdFor = new Map<string, string[]>();
  const out: Violation[] = [];
  for (const lead of crm.records('Lead', { includeDeleted: true })) {
    const created = crm.fieldHistory.first(lead.Id);
    if (created === undefined || isSeeded(created, run.startedAt)) continue;
    const creator = crm.get('User', created.userId);
    const who = creator ? `${String(creator['Name'] ?? creator.Id)} (${created.userId}${creator['Role__c'] ? `, ${String(creator['Role__c'])}` : ''})` : created.userId;
    const fail = (message: string, eventId?: string, traces?: readonly EventTrace[]): void => {
      const createdBy = { userId: created.userId, name: creator?.['Name'] ?? null, workflow: created.workflow ?? null, at: created.at };
      out.push({ invariant: 'one-process', message, personId: lead.Id, ...(eventId ? { eventId } : {}), evidence: { record: leadEvidence(lead), createdBy, ...(traces ? { traces: traces.map(traceEvidence) } : {}) } });
    };
    if (created.workflow?.startsWith('pipeline:')) {
      const eventId = lead['Pipeline_Event_Id__c'];
      if (typeof eventId !== 'string' || eventId === '') {
        fail(`Lead ${lead.Id} was created by ${created.workflow} without Pipeline_Event_Id__c; expected every pipeline-created lead to name the event it was created for.`);
        continue;
      }
      const siblings = createdFor.get(eventId) ?? [];
      siblings.push(lead.Id);
      createdFor.set(eventId, siblings);
      if (siblings.length > 1) {
        fail(`Lead ${lead.Id} is a second lead created for event ${eventId} (the first is ${siblings[0]}); expected exactly one create per inbound event.`, eventId, byEvent.get(eventId));
        continue;
      }
      const traces = byEvent.get(eventId) ?? [];
      if (traces.length !== 1) {
        fail(`Lead ${lead.Id} was created for event ${eventId}, which has ${traces.length} traces; expected exactly one.`, eventId, traces);
        continue;
      }
      const trace = traces[0]!;
      if (!traceCreated(trace, lead.Id)) {
        fail(`Lead ${lead.Id} was created for event ${eventId}, but that event's trace ended ${describeOutcome(trace)}; expected the trace to have created ${lead.Id}.`, eventId, traces);
      }
      continue;
    }
    if (created.workflow === undefined && isSalesUser(creator)) {
      const eventIds = salesEvents.get(lead.Id) ?? [];
      const traces = eventIds.flatMap((id) => byEvent.get(id) ?? []);
      if (traces.length !== 1) {
        fail(`Lead ${lead.Id} was created by sales rep ${who} and processed by ${traces.length} sales-created event traces (events: ${eventIds.join(', ') || 'none'}); expected exactly one.`, eventIds[0], traces);
      }
      continue;
    }
    fail(`Lead ${lead.Id} was created by ${who} through ${created.workflow ?? 'the API without a workflow'}, outside the pipeline; expected every lead to be created by the pipeline or by a sales rep.`);
  }
  return out;
}

function isSeeded(created: HistoryEntry, startedAt: number): boolean {
  return created.at < startedAt || created.workflow === 'seed' || created.workflow === 'bootstrap';
}

/** The sales-created event ids each rep-created lead id raised (from the intake's received events and the traces). */
function salesCreatedEventsByLead(run: RunRecord): Map<string, string[]> {
  const byLead = new Map<string, string[]>();
  const add = (leadId: string, eventId: string): void => {
    const list = byLead.get(leadId) ?? [];
    if (!list.includes(eventId)) list.push(eventId);
    byLead.set(leadId, list);
  };
  for (const event of run.world.intake.received.values()) {
    if (event.entryPoint === 'sales-created') for (const id of event.payload.ChangeEventHeader.recordIds) add(id, event.id);
  }
  for (const trace of run.traces) {
    if (trace.entryPoint !== 'sales-created') continue;
    const header = (trace.steps.find((s) => s.job === 'transform')?.input as { ChangeEventHeader?: { recordIds?: unknown } } | undefined)?.ChangeEventHeader;
    if (Array.isArray(header?.recordIds)) for (const id of header.recordIds) if (typeof id === 'string') add(id, trace.eventId);
    const outcome = trace.outcome;
    if (outcome && (outcome.kind === 'created' || outcome.kind === 'merged')) add(outcome.personId, trace.eventId);
  }
  return byLead;
}

/** Whether `trace` is the creation of `leadId`: its outcome names the lead as created, or it stopped after creating it. */
function traceCreated(trace: EventTrace, leadId: string): boolean {
  const outcome = trace.outcome;
  if (outcome === undefined) return false;
  if (outcome.kind === 'created') return outcome.personId === leadId;
  if (outcome.kind === 'merged') return false;
  if (outcome.kind === 'parked' && outcome.personId !== undefined) return outcome.personId === leadId;
  // Parked or rejected after the create: the upsert step says what it created (a lost answer leaves no output).
  const upserts = trace.steps.filter((s) => s.job === 'upsertPerson');
  return upserts.length > 0 && upserts.every((s) => (s.output as { id?: unknown } | null)?.id === undefined || (s.output as { id?: unknown }).id === leadId);
}

function describeOutcome(trace: EventTrace): string {
  const o = trace.outcome;
  if (o === undefined) return 'without an outcome';
  switch (o.kind) {
    case 'created':
    case 'merged':
      return `${o.kind} with ${o.personType} ${o.personId}`;
    case 'rejected':
    case 'parked':
      return `${o.kind} at ${o.job} (${o.reason})`;
  }
}

function jobOrder(trace: EventTrace): Violation[] {
  const segments = traceSegments(trace);
  const out: Violation[] = [];
  segments.forEach((segment, index) => {
    const jobs = segment.map((s) => s.job);
    const last = index === segments.length - 1;
    const fail = (why: string): void => {
      out.push({
        invariant: 'one-process',
        message: `Event ${trace.eventId} (${trace.entryPoint}) run ${index + 1} ran ${jobs.join(' → ')}: ${why}; expected ${PIPELINE_JOBS.join(' → ')}, stopping early only at a rejection or a park.`,
        eventId: trace.eventId,
        ...(personOf(trace) ? { personId: personOf(trace)! } : {}),
        evidence: { outcome: trace.outcome ?? null, run: index + 1, steps: segment.map(stepEvidence) },
      });
    };
    const wrong = jobs.findIndex((job, i) => job !== PIPELINE_JOBS[i]);
    if (wrong >= 0) return fail(`step ${wrong + 1} is ${jobs[wrong]} where ${PIPELINE_JOBS[wrong] ?? 'nothing'} belongs`);
    const complete = jobs.length === PIPELINE_JOBS.length;
    const stopped = segment[segment.length - 1]!;
    if (!last) {
      // A run that was tried again must have been parked at its last step (the step's status says so).
      const parked = 'status' in stopped ? stopped.status === 'parked' : (stopped as { error?: string }).error !== undefined;
      if (!parked) fail(`a run that was tried again ended at ${stopped.job} without being parked there`);
      return;
    }
    const o = trace.outcome;
    if (o === undefined) return fail('the event has no outcome');
    if ((o.kind === 'created' || o.kind === 'merged') && !complete) return fail(`the event ended ${o.kind} after only ${jobs.length} of ${PIPELINE_JOBS.length} jobs`);
    if ((o.kind === 'rejected' || o.kind === 'parked') && stopped.job !== o.job) return fail(`the event was ${o.kind} at ${o.job} but its last step is ${stopped.job}`);
  });
  return out;
}

function personOf(trace: EventTrace): string | undefined {
  const o = trace.outcome;
  return o && 'personId' in o ? o.personId : undefined;
}

function leadEvidence(lead: SRecord): Record<string, unknown> {
  const pick = ['Id', 'Email', 'LeadSource', 'OwnerId', 'CreatedById', 'CreatedDate', 'Pipeline_Event_Id__c', 'IsConverted', 'IsDeleted'];
  return Object.fromEntries(pick.map((f) => [f, lead[f] ?? null]));
}

function traceEvidence(trace: EventTrace): Record<string, unknown> {
  return { eventId: trace.eventId, entryPoint: trace.entryPoint, outcome: trace.outcome ?? null, steps: trace.steps.filter((s) => s.job === 'intake' || s.job === 'upsertPerson').map(stepEvidence) };
}
