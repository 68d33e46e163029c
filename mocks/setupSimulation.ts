import { setupServer } from 'msw/node';
import { Rng } from '../src/core/random.ts';
import { generateOrg } from '../src/org/generateOrg.ts';
import type { OrgSpec } from '../src/org/orgSpec.ts';
import { ServeClock, type ClockMode } from '../src/server/serveClock.ts';
import { guardNetwork } from '../src/transport/networkGuard.ts';
import type { OrgSettingsInput } from '../src/systems/crm/orgSettings.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT, SALESFORCE_CLIENT, SIM_ORIGINS } from '../src/world/credentials.ts';
import { createWorld, type UnknownRequest, type World } from '../src/world/world.ts';
import type { FaultPlanInput } from './faults/faultPlan.ts';

/** Options of {@link setupSimulation}. */
export interface SetupSimulationOptions {
  /** Seed of the world and of the generated org (default 42). */
  readonly seed?: number;
  /** The org (default: generated from the seed, the same org `leadsim simulate` and `leadsim serve` use). */
  readonly org?: OrgSpec;
  readonly faults?: FaultPlanInput;
  /** Salesforce org settings: duplicate rule actions, state and country picklists (defaults in orgSettings.ts). */
  readonly orgSettings?: OrgSettingsInput;
  /**
   * `manual` (default): simulated time moves only when the test moves it (`sim.clock.advance(ms)`), so runs are
   * deterministic. `wall`: it follows the wall clock from the seeded start, as under `leadsim serve`.
   */
  readonly clock?: ClockMode;
  /**
   * `true` (default): a path no simulated API knows, even under a vendor's host (`https://…mktorest.com/rest/asset/v9`),
   * fails as unhandled (msw's `onUnhandledRequest: 'error'`), like a request to any other host: a test notices every
   * call the simulation does not model. `false`: it is answered in the vendor's own error shape, as `leadsim serve`
   * does (Salesforce's NOT_FOUND array, Marketo's 610 envelope, Impartner's `{success:false}`), and recorded in
   * `sim.unknownRequests`.
   */
  readonly strictPaths?: boolean;
}

/** A running in-process simulation: the world, where each API answers, and its credentials. */
export interface SimulationServer {
  readonly world: World;
  /** `clientId` / `clientSecret`: the connected app's consumer key and secret, for the OAuth token endpoint (`oauth2` in jsforce). */
  readonly salesforce: { readonly instanceUrl: string; readonly accessToken: string; readonly version: string; readonly clientId: string; readonly clientSecret: string };
  readonly marketo: { readonly baseUrl: string; readonly identityUrl: string; readonly clientId: string; readonly clientSecret: string };
  readonly impartner: { readonly baseUrl: string; readonly apiKey: string; readonly tenantId: string };
  readonly intakeUrl: string;
  /** The simulated clock: `advance(ms)`, `now()` (wall mode brings it up to date first). */
  readonly clock: { now(): number; advance(ms: number): number };
  /** Requests to a vendor's host or path that no simulated API knows and a catch-all answered (`strictPaths: false`). */
  readonly unknownRequests: readonly UnknownRequest[];
  close(): void;
}

/**
 * Starts msw's `setupServer` with every simulated API of a freshly seeded world. Any request no simulated API handles
 * is an error (the request fails and nothing leaves the process), so a test can never reach a real CRM; with
 * `strictPaths: false`, paths a vendor does not know are answered in that vendor's error shape instead. Until
 * `close()`, every connection off loopback is refused too (guardNetwork): clients msw cannot intercept, such as the
 * `undici` package, fail with NetworkRefusedError instead of reaching the network.
 */
export function setupSimulation(options: SetupSimulationOptions = {}): SimulationServer {
  const seed = options.seed ?? 42;
  const world = createWorld({
    seed,
    org: options.org ?? generateOrg(new Rng(seed).fork('org')),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.orgSettings ? { orgSettings: options.orgSettings } : {}),
    strictPaths: options.strictPaths ?? true,
  });
  const clock = new ServeClock(options.clock ?? 'manual', () => world.clock);
  const server = setupServer(...world.handlers);
  // With the wall clock, every intercepted request first brings simulated time up to date (an event, not a
  // pass-through handler: msw would send a request a handler matched but did not answer to the network).
  if (options.clock === 'wall') server.events.on('request:start', () => void clock.sync());
  // 'error' makes msw fail the request (fetch rejects) and log which one: it never reaches the network.
  server.listen({ onUnhandledRequest: 'error' });
  const network = guardNetwork();
  return {
    world,
    salesforce: { instanceUrl: SIM_ORIGINS.salesforce, accessToken: world.salesforceToken, version: '62.0', ...SALESFORCE_CLIENT },
    marketo: { baseUrl: `${SIM_ORIGINS.marketo}/rest`, identityUrl: `${SIM_ORIGINS.marketo}/identity`, ...MARKETO_CLIENT },
    impartner: { baseUrl: SIM_ORIGINS.impartner, ...IMPARTNER_KEY },
    intakeUrl: `${SIM_ORIGINS.intake}/intake`,
    clock: { now: () => clock.sync(), advance: (ms) => clock.advance(ms) },
    unknownRequests: world.unknownRequests,
    close: () => {
      server.close();
      network.release();
    },
  };
}
