import type { HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import { jsonResponse } from '../jsonResponse.ts';
import { unknownPathHandlers, type UnknownPathOptions, type UnknownPathResponder } from '../unknownPath.ts';
import type { Impartner } from '../../src/systems/prm/impartner.ts';
import type { PrmListQuery } from '../../src/systems/prm/prmQuery.ts';
import type { PrmResult } from '../../src/systems/prm/prmResult.ts';
import { carriedJson, requestUrl } from '../../src/core/inProcessBody.ts';

/** What `impartnerHandlers` needs. */
export interface ImpartnerMockContext {
  readonly impartner: Impartner;
  /** What happens to paths under Impartner's hosts and prefixes that no handler knows (see mocks/unknownPath.ts). */
  readonly unknownPaths?: UnknownPathOptions;
}

type Resolver = Parameters<typeof http.get>[1];
type Call = { request: Request; url: URL; params: Readonly<Record<string, string | readonly string[] | undefined>> };

/**
 * MSW handlers for the simulated Impartner Objects API v1 on any host, under `/api/objects/v1` and the tenant
 * portal prefix `/prm/api/objects/v1`: describe, list (fields, THQL filter, orderBy, skip/take, q), get, PUT
 * create, PATCH update, DELETE, and `POST …/Prospect/{id}/recall`. Envelopes: `{success:true,data}` or
 * `{success:false,message}`. Modelled on public integration code, not vendor-verified; the recall route in
 * particular is a modelled convenience (Impartner-side recall is normally a status update).
 */
export function impartnerHandlers(ctx: ImpartnerMockContext): HttpHandler[] {
  const { impartner } = ctx;

  const route =
    (run: (call: Call) => Promise<PrmResult<unknown>> | PrmResult<unknown>): Resolver =>
    async ({ request, params }) => {
      const auth = impartner.checkAuth(request.headers.get('authorization'), request.headers.get('x-prm-tenantid'));
      if (!auth.ok) return jsonResponse({ success: false, message: auth.message }, { status: auth.status });
      const outcome = await run({ request, url: requestUrl(request), params });
      return outcome.ok ? jsonResponse({ success: true, data: outcome.value }) : jsonResponse({ success: false, message: outcome.message }, { status: outcome.status });
    };

  const handlers = (base: string): HttpHandler[] => [
    http.get(`${base}/_describe`, route(() => ({ ok: true, value: impartner.describeObjects() }))),
    http.get(`${base}/:object/_describe`, route(({ params }) => impartner.describe(String(params['object'])))),
    http.get(`${base}/:object`, route(({ url, params }) => list(impartner, String(params['object']), url.searchParams))),
    http.get(
      `${base}/:object/:id`,
      route(({ url, params }) => {
        const id = recordId(params['id'], String(params['object']));
        return id.ok ? impartner.get(String(params['object']), id.value, csv(url.searchParams.get('fields'))) : id;
      }),
    ),
    http.put(`${base}/:object`, route(async ({ request, params }) => withBody(request, String(params['object']), 'create', (body) => impartner.create(String(params['object']), body)))),
    http.patch(`${base}/:object`, route(async ({ request, params }) => withBody(request, String(params['object']), 'update', (body) => impartner.update(String(params['object']), body)))),
    http.delete(
      `${base}/:object/:id`,
      route(({ params }) => {
        const id = recordId(params['id'], String(params['object']));
        return id.ok ? impartner.delete(String(params['object']), id.value) : id;
      }),
    ),
    http.post(
      `${base}/:object/:id/recall`,
      route(({ params }) => {
        if (String(params['object']).toLowerCase() !== 'prospect') return { ok: false, status: 404, message: `Record not found: recall is only available on Prospect, not ${String(params['object'])}` };
        const id = recordId(params['id'], 'Prospect');
        return id.ok ? impartner.recall(id.value) : id;
      }),
    ),
  ];

  // The tenant-portal prefix first: `*/api/...` would match it too, and both must behave the same anyway.
  return [
    ...handlers('*/prm/api/objects/v1'),
    ...handlers('*/api/objects/v1'),
    ...unknownPathHandlers({ impartner: impartnerNotFound }, ctx.unknownPaths),
  ];
}

/** Impartner's answer to a path it does not know: 404 `{success: false, message}`. */
export const impartnerNotFound: UnknownPathResponder = (request, url) => jsonResponse({ success: false, message: `Record not found: no resource at ${request.method} ${url.pathname}` }, { status: 404 });

function list(impartner: Impartner, object: string, search: URLSearchParams): PrmResult<unknown> {
  const number = (name: string): number | undefined | 'bad' => {
    const raw = search.get(name);
    if (raw === null || raw === '') return undefined;
    return /^\d+$/.test(raw) ? Number(raw) : 'bad';
  };
  const skip = number('skip');
  const take = number('take');
  if (skip === 'bad' || take === 'bad') {
    const name = skip === 'bad' ? 'skip' : 'take';
    return { ok: false, status: 400, message: `Failed to list "${object}": ${name} must be a non-negative integer (got "${search.get(name)}"). Send ${name}=<number>.` };
  }
  const fields = csv(search.get('fields'));
  const query: PrmListQuery = {
    ...(fields ? { fields } : {}),
    ...(search.get('filter') !== null ? { filter: search.get('filter')! } : {}),
    ...(search.get('orderBy') !== null ? { orderBy: search.get('orderBy')! } : {}),
    ...(search.get('q') !== null ? { q: search.get('q')! } : {}),
    ...(skip !== undefined ? { skip } : {}),
    ...(take !== undefined ? { take } : {}),
  };
  return impartner.list(object, query);
}

async function withBody(request: Request, object: string, action: string, run: (body: unknown) => PrmResult<unknown>): Promise<PrmResult<unknown>> {
  const body = carriedJson(request);
  if (body) return run(body.value);
  const text = await request.text();
  try {
    return run(JSON.parse(text) as unknown);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, status: 400, message: `Failed to ${action} "${object}": the body is not valid JSON (${error.message}). Send a JSON object of fields.` };
  }
}

function recordId(raw: unknown, object: string): { ok: true; value: number } | { ok: false; status: 404; message: string } {
  return typeof raw === 'string' && /^\d+$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false, status: 404, message: `Record not found: ${object} ${String(raw)}` };
}

function csv(raw: string | null): string[] | undefined {
  if (raw === null) return undefined;
  const parts = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return parts.length ? parts : undefined;
}
