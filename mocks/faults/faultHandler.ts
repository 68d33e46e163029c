import { http, HttpResponse, getResponse, type HttpHandler, type RequestHandler } from 'msw';
import type { SystemRequestLog } from '../../src/evidence/systemRequestLog.ts';
import { ANSWER_LOST_HEADER } from '../recordRequests.ts';
import type { FaultInjector } from './faultInjector.ts';
import type { FaultKind, SystemName } from './faultPlan.ts';
import { cloneRequest } from '../../src/core/inProcessBody.ts';

/**
 * An MSW handler that goes first and injects the injector's faults in each vendor's own shape. It matches only the
 * requests it injects a fault into (a custom predicate asks the injector), so a request without a fault is not
 * matched here at all: the real handlers answer it, or it stays unhandled (msw's `onUnhandledRequest`, the dispatch
 * transport's refusal). A handler that matched and answered nothing would make msw send the request to the network.
 * For a lost response it runs the real handlers (so the write is applied) and then answers with a network error.
 * With a request log, a fault that replaces the answer is logged with its kind, and the applied request of a lost
 * response is marked `lostResponse`.
 */
export function faultHandler(injector: FaultInjector, handlers: () => readonly RequestHandler[], log?: SystemRequestLog): HttpHandler {
  // msw hands the predicate and the resolver the same Request: the decision is taken once, in the predicate.
  const decided = new WeakMap<Request, { system: SystemName; kind: FaultKind }>();
  const injects = ({ request }: { request: Request }): boolean => {
    const fault = injector.decide(request);
    if (fault) decided.set(request, fault);
    return fault !== undefined;
  };
  return http.all(injects, async ({ request, requestId }) => {
    const fault = decided.get(request)!;
    if (fault.kind === 'lostResponse') {
      const copy = cloneRequest(request);
      copy.headers.set(ANSWER_LOST_HEADER, '1');
      await getResponse([...handlers()], copy);
      return HttpResponse.error();
    }
    const response = fault.kind === 'timeout' ? HttpResponse.error() : vendorFault(fault.system, fault.kind);
    if (log) {
      const url = new URL(request.url);
      const entry = log.begin({ id: requestId, system: fault.system, method: request.method, path: url.pathname + url.search, credential: undefined });
      entry.fault = fault.kind;
      entry.status = response.type === 'error' ? 0 : response.status;
    }
    return response;
  });
}

/** The answer each vendor gives for a server error or a rate limit. */
export function vendorFault(system: SystemName, kind: Exclude<FaultKind, 'timeout' | 'lostResponse'>): Response {
  switch (system) {
    case 'salesforce':
      return kind === 'serverError'
        ? HttpResponse.json([{ message: 'Server temporarily unavailable.', errorCode: 'SERVER_UNAVAILABLE' }], { status: 503 })
        : HttpResponse.json([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], { status: 403 });
    case 'marketo':
      return HttpResponse.json({
        requestId: 'fault#0',
        success: false,
        errors: [kind === 'serverError' ? { code: '608', message: 'API Temporarily Unavailable' } : { code: '606', message: "Max rate limit '100' exceeded with in '20' secs" }],
      });
    case 'impartner':
      return kind === 'serverError'
        ? HttpResponse.json({ success: false, message: 'Service Unavailable' }, { status: 503 })
        : HttpResponse.json({ success: false, message: 'Too Many Requests' }, { status: 429 });
  }
}
