import { http, HttpResponse, getResponse, type HttpHandler, type RequestHandler } from 'msw';
import type { FaultInjector } from './faultInjector.ts';
import type { FaultKind, SystemName } from './faultPlan.ts';
import { cloneRequest } from '../../src/core/inProcessBody.ts';

/**
 * An MSW handler that goes first and injects the injector's faults in each vendor's own shape. It matches only the
 * requests it injects a fault into (a custom predicate asks the injector), so a request without a fault is not
 * matched here at all: the real handlers answer it, or it stays unhandled (msw's `onUnhandledRequest`, the dispatch
 * transport's refusal). A handler that matched and answered nothing would make msw send the request to the network.
 * For a lost response it runs the real handlers (so the write is applied) and then answers with a network error.
 */
export function faultHandler(injector: FaultInjector, handlers: () => readonly RequestHandler[]): HttpHandler {
  // msw hands the predicate and the resolver the same Request: the decision is taken once, in the predicate.
  const decided = new WeakMap<Request, { system: SystemName; kind: FaultKind }>();
  const injects = ({ request }: { request: Request }): boolean => {
    const fault = injector.decide(request);
    if (fault) decided.set(request, fault);
    return fault !== undefined;
  };
  return http.all(injects, async ({ request }) => {
    const fault = decided.get(request)!;
    if (fault.kind === 'timeout') return HttpResponse.error();
    if (fault.kind === 'lostResponse') {
      await getResponse([...handlers()], cloneRequest(request));
      return HttpResponse.error();
    }
    return vendorFault(fault.system, fault.kind);
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
