import { createServer } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { setupSimulation } from '../../mocks/setupSimulation.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import { NetworkRefusedError } from '../../src/transport/networkGuard.ts';

const unguarded = net.Socket.prototype.connect;
/** The NetworkRefusedError behind a failure (undici's fetch wraps it in TypeError "fetch failed"). */
const refusal = (error: unknown): unknown => (error instanceof NetworkRefusedError ? error : (error as { cause?: unknown })?.cause);
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, refusal);

describe('requests msw cannot intercept never leave the process', () => {
  let close = async () => {};
  afterEach(async () => {
    await close();
    close = async () => {};
  });

  it('refuses undici (request, fetch, its own Agent) off loopback while a simulation is set up', async () => {
    const sim = setupSimulation({ seed: 1 });
    close = async () => sim.close();
    const url = `${sim.salesforce.instanceUrl}/services/data/v62.0/limits`;
    const headers = { authorization: `Bearer ${sim.salesforce.accessToken}` };
    const failures = [
      await failureOf(undiciRequest(url, { headers })),
      await failureOf(undiciFetch(url, { headers })),
      // jsforce >= 3.10.24 sends through its own undici Agent, not the global dispatcher.
      await failureOf(undiciRequest(url, { headers, dispatcher: new Agent({ connect: { timeout: 1_000 } }) })),
    ];
    for (const failure of failures) expect(failure).toBeInstanceOf(NetworkRefusedError);
    expect((failures[0] as NetworkRefusedError).target).toEqual({ host: 'leadsim.my.salesforce.com', port: 443 });
    expect((failures[0] as Error).message).toMatchInlineSnapshot(
      `"Failed to connect to "leadsim.my.salesforce.com:443": leadsim refuses every connection off loopback while a simulation runs, so no request (and no bearer token) leaves the process. A client msw cannot intercept made it: the undici package (jsforce >= 3.10.19 uses it) opens sockets itself. Use a client on fetch or node:http (e.g. jsforce 3.10.16), or point it at \`leadsim serve\` on 127.0.0.1."`,
    );
    // A socket opened by hand is refused too; the simulated APIs still answer through what msw intercepts.
    const socket = net.connect(443, 'api.example.com');
    expect(await new Promise((resolve) => socket.once('error', resolve))).toBeInstanceOf(NetworkRefusedError);
    expect((await fetch(url, { headers })).status).toBe(200);
  });

  it('keeps loopback open, and puts the socket layer back when the last simulation closes', async () => {
    const server = createServer((_, res) => res.end('local'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const outer = setupSimulation({ seed: 1 });
    const harness = await createHarness({ seed: 2 });
    close = async () => {
      outer.close();
      await harness.close();
      server.close();
    };
    expect(await (await undiciRequest(`http://127.0.0.1:${port}/`)).body.text()).toBe('local');
    expect(await (await undiciRequest(`http://localhost:${port}/`)).body.text()).toBe('local');
    await harness.close();
    expect(net.Socket.prototype.connect).not.toBe(unguarded); // the simulation still holds the guard
    expect(await failureOf(undiciRequest('https://api.example.com/'))).toBeInstanceOf(NetworkRefusedError);
    outer.close();
    expect(net.Socket.prototype.connect).toBe(unguarded);
  });

  it('is on for every harness, whatever its transport', async () => {
    for (const transport of ['dispatch', 'msw'] as const) {
      const h = await createHarness({ seed: 3, transport });
      close = () => h.close();
      expect(await failureOf(undiciFetch('https://prod.impartner.live/api/objects/v1/Account', { headers: { authorization: 'prm-key secret' } }))).toBeInstanceOf(NetworkRefusedError);
      await h.close();
    }
    expect(net.Socket.prototype.connect).toBe(unguarded);
  });
});
