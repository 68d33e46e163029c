import { setupServer } from 'msw/node';
import { SimClock } from '../../src/core/clock.ts';
import { Marketo, type MarketoOptions } from '../../src/systems/map/index.ts';
import { marketoHandlers } from '../../mocks/marketo/index.ts';

/** The host tests call; any host works. */
export const BASE = 'https://123-ABC-456.mktorest.com';

/** A simulated Marketo behind MSW, plus fetch helpers that speak its REST API. */
export function marketoHarness(options: Omit<MarketoOptions, 'clock'> = {}) {
  const clock = new SimClock();
  const marketo = new Marketo({ clock, ...options });
  const server = setupServer(...marketoHandlers({ marketo }));

  async function getToken(clientId = 'leadsim-client', clientSecret = 'leadsim-secret'): Promise<{ status: number; body: Record<string, unknown> }> {
    const url = `${BASE}/identity/oauth/token?grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`;
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  let token: string | undefined;
  /** Calls a REST path with a bearer token (fetched once, or `auth` when given) and returns the parsed envelope. */
  async function rest(path: string, init: { method?: string; body?: unknown; auth?: string | null; form?: Record<string, string> } = {}): Promise<any> {
    const headers: Record<string, string> = {};
    let auth = init.auth;
    if (auth === undefined) auth = token ??= String((await getToken()).body['access_token']);
    if (auth !== null) headers['authorization'] = `Bearer ${auth}`;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const res = await fetch(`${BASE}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body !== undefined ? { body } : {}) });
    if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
    return res.json();
  }

  return { clock, marketo, server, getToken, rest, resetToken: () => (token = undefined) };
}
