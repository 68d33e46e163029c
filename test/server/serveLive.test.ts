import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { startServe, type RunningServe } from '../../src/server/startServe.ts';

/** A plain-fetch client of one running serve: Salesforce REST, Marketo REST and the admin API. */
function client(serve: RunningServe) {
  const { info } = serve;
  const json = async (res: Response) => {
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
  };
  let marketoToken: string | undefined;
  return {
    sf: async (method: string, path: string, body?: unknown) =>
      json(await fetch(`${info.salesforce.instanceUrl}/services/data/v62.0${path}`, { method, headers: { Authorization: `Bearer ${info.salesforce.accessToken}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })),
    query: async (soql: string) => (await json(await fetch(`${info.salesforce.instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, { headers: { Authorization: `Bearer ${info.salesforce.accessToken}` } }))).body,
    marketo: async (method: string, path: string, body?: unknown) => {
      marketoToken ??= ((await (await fetch(`${info.marketo.identityUrl}/oauth/token?grant_type=client_credentials&client_id=${info.marketo.clientId}&client_secret=${info.marketo.clientSecret}`)).json()) as { access_token: string }).access_token;
      return json(await fetch(`${info.marketo.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${marketoToken}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    },
    admin: async (method: string, path: string, body?: unknown) => json(await fetch(`${info.admin.url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) })),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serve over real time (wall clock)', () => {
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startServe({ seed: 7, graph: loadDefaultGraph() });
  });
  afterAll(() => serve.close());

  it('stamps every write with the moving clock, so an incremental sync by SystemModstamp finds the update', async () => {
    const c = client(serve);
    const created = await c.sf('POST', '/sobjects/Lead', { LastName: 'Live', Company: 'Wall Clock Inc', Email: 'live@wallclock.example' });
    expect(created.status).toBe(201);
    const first = await c.sf('GET', `/sobjects/Lead/${created.body.id}?fields=CreatedDate,LastModifiedDate,SystemModstamp`);
    const { CreatedDate, SystemModstamp: lastSync } = first.body;
    expect(CreatedDate).toBe(lastSync);
    await sleep(25);
    expect((await c.sf('PATCH', `/sobjects/Lead/${created.body.id}`, { Title: 'Head of Sync' })).status).toBe(204);
    const after = await c.sf('GET', `/sobjects/Lead/${created.body.id}?fields=CreatedDate,LastModifiedDate,SystemModstamp`);
    expect(after.body.CreatedDate).toBe(CreatedDate);
    expect(Date.parse(after.body.SystemModstamp)).toBeGreaterThan(Date.parse(lastSync));
    expect(after.body.LastModifiedDate).toBe(after.body.SystemModstamp);
    const changed = await c.query(`SELECT Id, Title FROM Lead WHERE SystemModstamp > ${lastSync.replace('.000+0000', 'Z').replace(/\.(\d{3})\+0000$/, '.$1Z')}`);
    expect(changed.records.map((r: { Id: string; Title: string }) => [r.Id, r.Title])).toEqual([[created.body.id, 'Head of Sync']]);
    // Marketo stamps createdAt/updatedAt on the same clock.
    const synced = await c.marketo('POST', '/v1/leads.json', { input: [{ email: 'live@wallclock.example', firstName: 'Live' }] });
    await sleep(1_100);
    await c.marketo('POST', '/v1/leads.json', { input: [{ email: 'live@wallclock.example', firstName: 'Still Live' }] });
    const lead = await c.marketo('GET', `/v1/lead/${synced.body.result[0].id}.json`);
    expect(Date.parse(lead.body.result[0].updatedAt)).toBeGreaterThan(Date.parse(lead.body.result[0].createdAt));
  });

  it('logs every request, with unknown paths counted as unhandled and answered in each vendor’s shape', async () => {
    const c = client(serve);
    const before = (await c.admin('GET', '/requests')).body.lastSeq;
    const sfUnknown = await fetch(`${serve.info.salesforce.instanceUrl}/services/apexrest/nothing`);
    expect([sfUnknown.status, await sfUnknown.json()]).toEqual([404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]]);
    expect(sfUnknown.headers.get('x-leadsim-unknown-path')).toBeNull();
    const mkto = await c.marketo('GET', '/v1/nothing.json');
    expect(mkto.body.errors).toEqual([{ code: '610', message: 'Requested resource not found' }]);
    const nobody = await fetch(`${serve.info.salesforce.instanceUrl}/elsewhere`);
    expect(nobody.status).toBe(404);
    const log = (await c.admin('GET', `/requests?since=${before}&unhandled=true`)).body.entries;
    expect(log.map((e: { system: string; path: string; status: number }) => [e.system, e.path, e.status])).toEqual([
      ['salesforce', '/services/apexrest/nothing', 404],
      ['marketo', '/rest/v1/nothing.json', 200],
      ['none', '/elsewhere', 404],
    ]);
  });

  it('runs events posted to the intake through the pipeline, and the invariants hold over the live state', async () => {
    const c = client(serve);
    const posted = await fetch(serve.info.intake.url.replace('{entryPoint}', 'chat'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'live-chat-1' },
      body: JSON.stringify({ type: 'conversation.lead_captured', data: { conversationId: 9, contact: { email: 'Chat.Person@Fresh-Domain.example', name: 'Chat Person' } } }),
    });
    expect(posted.status).toBe(202);
    const drained = await c.admin('POST', '/drain');
    const traces = (await c.admin('GET', '/traces')).body.traces;
    expect([...drained.body.processed, ...traces].some((t: { eventId: string; outcome: { kind: string } }) => t.eventId === 'chat:live-chat-1' && t.outcome.kind === 'created')).toBe(true);
    const report = (await c.admin('GET', '/invariants?only=no-event-lost,every-person-owned,no-duplicates')).body;
    // The lead the first test created straight through REST, as the integration user, is owned by no sales user or
    // queue: the invariants see the live state, including what bypassed the pipeline.
    expect(report.results.map((r: { id: string; ok: boolean }) => [r.id, r.ok])).toEqual([
      ['no-duplicates', true],
      ['every-person-owned', false],
      ['no-event-lost', true],
    ]);
    const direct = (await c.query("SELECT Id FROM Lead WHERE Email = 'live@wallclock.example'")).records[0].Id;
    expect(report.violations.map((v: { personId: string }) => v.personId)).toEqual([direct]);
    expect((await c.admin('GET', '/invariants?only=nope')).status).toBe(400);
  });
});

describe('serve with the manual clock: rate windows, reset and snapshots through the admin API', () => {
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startServe({ seed: 8, graph: loadDefaultGraph(), clock: 'manual' });
  });
  afterAll(() => serve.close());

  it('refuses the 101st Marketo call within 20 s with 606 until the clock moves the window on', async () => {
    const c = client(serve);
    const codes: string[] = [];
    for (let i = 0; i < 101; i++) {
      const res = await c.marketo('GET', '/v1/leads.json?filterType=email&filterValues=nobody@example.com');
      codes.push(res.body.success ? 'ok' : res.body.errors[0].code);
    }
    expect(codes.filter((x) => x === 'ok')).toHaveLength(100);
    expect(codes.at(-1)).toBe('606');
    expect((await c.marketo('GET', '/v1/leads.json?filterType=email&filterValues=x@example.com')).body.errors[0].code).toBe('606');
    expect((await c.admin('POST', '/clock/advance', { seconds: 10 })).body.now).toBe('2026-01-05T09:00:10.000Z');
    expect((await c.marketo('GET', '/v1/leads.json?filterType=email&filterValues=x@example.com')).body.errors[0].code).toBe('606');
    await c.admin('POST', '/clock/advance', { ms: 10_001 });
    expect((await c.marketo('GET', '/v1/leads.json?filterType=email&filterValues=x@example.com')).body.success).toBe(true);
    expect((await c.admin('POST', '/clock/advance', { to: '2026-01-05T08:00:00Z' })).status).toBe(400);
  });

  it('snapshots and restores the world, keeps tokens valid across both, and resets to the seed', async () => {
    const c = client(serve);
    const seeded = (await c.query('SELECT COUNT() FROM Lead')).totalSize;
    const snap = await c.admin('POST', '/snapshots', { name: 'seeded' });
    expect(snap.status).toBe(201);
    const made = await c.sf('POST', '/sobjects/Lead', { LastName: 'Temp', Company: 'Snap', Email: 'temp@snap.example' });
    expect((await c.query('SELECT COUNT() FROM Lead')).totalSize).toBe(seeded + 1);
    expect((await c.admin('POST', `/snapshots/${snap.body.id}/restore`)).status).toBe(200);
    expect((await c.query('SELECT COUNT() FROM Lead')).totalSize).toBe(seeded);
    expect((await c.sf('GET', `/sobjects/Lead/${made.body.id}`)).status).toBe(404);
    // The same create again gets the same id: id counters came back too.
    expect((await c.sf('POST', '/sobjects/Lead', { LastName: 'Temp', Company: 'Snap', Email: 'temp@snap.example' })).body.id).toBe(made.body.id);
    expect((await c.admin('POST', '/snapshots/snap-99/restore')).status).toBe(404);

    const clockBefore = (await c.admin('GET', '/clock')).body.nowMs;
    const reset = await c.admin('POST', '/reset', { orgSettings: { stateAndCountryPicklists: true } });
    expect(reset.body).toMatchObject({ seed: 8, clock: { now: '2026-01-05T09:00:00.000Z' }, orgSettings: { stateAndCountryPicklists: true } });
    expect(clockBefore).toBeGreaterThan(reset.body.clock.nowMs);
    expect((await c.query('SELECT COUNT() FROM Lead')).totalSize).toBe(seeded);
    expect((await c.sf('POST', '/sobjects/Lead', { LastName: 'P', Company: 'C', Country: 'USA' })).body[0].errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    // The Marketo token the client got before the reset still works.
    expect((await c.marketo('GET', '/v1/lists.json')).body.success).toBe(true);
    const other = await c.admin('POST', '/reset', { seed: 9 });
    expect(other.body.seed).toBe(9);
    expect((await c.admin('GET', '')).body).toMatchObject({ seed: 9, snapshots: [{ id: snap.body.id, name: 'seeded', seed: 8 }] });
    // Restoring a snapshot of seed 8 brings that seed's world back.
    await c.admin('POST', `/snapshots/${snap.body.id}/restore`);
    expect((await c.admin('GET', '')).body.seed).toBe(8);
    expect((await c.admin('POST', '/reset', { seed: 'x' })).body).toMatchObject({ error: 'INVALID_ARGUMENT' });
  });

  it('changes the org settings through the admin API', async () => {
    const c = client(serve);
    const changed = await c.admin('PATCH', '/org/settings', { duplicateRules: { Lead: 'alert' } });
    expect(changed.body).toEqual({ duplicateRules: { Lead: 'alert', Contact: 'block' }, stateAndCountryPicklists: false, duplicateRuleBypassUsers: [] });
    expect((await c.admin('GET', '/nothing')).status).toBe(404);
  });
});
