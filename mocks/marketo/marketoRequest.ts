import { invalidData, marketoError, type MarketoError } from '../../src/systems/map/marketoError.ts';
import { bodyText, readJsonBody } from '../../src/core/inProcessBody.ts';

/** The parameters of a REST call: query string merged with a form body (`_method=GET` calls put them there). */
export type MarketoParams = URLSearchParams;

/** The bearer token of a call: the Authorization header, else the deprecated `access_token` query parameter. */
export function bearerToken(request: Request, url: URL): string | undefined {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer\s+(.*)$/i.exec(header.trim());
    return match ? match[1] : '';
  }
  return url.searchParams.get('access_token') ?? undefined;
}

/** Reads a JSON body, or the 609 error. An empty body is `{}`. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; error: MarketoError }> {
  const read = await readJsonBody(request);
  return read.ok ? { ok: true, body: read.value ?? {} } : { ok: false, error: marketoError('609') };
}

/** Query parameters plus, for form-encoded bodies, the form fields (the `_method=GET` tunnel). */
export async function readParams(request: Request, url: URL): Promise<MarketoParams> {
  const params = new URLSearchParams(url.searchParams);
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'GET' && type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(await bodyText(request))) params.append(key, value);
  }
  return params;
}

/** A comma-separated (or repeated) parameter as a list; empty entries dropped. */
export function listParam(params: MarketoParams, name: string): string[] {
  return params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** A list of integer ids, or the 1001 error naming the first bad one. */
export function idList(values: readonly string[], name: string): { ok: true; ids: number[] } | { ok: false; error: MarketoError } {
  const ids: number[] = [];
  for (const value of values) {
    if (!/^\d+$/.test(value)) return { ok: false, error: marketoError('1001', value, `${name}: Integer`) };
    ids.push(Number(value));
  }
  return { ok: true, ids };
}

/** An optional positive integer parameter (`batchSize`), or the 1001 error. */
export function intParam(params: MarketoParams, name: string): { ok: true; value: number | undefined } | { ok: false; error: MarketoError } {
  const raw = params.get(name);
  if (raw === null || raw === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(raw)) return { ok: false, error: marketoError('1001', raw, 'Integer') };
  return { ok: true, value: Number(raw) };
}

/** Lead ids from a body `{input:[{id}]}` (lists) or `{input:[{leadId}]}` (programs). */
export function idsFromInput(body: unknown, key: 'id' | 'leadId'): { ok: true; ids: number[] } | { ok: false; error: MarketoError } {
  const input = (body as { input?: unknown } | null)?.input;
  if (!Array.isArray(input)) return { ok: false, error: marketoError('1002', 'input') };
  const ids: number[] = [];
  for (const entry of input) {
    const id = (entry as Record<string, unknown> | null)?.[key];
    if (typeof id !== 'number' || !Number.isInteger(id)) return { ok: false, error: invalidData(`Each input entry needs an integer '${key}'`) };
    ids.push(id);
  }
  return { ok: true, ids };
}
