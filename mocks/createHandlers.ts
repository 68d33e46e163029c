import type { RequestHandler } from 'msw';
import { SIM_ORIGINS } from '../src/world/credentials.ts';
import type { World } from '../src/world/world.ts';
import { faultHandler } from './faults/faultHandler.ts';
import { impartnerHandlers } from './impartner/impartnerHandlers.ts';
import { marketoHandlers } from './marketo/marketoHandlers.ts';
import { intakeHandlers } from './pipeline/intakeHandlers.ts';
import { salesforceHandlers } from './salesforce/handlers.ts';
import type { UnknownPathOptions } from './unknownPath.ts';

/**
 * Every simulated API of a world as MSW handlers: Salesforce, Marketo, Impartner and the pipeline's intake
 * webhook, matched on any origin. Each vendor ends with a catch-all that answers a path it does not know in its own
 * error shape (or leaves it unhandled when the world is strict about paths) and records it in
 * `world.unknownRequests`. When the world has a fault plan, the fault handler goes first.
 */
export function createHandlers(world: Pick<World, 'crm' | 'marketo' | 'impartner' | 'intake' | 'faults' | 'clock' | 'unknownRequests' | 'strictPaths'>): RequestHandler[] {
  const unknownPaths: UnknownPathOptions = {
    strict: () => world.strictPaths,
    onUnknown: (request, system) => world.unknownRequests.push({ method: request.method, url: request.url, system, at: world.clock.now() }),
  };
  const systems: RequestHandler[] = [
    ...salesforceHandlers({ crm: world.crm, instanceUrl: SIM_ORIGINS.salesforce, unknownPaths }),
    ...marketoHandlers({ marketo: world.marketo, unknownPaths }),
    ...impartnerHandlers({ impartner: world.impartner, unknownPaths }),
    ...intakeHandlers(world.intake, unknownPaths),
  ];
  return world.faults ? [faultHandler(world.faults, () => systems), ...systems] : systems;
}
