import type { RequestHandler } from 'msw';
import { SIM_ORIGINS } from '../src/world/credentials.ts';
import type { World } from '../src/world/world.ts';
import { faultHandler } from './faults/faultHandler.ts';
import { impartnerHandlers, impartnerNotFound } from './impartner/impartnerHandlers.ts';
import { RequestIds } from './marketo/marketoEnvelope.ts';
import { marketoHandlers, marketoNotFound } from './marketo/marketoHandlers.ts';
import { intakeHandlers, intakeNotFound } from './pipeline/intakeHandlers.ts';
import { recordRequests } from './recordRequests.ts';
import { salesforceHandlers, salesforceNotFound } from './salesforce/handlers.ts';
import { unknownPathHandlers, vendorOf, type UnknownPathOptions } from './unknownPath.ts';

/**
 * Every simulated API of a world as MSW handlers: Salesforce, Marketo, Impartner and the pipeline's intake
 * webhook, matched on any origin, each request written to the world's request log. Each vendor ends with a
 * catch-all that answers a path it does not know in its own error shape and records it in `world.unknownRequests`;
 * a world strict about paths has no catch-all, so such a request stays unhandled. When the world has a fault plan,
 * the fault handler goes first.
 */
export function createHandlers(world: Pick<World, 'crm' | 'marketo' | 'impartner' | 'intake' | 'faults' | 'clock' | 'unknownRequests' | 'strictPaths' | 'requests'>): RequestHandler[] {
  // Each vendor's own catch-all is left out: one set at the end answers for all of them, so no catch-all of one
  // vendor stands before another vendor's real handlers.
  const own: UnknownPathOptions = { answer: false };
  const requestIds = new RequestIds();
  const systems: RequestHandler[] = [
    ...recordRequests('salesforce', salesforceHandlers({ crm: world.crm, instanceUrl: SIM_ORIGINS.salesforce, unknownPaths: own }), world),
    ...recordRequests('marketo', marketoHandlers({ marketo: world.marketo, requestIds, unknownPaths: own }), world),
    ...recordRequests('impartner', impartnerHandlers({ impartner: world.impartner, unknownPaths: own }), world),
    ...recordRequests('intake', intakeHandlers(world.intake, own), world),
    ...recordRequests(
      (url) => vendorOf(url) ?? 'intake',
      unknownPathHandlers(
        { salesforce: salesforceNotFound, marketo: marketoNotFound(requestIds), impartner: impartnerNotFound, intake: intakeNotFound },
        { answer: !world.strictPaths, onUnknown: (request, system) => world.unknownRequests.push({ method: request.method, url: request.url, system, at: world.clock.now() }) },
      ),
      world,
    ),
  ];
  return world.faults ? [faultHandler(world.faults, () => systems, world.requests), ...systems] : systems;
}
