import type { RequestHandler } from 'msw';
import type { World } from '../src/world/world.ts';
import { faultHandler } from './faults/faultHandler.ts';
import { impartnerHandlers } from './impartner/impartnerHandlers.ts';
import { marketoHandlers } from './marketo/marketoHandlers.ts';
import { intakeHandlers } from './pipeline/intakeHandlers.ts';
import { recordRequests } from './recordRequests.ts';
import { salesforceHandlers } from './salesforce/handlers.ts';

/**
 * Every simulated API of a world as MSW handlers: Salesforce, Marketo, Impartner and the pipeline's intake
 * webhook, matched on any origin, each request written to the world's request log. When the world has a fault plan,
 * the fault handler goes first.
 */
export function createHandlers(world: Pick<World, 'crm' | 'marketo' | 'impartner' | 'intake' | 'faults' | 'requests'>): RequestHandler[] {
  const systems: RequestHandler[] = [
    ...recordRequests('salesforce', salesforceHandlers({ crm: world.crm }), world),
    ...recordRequests('marketo', marketoHandlers({ marketo: world.marketo }), world),
    ...recordRequests('impartner', impartnerHandlers({ impartner: world.impartner }), world),
    ...recordRequests('intake', intakeHandlers(world.intake), world),
  ];
  return world.faults ? [faultHandler(world.faults, () => systems, world.requests), ...systems] : systems;
}
