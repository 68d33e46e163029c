import type { HttpHandler } from 'msw';
import { http } from '../../mocks/inProcessHttp.ts';
import { z } from 'zod';
import { jsonResponse } from '../../mocks/jsonResponse.ts';
import { INVARIANT_IDS } from '../invariants/violation.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import { limitsReached } from '../report/limitsReached.ts';
import { OrgSettingsSchema } from '../systems/crm/orgSettings.ts';
import type { ServeSession, SessionSnapshot } from './serveSession.ts';
import { bodyText } from '../core/inProcessBody.ts';

/** The admin API's path prefix on `leadsim serve`'s port. */
export const ADMIN_PREFIX = '/__leadsim';

const ResetSchema = z.strictObject({
  seed: z.number().int().min(-2147483648).max(2147483647).optional(),
  orgSettings: OrgSettingsSchema.partial().optional(),
});
const AdvanceSchema = z.union([
  z.strictObject({ ms: z.number().int().min(0) }),
  z.strictObject({ seconds: z.number().min(0) }),
  z.strictObject({ to: z.iso.datetime({ offset: true }) }),
]);
const SnapshotSchema = z.strictObject({ name: z.string().min(1).max(200).optional() });
const LimitsPatchSchema = z.strictObject({
  salesforce: z.strictObject({ requestsPer24h: z.number().int().min(1) }).optional(),
  marketo: z.strictObject({ dailyQuota: z.number().int().min(1).optional(), rateLimit: z.strictObject({ maxCalls: z.number().int().min(1), windowMs: z.number().int().min(1) }).optional() }).optional(),
});
const OrgSettingsPatchSchema = z.strictObject({
  duplicateRules: z.strictObject({ Lead: z.enum(['block', 'alert', 'off']).optional(), Contact: z.enum(['block', 'alert', 'off']).optional() }).optional(),
  stateAndCountryPicklists: z.boolean().optional(),
});

function problem(status: number, error: string, message: string, issues?: unknown): Response {
  return jsonResponse({ error, message, ...(issues === undefined ? {} : { issues }) }, { status });
}

/** Reads and validates a JSON body (an empty body is `{}`); the 400 response otherwise. */
async function body<S extends z.ZodType>(request: Request, schema: S, what: string): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
  const text = await bodyText(request);
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, response: problem(400, 'INVALID_JSON', `Failed to read the body of ${what}: it is not JSON (${(error as Error).message}). Send a JSON object.`) };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false, response: problem(400, 'INVALID_ARGUMENT', `Failed to ${what}: ${issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ')}.`, issues) };
  }
  return { ok: true, value: parsed.data };
}

function clockView(session: ServeSession): Record<string, unknown> {
  const now = session.clock.sync();
  return { mode: session.clock.mode, now: new Date(now).toISOString(), nowMs: now };
}

/** The vendors' API limits now: Salesforce's rolling 24 h usage, and every stretch of refusals since the reset. */
function limitsView(session: ServeSession): Record<string, unknown> {
  session.clock.sync();
  const usage = session.world.crm.apiUsage;
  return { salesforce: { used: usage.used, requestsPer24h: usage.limit, window: 'rolling 24 h' }, reached: limitsReached(session.world, 0) };
}

function snapshotView(s: SessionSnapshot): Record<string, unknown> {
  return { id: s.id, ...(s.name === undefined ? {} : { name: s.name }), seed: s.world.seed, takenAt: s.takenAt, events: s.traces.length };
}

function traceView(t: EventTrace): Record<string, unknown> {
  return { eventId: t.eventId, entryPoint: t.entryPoint, receivedAt: new Date(t.receivedAt).toISOString(), outcome: t.outcome ?? null, routedTo: t.routedTo ?? null, steps: t.steps.map((s) => ({ job: s.job, status: s.status, attempts: s.attempts })) };
}

/**
 * The admin API of `leadsim serve`, on its own port under `/__leadsim` (JSON in, JSON out; errors are
 * `{error, message, issues?}` with 400/404):
 *
 * | call | does |
 * |---|---|
 * | `GET /__leadsim` | seed, clock, snapshots, and the list of these calls |
 * | `GET /__leadsim/clock` | `{mode, now, nowMs}` |
 * | `POST /__leadsim/clock/advance` `{ms}` \| `{seconds}` \| `{to}` | moves simulated time forward (never back) |
 * | `POST /__leadsim/reset` `{seed?, orgSettings?}` | a fresh world of the seed (default: the current one), seeded start time; serve's org is kept |
 * | `POST /__leadsim/snapshots` `{name?}` → 201 `{id}`; `GET /__leadsim/snapshots` | take / list snapshots |
 * | `POST /__leadsim/snapshots/{id}/restore`; `DELETE /__leadsim/snapshots/{id}` | restore (clock keeps its time) / forget |
 * | `POST /__leadsim/drain` | run what waits on the intake through the pipeline now; the traces |
 * | `GET /__leadsim/traces?since=N` | every processed event since the reset: outcome, owner, jobs |
 * | `GET /__leadsim/invariants?only=a,b` | finishes what the intake accepted (as `drain`), then the invariant report over the state (`ok`, `results`, `violations`) |
 * | `GET /__leadsim/requests?since=N&limit=M&unhandled=true`; `DELETE` | the request log / clear it |
 * | `GET /__leadsim/org/settings`; `PATCH` `{duplicateRules?, stateAndCountryPicklists?}` | the Salesforce org's settings |
 * | `GET /__leadsim/limits`; `PATCH` `{salesforce?: {requestsPer24h}, marketo?: {dailyQuota?, rateLimit?}}` | API usage (Salesforce's rolling 24 h), each time a limit refused requests (`reached`); change the allocations |
 *
 * Access tokens survive resets and restores. Designed to grow: a reset body is a strict object that later options
 * (an org spec, an external pipeline) can extend, and `drain` is how an external runner waits for the pipeline.
 */
export function adminHandlers(session: ServeSession): HttpHandler[] {
  const at = (path: string) => `*${ADMIN_PREFIX}${path}`;
  return [
    http.get(at(''), () =>
      jsonResponse({
        seed: session.seed,
        clock: clockView(session),
        snapshots: session.snapshots().map(snapshotView),
        calls: [
          'GET /__leadsim/clock',
          'POST /__leadsim/clock/advance {ms|seconds|to}',
          'POST /__leadsim/reset {seed?, orgSettings?}',
          'POST /__leadsim/snapshots {name?}',
          'GET /__leadsim/snapshots',
          'POST /__leadsim/snapshots/{id}/restore',
          'DELETE /__leadsim/snapshots/{id}',
          'POST /__leadsim/drain',
          'GET /__leadsim/traces?since=N',
          'GET /__leadsim/invariants?only=a,b',
          'GET /__leadsim/requests?since=N&limit=M&unhandled=true',
          'DELETE /__leadsim/requests',
          'GET|PATCH /__leadsim/org/settings',
          'GET|PATCH /__leadsim/limits {salesforce?: {requestsPer24h}, marketo?: {dailyQuota?, rateLimit?}}',
        ],
      }),
    ),
    http.get(at('/clock'), () => jsonResponse(clockView(session))),
    http.post(at('/clock/advance'), async ({ request }) => {
      const b = await body(request, AdvanceSchema, 'advance the clock');
      if (!b.ok) return b.response;
      const v = b.value;
      if ('to' in v) {
        const to = Date.parse(v.to);
        if (to < session.clock.sync()) return problem(400, 'CLOCK_BACKWARDS', `Failed to advance the clock to ${v.to}: it is already ${session.world.clock.iso()}, and simulated time never runs backwards. Send a later time, or reset.`);
        session.clock.advanceTo(to);
      } else {
        session.clock.advance('ms' in v ? v.ms : Math.round(v.seconds * 1000));
      }
      return jsonResponse(clockView(session));
    }),
    http.post(at('/reset'), async ({ request }) => {
      const b = await body(request, ResetSchema, 'reset the world');
      if (!b.ok) return b.response;
      await session.reset({ ...(b.value.seed !== undefined ? { seed: b.value.seed } : {}), ...(b.value.orgSettings ? { orgSettings: b.value.orgSettings } : {}) });
      return jsonResponse({ seed: session.seed, clock: clockView(session), orgSettings: session.world.crm.settings });
    }),
    http.get(at('/snapshots'), () => jsonResponse(session.snapshots().map(snapshotView))),
    http.post(at('/snapshots'), async ({ request }) => {
      const b = await body(request, SnapshotSchema, 'take a snapshot');
      if (!b.ok) return b.response;
      return jsonResponse(snapshotView(session.snapshot(b.value.name)), { status: 201 });
    }),
    http.post(at('/snapshots/:id/restore'), async ({ params }) => {
      const id = String(params['id']);
      if (!(await session.restore(id))) return problem(404, 'NOT_FOUND', `Failed to restore snapshot "${id}": there is no such snapshot. List them with GET ${ADMIN_PREFIX}/snapshots.`);
      return jsonResponse({ restored: id, seed: session.seed, clock: clockView(session) });
    }),
    http.delete(at('/snapshots/:id'), ({ params }) => {
      const id = String(params['id']);
      return session.deleteSnapshot(id) ? jsonResponse(undefined, { status: 204 }) : problem(404, 'NOT_FOUND', `Failed to delete snapshot "${id}": there is no such snapshot.`);
    }),
    http.post(at('/drain'), async () => jsonResponse({ processed: (await session.drain()).map(traceView) })),
    http.get(at('/traces'), ({ request }) => {
      const raw = new URL(request.url).searchParams.get('since');
      const since = raw === null ? 0 : Number(raw);
      if (raw !== null && (raw.trim() === '' || !Number.isInteger(since) || since < 0)) return problem(400, 'INVALID_ARGUMENT', `Failed to list traces since "${raw}": pass since as a whole number of traces already read (0 or more).`);
      return jsonResponse({ traces: session.traces.slice(since).map(traceView), total: session.traces.length });
    }),
    http.get(at('/invariants'), async ({ request }) => {
      const only = new URL(request.url).searchParams.get('only');
      const ids = only === null ? undefined : only.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = ids?.find((id) => !(INVARIANT_IDS as readonly string[]).includes(id));
      if (unknown !== undefined) return problem(400, 'INVALID_ARGUMENT', `Failed to check invariant "${unknown}": there is no such invariant. Use one of ${INVARIANT_IDS.join(', ')}.`);
      return jsonResponse(await session.invariants(ids as (typeof INVARIANT_IDS)[number][] | undefined));
    }),
    http.get(at('/requests'), ({ request }) => {
      const q = new URL(request.url).searchParams;
      const int = (name: string) => (q.get(name) !== null && /^\d+$/.test(q.get(name)!) ? Number(q.get(name)) : undefined);
      const unhandled = q.get('unhandled');
      const since = int('since');
      const limit = int('limit');
      const entries = session.requests.list({ ...(since !== undefined ? { since } : {}), ...(limit !== undefined ? { limit } : {}), ...(unhandled !== null ? { unhandled: unhandled === 'true' } : {}) });
      return jsonResponse({ entries, lastSeq: session.requests.lastSeq });
    }),
    http.delete(at('/requests'), () => {
      session.requests.clear();
      return jsonResponse(undefined, { status: 204 });
    }),
    http.get(at('/limits'), () => jsonResponse(limitsView(session))),
    http.patch(at('/limits'), async ({ request }) => {
      const b = await body(request, LimitsPatchSchema, 'change the API limits');
      if (!b.ok) return b.response;
      if (b.value.salesforce) session.world.crm.apiUsage.setLimit(b.value.salesforce.requestsPer24h);
      const m = b.value.marketo;
      if (m) session.world.marketo.configureLimits({ ...(m.dailyQuota !== undefined ? { dailyQuota: m.dailyQuota } : {}), ...(m.rateLimit ? { rateLimit: m.rateLimit } : {}) });
      return jsonResponse(limitsView(session));
    }),
    http.get(at('/org/settings'), () => jsonResponse(session.world.crm.settings)),
    http.patch(at('/org/settings'), async ({ request }) => {
      const b = await body(request, OrgSettingsPatchSchema, 'change the org settings');
      if (!b.ok) return b.response;
      const { duplicateRules, ...rest } = b.value;
      const rules = Object.fromEntries(Object.entries(duplicateRules ?? {}).filter(([, v]) => v !== undefined));
      return jsonResponse(session.configureOrg({ ...rest, ...(Object.keys(rules).length ? { duplicateRules: rules } : {}) }));
    }),
    http.all(at('/*'), ({ request }) => problem(404, 'NOT_FOUND', `No admin call at ${request.method} ${new URL(request.url).pathname}. GET ${ADMIN_PREFIX} lists them.`)),
  ];
}
