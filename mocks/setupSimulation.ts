import { setupServer } from 'msw/node';
import { Rng } from '../src/core/random.ts';
import { generateOrg } from '../src/org/generateOrg.ts';
import type { OrgSpec } from '../src/org/orgSpec.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT, SIM_ORIGINS } from '../src/world/credentials.ts';
import { createWorld, type World } from '../src/world/world.ts';
import type { FaultPlanInput } from './faults/faultPlan.ts';

/** Options of {@link setupSimulation}. */
export interface SetupSimulationOptions {
  /** Seed of the world and of the generated org (default 42). */
  readonly seed?: number;
  /** The org (default: generated from the seed, the same org `leadsim simulate` and `leadsim serve` use). */
  readonly org?: OrgSpec;
  readonly faults?: FaultPlanInput;
}

/** A running in-process simulation: the world, where each API answers, and its credentials. */
export interface SimulationServer {
  readonly world: World;
  readonly salesforce: { readonly instanceUrl: string; readonly accessToken: string; readonly version: string };
  readonly marketo: { readonly baseUrl: string; readonly identityUrl: string; readonly clientId: string; readonly clientSecret: string };
  readonly impartner: { readonly baseUrl: string; readonly apiKey: string; readonly tenantId: string };
  readonly intakeUrl: string;
  close(): void;
}

/**
 * Starts msw's `setupServer` with every simulated API of a freshly seeded world. Any request no simulated API
 * handles is an error (the request fails and nothing leaves the process), so a test can never reach a real CRM.
 */
export function setupSimulation(options: SetupSimulationOptions = {}): SimulationServer {
  const seed = options.seed ?? 42;
  const world = createWorld({ seed, org: options.org ?? generateOrg(new Rng(seed).fork('org')), ...(options.faults ? { faults: options.faults } : {}) });
  const server = setupServer(...world.handlers);
  // 'error' makes msw fail the request (fetch rejects) and log which one: it never reaches the network.
  server.listen({ onUnhandledRequest: 'error' });
  return {
    world,
    salesforce: { instanceUrl: SIM_ORIGINS.salesforce, accessToken: world.salesforceToken, version: '62.0' },
    marketo: { baseUrl: `${SIM_ORIGINS.marketo}/rest`, identityUrl: `${SIM_ORIGINS.marketo}/identity`, ...MARKETO_CLIENT },
    impartner: { baseUrl: SIM_ORIGINS.impartner, ...IMPARTNER_KEY },
    intakeUrl: `${SIM_ORIGINS.intake}/intake`,
    close: () => server.close(),
  };
}
