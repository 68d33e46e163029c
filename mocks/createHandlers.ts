import type { RequestHandler } from 'msw';
import type { World } from '../src/world/world.ts';
import { faultHandler } from './faults/faultHandler.ts';
import { impartnerHandlers } from './impartner/impartnerHandlers.ts';
import { marketoHandlers } from './marketo/marketoHandlers.ts';
import { intakeHandlers } from './pipeline/intakeHandlers.ts';
import { salesforceHandlers } from './salesforce/handlers.ts';

/**
 * Every simulated API of a world as MSW handlers: Salesforce, Marketo, Impartner and the pipeline's intake
 * webhook, matched on any origin. When the world has a fault plan, the fault handler goes first.
 */
export function createHandlers(world: Pick<World, 'crm' | 'marketo' | 'impartner' | 'intake' | 'faults'>): RequestHandler[] {
  const systems: RequestHandler[] = [
    ...salesforceHandlers({ crm: world.crm }),
    ...marketoHandlers({ marketo: world.marketo }),
    ...impartnerHandlers({ impartner: world.impartner }),
    ...intakeHandlers(world.intake),
  ];
  return world.faults ? [faultHandler(world.faults, () => systems), ...systems] : systems;
}
