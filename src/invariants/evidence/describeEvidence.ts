import type { Handling } from '../../evidence/deliveryLog.ts';
import type { RunEvidence } from '../../evidence/runEvidence.ts';
import type { SystemRequest } from '../../evidence/systemRequestLog.ts';
import type { HistoryEntry } from '../../systems/crm/fieldHistory.ts';

/** A request as violations show it: `#12 POST /services/data/v62.0/sobjects/Lead → 201`. */
export function requestText(request: SystemRequest | undefined): string {
  if (request === undefined) return 'no request';
  const status = request.fault ? `${request.status ?? 'no answer'} (${request.fault})` : String(request.status ?? 'no answer');
  return `#${request.seq} ${request.method} ${request.path.split('?')[0]} → ${status}`;
}

/** A handling as violations show it: `delivery evt-000003 (web-form)`, `its second handling`, `re-run …`. */
export function handlingText(handling: Handling | undefined): string {
  if (handling === undefined) return 'no delivery';
  if (handling.kind !== 'delivery') return `${handling.kind === 'rerun' ? 'the routing re-run' : 'the routing after the recall'} ${handling.id}`;
  const d = handling.delivery;
  return `delivery ${handling.id} (${d?.entryPoint ?? '?'}${d?.repeat ? ', a repeat' : ''}${handling.attempt > 1 ? `, handling ${handling.attempt}` : ''})`;
}

/** A user as violations show it: `Integration User (005…)`, with the role when it has one. */
export function userText(evidence: RunEvidence, userId: string): string {
  const user = evidence.crm.get('User', userId);
  if (!user) return userId;
  return `${String(user['Name'] ?? userId)} (${userId}${user['Role__c'] ? `, ${String(user['Role__c'])}` : ''})`;
}

/** Who made a change and how, as evidence data. */
export function changeEvidence(evidence: RunEvidence, entry: HistoryEntry): Record<string, unknown> {
  const request = evidence.requestOf(entry);
  const handling = evidence.handlingOf(entry);
  return {
    field: `${entry.object}.${entry.field}`,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
    by: userText(evidence, entry.userId),
    at: new Date(entry.at).toISOString(),
    request: request ? requestText(request) : null,
    during: handling ? handlingText(handling) : null,
  };
}

/** A handling as evidence data: the delivery, the pipeline's answer, and the requests it made. */
export function handlingEvidence(evidence: RunEvidence, handling: Handling): Record<string, unknown> {
  return {
    handling: handlingText(handling),
    answer: handling.answer ?? null,
    requests: evidence.requestsOf(handling).map(requestText),
  };
}
