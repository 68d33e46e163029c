import { getResponse, type HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import { marketoError } from '../../src/systems/map/marketoError.ts';
import { jsonResponse } from '../jsonResponse.ts';
import { marketoEnvelope, type RequestIds } from './marketoEnvelope.ts';
import { bodyText } from '../../src/core/inProcessBody.ts';

/** The parameters a tunnelled call carries in its body: form fields, or a JSON object (`input: [{id}]` as `id`s). */
async function bodyParams(request: Request): Promise<URLSearchParams> {
  const text = await bodyText(request);
  const out = new URLSearchParams();
  if (text.trim() === '') return out;
  if (!(request.headers.get('content-type') ?? '').includes('json')) return new URLSearchParams(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return out;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'input' && Array.isArray(value)) {
      for (const entry of value) if (entry !== null && typeof entry === 'object' && 'id' in entry) out.append('id', String((entry as { id: unknown }).id));
    } else if (Array.isArray(value)) {
      for (const v of value) out.append(key, String(v));
    } else if (value !== null && typeof value !== 'object') out.append(key, String(value));
  }
  return out;
}

/**
 * Marketo's method tunnel: any GET call may be sent as `POST …?_method=GET` with its parameters in the body, for
 * URLs too long to send (the lead database docs; marketorestpython sends `ismember.json` and the older
 * `list/{id}/leads.json` this way). For every GET-only path among `handlers`, a POST handler that runs the GET with
 * the body's parameters added to the query; a POST without `_method=GET` answers 605 "HTTP Method not supported".
 */
export function methodTunnel(handlers: readonly HttpHandler[], ids: RequestIds): HttpHandler[] {
  const posted = new Set(handlers.filter((h) => h.info.method === 'POST').map((h) => String(h.info.path)));
  return handlers
    .filter((h) => h.info.method === 'GET' && !posted.has(String(h.info.path)) && !String(h.info.path).includes('/identity/'))
    .map((get) =>
      http.post(get.info.path, async ({ request }) => {
        const url = new URL(request.url);
        const params = await bodyParams(request);
        if ((url.searchParams.get('_method') ?? params.get('_method'))?.toUpperCase() !== 'GET') {
          return jsonResponse(marketoEnvelope(ids.next(), { ok: false, errors: [marketoError('605')] }));
        }
        for (const [key, value] of params) if (key !== '_method') url.searchParams.append(key, value);
        url.searchParams.delete('_method');
        const headers = new Headers(request.headers);
        headers.delete('content-type');
        headers.delete('content-length');
        return (await getResponse([get], new Request(url, { method: 'GET', headers }))) ?? jsonResponse(marketoEnvelope(ids.next(), { ok: false, errors: [marketoError('610')] }));
      }),
    );
}

