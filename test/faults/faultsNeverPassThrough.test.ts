import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import { UnhandledRequestError } from '../../src/transport/unhandledRequestError.ts';
import { createWorld } from '../../src/world/world.ts';
import type { FaultPlanInput } from '../../mocks/faults/faultPlan.ts';

/** msw on a faulty world, recording what it finds unhandled; 'error' fails those requests before any socket opens. */
function faultyServer(faults: FaultPlanInput) {
  const world = createWorld({ seed: 3, org: generateOrg(new Rng(3).fork('org')), faults, strictPaths: true });
  const server = setupServer(...world.handlers);
  const unhandled: string[] = [];
  const passedThrough: string[] = [];
  server.events.on('request:unhandled', ({ request }) => void unhandled.push(request.url));
  server.events.on('response:bypass', ({ request }) => void passedThrough.push(request.url));
  server.listen({ onUnhandledRequest: 'error' });
  return { world, server, unhandled, passedThrough };
}

describe('with faults on, a request no simulated API knows stays unhandled (never sent to the network)', () => {
  let close = () => {};
  afterEach(() => close());

  it('refuses a request to an unknown origin under msw, however many faults are injected', async () => {
    const sim = faultyServer({ serverError: 0.1, timeout: 0.1 });
    close = () => sim.server.close();
    for (const url of ['https://example.invalid/', 'https://api.example.invalid/other/data/v62.0/limits?x=1']) {
      await expect(fetch(url)).rejects.toThrow();
    }
    expect(sim.unhandled).toEqual(['https://example.invalid/', 'https://api.example.invalid/other/data/v62.0/limits?x=1']);
    expect(sim.passedThrough).toEqual([]);
    // Requests the simulation knows are still answered, or faulted, in process.
    const limits = () => fetch('https://leadsim.my.salesforce.com/services/data/v62.0/limits', { headers: { Authorization: `Bearer ${sim.world.salesforceToken}` } }).then((r) => r.status, () => 'no answer');
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await limits());
    expect(new Set(answers)).toEqual(new Set([200, 503, 'no answer']));
    expect(sim.passedThrough).toEqual([]);
  });

  it('leaves a vendor path no handler knows unhandled when faults skip that system (strict paths)', async () => {
    const sim = faultyServer({ serverError: 0.5, systems: ['impartner'] });
    close = () => sim.server.close();
    await expect(fetch('https://leadsim.my.salesforce.com/services/apexrest/Leads')).rejects.toThrow();
    expect(sim.unhandled).toEqual(['https://leadsim.my.salesforce.com/services/apexrest/Leads']);
    expect(sim.passedThrough).toEqual([]);
  });

  it.each(['msw', 'dispatch'] as const)('the %s transport of a faulty harness refuses an unknown origin', async (transport) => {
    const h = await createHarness({ seed: 3, faults: { serverError: 0.2 }, transport });
    close = () => void h.close();
    await expect(h.transport.send(new Request('https://example.invalid/leads', { method: 'POST', body: '{}' }))).rejects.toBeInstanceOf(UnhandledRequestError);
  });
});
