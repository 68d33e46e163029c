import { describe, expect, test } from 'vitest';
import { bodyText, carriedJson, cloneRequest, inProcessRequest, isJsonClean, materialize, readsCarried, realRequest, requestUrl, responseJson } from '../../src/core/inProcessBody.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import { runWorkload } from '../../src/simulation/runWorkload.ts';
import { generateWorkload } from '../../src/simulation/workload.ts';
import type { Transport } from '../../src/transport/transport.ts';
import { jsonResponse } from '../../mocks/jsonResponse.ts';

/** One exchange as the bytes would travel: method, URL, request headers and body; status, response headers and body. */
interface Exchange {
  readonly request: string;
  readonly response: string;
  /** The answer came back carried beside the Response (no body of its own). */
  readonly carried: boolean;
}

function headerText(headers: Headers): string {
  return [...headers].map(([k, v]) => `${k}: ${v}`).join('\n');
}

/** Wraps a transport so that every exchange is written down as its bytes, without changing what the sender reads. */
function recording(transport: Transport, log: Exchange[]): Transport {
  return {
    ...transport,
    send: async (request) => {
      const requestBody = transport.inProcessBodies ? await bodyText(request) : await request.clone().text();
      const response = await transport.send(request);
      const carried = carriedJson(response) !== undefined;
      const seen = carried ? materialize(response) : response.clone();
      log.push({
        request: `${request.method} ${request.url}\n${headerText(request.headers)}\n\n${requestBody}`,
        response: `${seen.status} ${seen.statusText}\n${headerText(seen.headers)}\n\n${seen.type === 'error' ? '<network error>' : await seen.text()}`,
        carried,
      });
      return response;
    },
  };
}

async function exchanges(transport: 'dispatch' | 'msw'): Promise<{ log: Exchange[]; traces: string }> {
  const workload = generateWorkload({ seed: 11, leads: 40 });
  const log: Exchange[] = [];
  const harness = await createHarness({ seed: 11, org: workload.org, gapMs: 0, transport, wrapTransport: (t) => recording(t, log) });
  try {
    const run = await runWorkload(harness, workload);
    return { log, traces: JSON.stringify(run.traces) };
  } finally {
    await harness.close();
  }
}

describe('JSON bodies carried beside in-process requests and responses', () => {
  test('the dispatch transport answers every call of a simulation byte for byte as msw does, and the runs are the same', async () => {
    const dispatch = await exchanges('dispatch');
    const msw = await exchanges('msw');
    expect(dispatch.log.length).toBeGreaterThan(200);
    // Every JSON answer but the identity token's (made with msw's HttpResponse.json) came back carried; 204s have no body.
    const uncarried = dispatch.log.filter((e) => !e.carried && !e.response.startsWith('204 ') && !e.request.includes('/identity/oauth/token'));
    expect(uncarried).toEqual([]);
    expect(msw.log.some((e) => e.carried)).toBe(false);
    // Request bodies carried beside the Request read as the JSON text msw's lane sends.
    expect(dispatch.log.map((e) => e.request)).toEqual(msw.log.map((e) => e.request));
    expect(dispatch.log.map((e) => e.response)).toEqual(msw.log.map((e) => e.response));
    expect(dispatch.traces).toBe(msw.traces);
  });

  test('a carried value reads as JSON.parse of its text would give it', async () => {
    const clean = { a: [1, 'x', null, true], b: { c: 2.5 } };
    expect(isJsonClean(clean)).toBe(true);
    expect(carriedJson(jsonResponse(clean))?.value).toBe(clean);
    const messy = { a: undefined, b: -0, c: [1, , 3], d: new Date(0) };
    expect(isJsonClean(messy)).toBe(false);
    expect(carriedJson(jsonResponse(messy))?.value).toEqual({ b: 0, c: [1, null, 3], d: '1970-01-01T00:00:00.000Z' });
    const request = inProcessRequest('https://x.example.com/a', { method: 'POST' }, { f: undefined, g: 1 });
    expect(await bodyText(request)).toBe('{"g":1}');
    expect(carriedJson(request)?.value).toStrictEqual({ g: 1 });
  });

  test('an answer given to a reader of ordinary bodies has its JSON text as the body, with the same headers', async () => {
    const carried = jsonResponse({ id: 'é', n: [1, 2] }, { status: 201, headers: { 'X-A': 'b' } });
    expect(carried.body).toBeNull();
    expect(await responseJson(carried)).toEqual({ id: 'é', n: [1, 2] });
    const plain = materialize(carried);
    expect(plain.status).toBe(201);
    expect(plain.statusText).toBe('Created');
    expect(plain.headers.get('content-length')).toBe('21');
    expect(plain.headers.get('x-a')).toBe('b');
    expect(await plain.text()).toBe('{"id":"é","n":[1,2]}');
  });

  test('an in-process request stands for the Request it would be: same URL, method, headers, members', async () => {
    const url = "https://x.example.com/a b/q?s=it's <x>";
    const headers = { Authorization: ' Bearer t ', 'X-Two': 'a', 'x-two': 'b' };
    const request = inProcessRequest(url, { method: 'patch' }, { g: 1 });
    const real = new Request(url, { method: 'patch', headers });
    const light = inProcessRequest(url, { method: 'patch', headers }, { g: 1 });
    expect(light).toBeInstanceOf(Request);
    expect(light.url).toBe(real.url);
    expect(light.method).toBe(real.method);
    expect(inProcessRequest(url, { method: 'post' }).method).toBe('POST');
    expect(light.headers.get('authorization')).toBe(real.headers.get('authorization'));
    expect(light.headers.get('X-TWO')).toBe(real.headers.get('x-two'));
    expect(light.headers.has('cookie')).toBe(false);
    expect([...light.headers]).toEqual([...real.headers]);
    expect(requestUrl(light).href).toBe(real.url);
    // Members it does not define itself are the real Request's.
    expect(light.signal.aborted).toBe(false);
    expect(light.body).toBeNull();
    expect(light.cache).toBe(real.cache);
    expect(await light.text()).toBe('');
    expect(await bodyText(request)).toBe('{"g":1}');
    // A header set after the real Request exists is read back.
    light.headers.set('X-Late', '1');
    expect(light.headers.get('x-late')).toBe('1');
    const copy = cloneRequest(light);
    expect(copy.headers.get('x-late')).toBe('1');
    expect(carriedJson(copy)?.value).toEqual({ g: 1 });
    expect(readsCarried(copy)).toBe(true);
    const materialized = realRequest(light);
    expect(materialized).not.toBe(light);
    expect(readsCarried(materialized)).toBe(true);
    expect(carriedJson(materialized)?.value).toEqual({ g: 1 });
    expect(() => inProcessRequest('not a url', { method: 'GET' })).toThrow(TypeError);
    expect(() => inProcessRequest('https://x.example.com/', { method: 'TRACE' })).toThrow(TypeError);
    expect(() => inProcessRequest('https://x.example.com/', { method: 'GET', headers: { 'Bad Name': 'x' } })).toThrow(TypeError);
  });

  test('a carried response stands for the body-less Response it would be', async () => {
    const response = jsonResponse({ a: 'é' }, { status: 404, headers: { 'X-A': 'b' } });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.type, response.redirected, response.url]).toEqual([404, 'Not Found', false, 'default', false, '']);
    expect(Object.fromEntries(response.headers)).toEqual({ 'content-type': 'application/json', 'x-a': 'b', 'content-length': '10' });
    expect(response.body).toBeNull();
    expect(response.clone().status).toBe(404);
    const empty = jsonResponse(undefined, { status: 204 });
    expect(await responseJson(empty)).toBeUndefined();
    expect(materialize(empty)).toBeInstanceOf(Response);
    expect(materialize(empty).status).toBe(204);
    expect(() => jsonResponse({}, { status: 700 })).toThrow(RangeError);
  });
});
