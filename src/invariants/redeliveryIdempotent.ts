import { redeliveryIdempotentEvidence } from './evidence/redeliveryIdempotentEvidence.ts';
import { defineInvariant } from './invariant.ts';
import { tracesById } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/**
 * Delivering the same event twice changes nothing. Evidence form ({@link redeliveryIdempotentEvidence}: deliveries,
 * field histories): a handling of an id the pipeline already answered (done or rejected) changes no field in any
 * system. Trace form (the reference pipeline): no event id has more than one trace (the intake acknowledges and
 * ignores a repeat), and every event the run delivered again has exactly one trace.
 */
export const redeliveryIdempotent = defineInvariant({
  id: 'redelivery-idempotent',
  title: 'Delivering an event twice changes nothing',
  description: 'A delivery made again with the same idempotency key (or handled again) after the pipeline answered it changes no field in the CRM, Marketo or Impartner.',
  evidence: ['deliveries', 'field history', 'request log'],
  checkEvidence: redeliveryIdempotentEvidence,
  checkTraces(run) {
    const byId = tracesById(run.traces);
    const out: Violation[] = [];
    const evidence = (eventId: string) => ({
      redelivered: run.redelivered.includes(eventId),
      traces: (byId.get(eventId) ?? []).map((t) => ({ entryPoint: t.entryPoint, receivedAt: t.receivedAt, outcome: t.outcome ?? null })),
    });
    for (const [eventId, traces] of byId) {
      if (traces.length > 1) {
        out.push({ invariant: 'redelivery-idempotent', message: `Event ${eventId} was processed ${traces.length} times; expected a repeated delivery to be acknowledged and ignored.`, eventId, evidence: evidence(eventId) });
      }
    }
    for (const eventId of new Set(run.redelivered)) {
      const count = byId.get(eventId)?.length ?? 0;
      if (count === 0) {
        out.push({ invariant: 'redelivery-idempotent', message: `Event ${eventId} was delivered twice and has no trace; expected exactly one.`, eventId, evidence: evidence(eventId) });
      }
    }
    return out;
  },
});
