import { noEventLostEvidence } from './evidence/noEventLostEvidence.ts';
import { defineInvariant } from './invariant.ts';
import { tracesById } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/**
 * No inbound event is lost. Evidence form ({@link noEventLostEvidence}: deliveries, request log, records): every
 * delivery was handled and answered, and ends processed or merged (a person with its email), rejected with a reason
 * or silently (it wrote nothing), or parked with an error. Trace form (the reference pipeline): every event the
 * intake accepted has exactly one trace, and that trace has an outcome (created, merged, rejected with a reason, or
 * parked with a reason); no trace belongs to an event the intake never accepted; and the counts balance: accepted =
 * created + merged + rejected + parked.
 */
export const noEventLost = defineInvariant({
  id: 'no-event-lost',
  title: 'No inbound event is lost',
  description: 'Every delivery was handled and ends processed or merged (a CRM person with its email), rejected (with a reason, or by writing nothing), or parked with a reason.',
  evidence: ['deliveries', 'request log', 'records'],
  checkEvidence: noEventLostEvidence,
  checkTraces(run) {
    const received = run.world.intake.received;
    const byId = tracesById(run.traces);
    const out: Violation[] = [];
    const counts = { created: 0, merged: 0, rejected: 0, parked: 0 };
    for (const [eventId, event] of received) {
      const traces = byId.get(eventId) ?? [];
      // Made only for a violation: reading a summarized trace's steps decodes them.
      const summary = () => ({ eventId, entryPoint: event.entryPoint, receivedAt: event.receivedAt, traces: traces.map((t) => ({ outcome: t.outcome ?? null, runs: t.runs, jobs: t.steps.map((s) => s.job) })) });
      if (traces.length !== 1) {
        out.push({ invariant: 'no-event-lost', message: `Event ${eventId} (${event.entryPoint}) was accepted and has ${traces.length} traces; expected exactly one.`, eventId, evidence: summary() });
        continue;
      }
      const outcome = traces[0]!.outcome;
      if (outcome === undefined) {
        out.push({ invariant: 'no-event-lost', message: `Event ${eventId} (${event.entryPoint}) has a trace without an outcome; expected created, merged, rejected or parked.`, eventId, evidence: summary() });
        continue;
      }
      if ((outcome.kind === 'rejected' || outcome.kind === 'parked') && outcome.reason.trim() === '') {
        out.push({ invariant: 'no-event-lost', message: `Event ${eventId} was ${outcome.kind} at ${outcome.job} without a reason; expected the reason.`, eventId, evidence: summary() });
      }
      counts[outcome.kind] += 1;
    }
    for (const [eventId, traces] of byId) {
      if (received.has(eventId)) continue;
      out.push({ invariant: 'no-event-lost', message: `Event ${eventId} has ${traces.length} trace(s) but the intake never accepted it; expected traces only for accepted events.`, eventId, evidence: traces.map((t) => ({ entryPoint: t.entryPoint, outcome: t.outcome ?? null })) });
    }
    const total = counts.created + counts.merged + counts.rejected + counts.parked;
    if (total !== received.size) {
      out.push({
        invariant: 'no-event-lost',
        message: `The intake accepted ${received.size} events, but ${counts.created} created + ${counts.merged} merged + ${counts.rejected} rejected + ${counts.parked} parked = ${total}; expected the counts to balance.`,
        evidence: { accepted: received.size, ...counts },
      });
    }
    return out;
  },
});
