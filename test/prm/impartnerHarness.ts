import { setupServer } from 'msw/node';
import { SimClock } from '../../src/core/clock.ts';
import { Impartner } from '../../src/systems/prm/index.ts';
import { impartnerHandlers } from '../../mocks/impartner/index.ts';

/** The host tests call; any host works. */
export const BASE = 'https://prod.impartner.live';
export const HEADERS = { authorization: 'prm-key test-key', 'x-prm-tenantid': '42' };

/** A simulated Impartner behind MSW, and a fetch helper for its Objects API. */
export function impartnerHarness() {
  const clock = new SimClock();
  const impartner = new Impartner({ clock, apiKey: 'test-key', tenantId: 42 });
  const server = setupServer(...impartnerHandlers({ impartner }));

  /** Calls `/api/objects/v1{path}` and returns status and parsed body. */
  async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = HEADERS, prefix = '/api/objects/v1'): Promise<{ status: number; body: any }> {
    const res = await fetch(`${BASE}${prefix}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  }

  return { clock, impartner, server, api };
}
