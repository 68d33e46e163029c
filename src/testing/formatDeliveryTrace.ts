import type { Violation } from '../invariants/violation.ts';
import { evidenceOf } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { requestText } from '../invariants/evidence/describeEvidence.ts';

/** Options of {@link formatDeliveryTrace}. */
export interface FormatDeliveryTraceOptions {
  /** Longest payload and value shown, in characters (default 160). */
  readonly maxValue?: number;
  /** Most requests listed per handling (default 30). */
  readonly maxRequests?: number;
}

/**
 * What a pipeline did with a delivery, from the evidence alone (for a pipeline of yours, which leaves no traces):
 * each handling of the delivery id with its answer, then every request it made with the status, and under each
 * request the CRM fields it changed.
 * @example
 * // delivery chat:w3-evt-000002 (chat) {"type":"conversation.lead_captured",…}
 * //   handling 1 → done
 * //     #14 GET /services/data/v62.0/query → 200
 * //     #15 POST /services/data/v62.0/sobjects/Lead → 201
 * //         Lead 00Q….Email: null → "ann@example.com"
 */
export function formatDeliveryTrace(run: RunRecord, eventId: string, options: FormatDeliveryTraceOptions = {}): string | undefined {
  const evidence = evidenceOf(run);
  const handlings = evidence?.handlingsOfId(eventId) ?? [];
  const first = handlings[0]?.delivery;
  if (!evidence || first === undefined) return undefined;
  const max = options.maxValue ?? 160;
  const lines = [`delivery ${eventId} (${first.entryPoint}) ${short(first.payload, max)}`];
  for (const h of handlings) {
    const answer = h.answer === undefined ? 'no answer' : h.answer.kind === 'rejected' ? `rejected: ${h.answer.reason}` : h.answer.kind === 'failed' ? `failed: ${h.answer.error}` : h.answer.kind === 'ignored' ? `ignored: ${h.answer.reason}` : 'done';
    lines.push(`  handling ${h.attempt}${h.delivery?.repeat ? ' (a repeat)' : ''} → ${answer}`);
    const writes = evidence.writesOf(h);
    const requests = evidence.requestsOf(h);
    for (const request of requests.slice(0, options.maxRequests ?? 30)) {
      lines.push(`    ${requestText(request)}`);
      for (const w of writes) if (w.requestId === request.id) lines.push(`        ${w.object} ${w.recordId}.${w.field}: ${short(w.oldValue ?? null, 60)} → ${short(w.newValue ?? null, 60)}`);
    }
    if (requests.length > (options.maxRequests ?? 30)) lines.push(`    … and ${requests.length - (options.maxRequests ?? 30)} more requests`);
  }
  return lines.join('\n');
}

/** The delivery a violation is about, from the evidence: its event, else the last delivery that wrote its person. */
export function deliveryOfViolation(run: RunRecord, violation: Violation | undefined): string | undefined {
  if (violation === undefined) return undefined;
  const evidence = evidenceOf(run);
  if (!evidence) return undefined;
  if (violation.eventId !== undefined && evidence.handlingsOfId(violation.eventId).length > 0) return violation.eventId;
  if (violation.personId === undefined) return undefined;
  const writes = evidence.historyOf(violation.personId);
  for (let i = writes.length - 1; i >= 0; i--) {
    const handling = evidence.handlingOf(writes[i]!);
    if (handling?.kind === 'delivery') return handling.id;
  }
  return undefined;
}

function short(value: unknown, max: number): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}
