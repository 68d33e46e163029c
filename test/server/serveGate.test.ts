import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { startServe, type RunningServe } from '../../src/server/startServe.ts';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: any;
}

/** One raw HTTP request to the serve's port, with exactly the headers given (Host included). */
function send(serve: RunningServe, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const { port } = new URL(serve.server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const chat = JSON.stringify({ type: 'conversation.lead_captured', data: { conversationId: 5, contact: { email: 'gate@fresh-domain.example', name: 'Gate Keeper' } } });
const hostOf = (serve: RunningServe, name: string) => `${name}:${new URL(serve.server.origin).port}`;

describe('serve lets in only loopback hosts and HTTP clients (no intake token configured)', () => {
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startServe({ seed: 11, graph: loadDefaultGraph(), clock: 'manual', allowedHosts: ['sim.internal'] });
  });
  afterAll(() => serve.close());
  const received = () => serve.session.world.intake.received.size;

  it.each(['127.0.0.1', 'localhost', '[::1]', 'api.localhost', 'sim.internal', 'SIM.internal'])('answers requests for host %s', async (name) => {
    expect((await send(serve, 'GET', '/services/data', { host: hostOf(serve, name) })).status).toBe(200);
  });

  it('refuses any other Host (DNS rebinding) with 403, before anything is queued or changed', async () => {
    const before = received();
    for (const [method, path] of [['POST', '/intake/chat'], ['POST', '/__leadsim/reset'], ['GET', '/services/data']] as const) {
      const answer = await send(serve, method, path, { host: hostOf(serve, 'evil.example'), 'content-type': 'application/json' }, method === 'POST' ? chat : undefined);
      expect([answer.status, answer.body.error]).toEqual([403, 'FORBIDDEN_HOST']);
    }
    expect(received()).toBe(before);
    expect((await send(serve, 'GET', '/', { host: 'evil.example' })).body.message).toMatchInlineSnapshot(
      `"Refused a request for host "evil.example": leadsim serve answers only loopback names (localhost, 127.0.0.1, [::1]) and the hosts you allow, so a web page cannot reach it by rebinding its DNS name to 127.0.0.1. Serve it under that name with --allow-host evil.example (or "serve": {"allowedHosts": [...]} in leadsim.config.json)."`,
    );
  });

  it('refuses browser requests from other sites, simple (text/plain, form) or not, and takes JSON from HTTP clients', async () => {
    const host = hostOf(serve, '127.0.0.1');
    const before = received();
    const browser = [
      { origin: 'http://evil.example', 'content-type': 'text/plain' },
      { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      { origin: 'null', 'content-type': 'text/plain' },
      { origin: 'http://evil.example', 'content-type': 'application/json' },
      { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
    ];
    for (const headers of browser) {
      const answer = await send(serve, 'POST', '/intake/chat', { host, ...headers }, chat);
      expect([answer.status, answer.body.error]).toEqual([403, 'FORBIDDEN_ORIGIN']);
    }
    // A page on loopback passes the gate, and the intake still wants JSON.
    const local = await send(serve, 'POST', '/intake/chat', { host, origin: 'http://localhost:5173', 'content-type': 'text/plain' }, chat);
    expect([local.status, local.body.error]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(received()).toBe(before);
    // No CORS preflight is answered with permission.
    const preflight = await send(serve, 'OPTIONS', '/intake/chat', { host, origin: 'http://localhost:5173', 'access-control-request-method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const accepted = await send(serve, 'POST', '/intake/chat', { host, 'content-type': 'application/json' }, chat);
    expect(accepted.status).toBe(202);
    expect(received()).toBe(before + 1);
  });
});

describe('serve with an intake token', () => {
  const token = 'gate-test-token-0123456789';
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startServe({ seed: 12, graph: loadDefaultGraph(), clock: 'manual', intakeToken: token });
  });
  afterAll(() => serve.close());

  it('prints the token with the intake endpoint', () => {
    expect(serve.info.intake).toEqual({ url: `${serve.server.origin}/intake/{entryPoint}`, token });
  });

  it('refuses the intake without the token (401, WWW-Authenticate: Bearer) and takes it as a bearer token or X-Leadsim-Intake-Token', async () => {
    const host = hostOf(serve, '127.0.0.1');
    const json = { host, 'content-type': 'application/json' };
    const before = serve.session.world.intake.received.size;
    for (const auth of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: `Basic ${token}` }, { 'x-leadsim-intake-token': 'nope' }]) {
      const answer = await send(serve, 'POST', '/intake/chat', { ...json, ...auth }, chat);
      expect([answer.status, answer.body.error, answer.headers['www-authenticate']]).toEqual([401, 'UNAUTHORIZED', 'Bearer realm="leadsim intake"']);
    }
    expect(serve.session.world.intake.received.size).toBe(before);
    expect((await send(serve, 'POST', '/intake/chat', { ...json, authorization: `Bearer ${token}` }, chat)).status).toBe(202);
    expect((await send(serve, 'POST', '/intake/chat', { ...json, 'x-leadsim-intake-token': token, 'idempotency-key': 'other' }, chat)).status).toBe(202);
    expect(serve.session.world.intake.received.size).toBe(before + 2);
    // The vendors' APIs keep their own credentials.
    expect((await send(serve, 'GET', '/services/data', { host })).status).toBe(200);
  });
});
