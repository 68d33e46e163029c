import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BASE, marketoHarness } from './marketoHarness.ts';

const h = marketoHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

describe('Marketo identity and token checks', () => {
  let first = '';
  test('GET /identity/oauth/token issues a Marketo-shaped bearer token that lives 3599 s', async () => {
    const { status, body } = await h.getToken();
    expect(status).toBe(200);
    expect(body).toEqual({ access_token: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}:sim$/), token_type: 'bearer', expires_in: 3599, scope: 'apis@leadsim.example' });
    first = String(body['access_token']);
  });

  test('asking again before expiry returns the same token with the remaining lifetime', async () => {
    h.clock.advance(600_000);
    const { body } = await h.getToken();
    expect(body['access_token']).toBe(first);
    expect(body['expires_in']).toBe(2999);
  });

  test('POST with a form body works too', async () => {
    const res = await fetch(`${BASE}/identity/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=leadsim-client&client_secret=leadsim-secret',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { access_token: string }).access_token).toBe(first);
  });

  test('bad client credentials get HTTP 401 with the identity error body', async () => {
    const { status, body } = await h.getToken('leadsim-client', 'wrong');
    expect(status).toBe(401);
    expect(body).toMatchInlineSnapshot(`
      {
        "error": "invalid_client",
        "error_description": "Bad client credentials",
      }
    `);
  });

  test('a REST call without a token gets 600, with an unknown token 601, both with HTTP 200', async () => {
    const empty = await h.rest('/rest/v1/leads/describe.json', { auth: null });
    expect(empty).toMatchObject({ success: false, errors: [{ code: '600', message: 'Access token empty' }] });
    expect(empty.requestId).toMatch(/^e42b#[0-9a-f]{11}$/);
    const bad = await h.rest('/rest/v1/leads/describe.json', { auth: 'not-a-token' });
    expect(bad).toMatchObject({ success: false, errors: [{ code: '601', message: 'Access token invalid' }] });
    expect(bad.result).toBeUndefined();
  });

  test('an expired token gets 602; a fresh token then works', async () => {
    const old = String((await h.getToken()).body['access_token']);
    h.marketo.expireTokens();
    const expired = await h.rest('/rest/v1/leads/describe.json', { auth: old });
    expect(expired.errors).toEqual([{ code: '602', message: 'Access token expired' }]);
    const fresh = String((await h.getToken()).body['access_token']);
    expect(fresh).not.toBe(old);
    expect(fresh.slice(0, 8)).not.toBe(old.slice(0, 8)); // not a counter: nothing of the old token carries over
    expect((await h.rest('/rest/v1/leads/describe.json', { auth: fresh })).success).toBe(true);
  });

  test('a token expires on its own after 3600 simulated seconds', async () => {
    const { body } = await h.getToken();
    const token = String(body['access_token']);
    h.clock.advance(3_600_000);
    expect((await h.rest('/rest/v1/leads/describe.json', { auth: token })).errors[0].code).toBe('602');
  });

  test('the deprecated access_token query parameter is still accepted', async () => {
    const token = String((await h.getToken()).body['access_token']);
    const res = await fetch(`${BASE}/rest/v1/leads/describe.json?access_token=${encodeURIComponent(token)}`);
    expect(((await res.json()) as { success: boolean }).success).toBe(true);
  });

  test('request ids are counter-based and strictly increasing', async () => {
    const token = String((await h.getToken()).body['access_token']);
    const a = await h.rest('/rest/v1/leads/describe.json', { auth: token });
    const b = await h.rest('/rest/v1/leads/describe.json', { auth: token });
    expect(Number.parseInt(b.requestId.slice(5), 16)).toBe(Number.parseInt(a.requestId.slice(5), 16) + 1);
  });
});
