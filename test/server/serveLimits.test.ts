import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LimitReached } from '../../src/report/limitsReached.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { startServe, type RunningServe } from '../../src/server/startServe.ts';

let serve: RunningServe;
const reached: LimitReached[] = [];
beforeAll(async () => {
  serve = await startServe({ seed: 4, graph: loadDefaultGraph(), clock: 'manual', pollMs: 3_600_000, onLimit: (l) => reached.push(l) });
});
afterAll(() => serve.close());

const admin = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${serve.info.admin.url}${path}`, { method, ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }) });
  return (await r.json()) as Record<string, any>;
};
const limits = () => fetch(`${serve.info.salesforce.instanceUrl}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${serve.info.salesforce.accessToken}` } });

describe("serve's API limits reset on their window of simulated time, and say when they were hit", () => {
  it("Salesforce's allocation refuses once the rolling 24 hours hold it, says so, and allows calls again 24 hours later", async () => {
    const before = (await admin('GET', '/limits')).salesforce;
    expect(before).toMatchObject({ window: 'rolling 24 h', requestsPer24h: expect.any(Number) });
    // An Enterprise org: 100,000 plus 1,000 per Salesforce license.
    expect((before.requestsPer24h - 100_000) % 1_000).toBe(0);
    await admin('PATCH', '/limits', { salesforce: { requestsPer24h: before.used + 2 } });
    expect((await limits()).status).toBe(200);
    expect((await limits()).status).toBe(200);
    const refused = await limits();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    expect(reached).toMatchObject([{ system: 'salesforce', refused: 1 }]);
    expect((await admin('GET', '/limits')).reached).toMatchObject([{ system: 'salesforce', reachedAt: reached[0]!.reachedAt }]);

    await admin('POST', '/clock/advance', { ms: 24 * 3_600_000 + 60_000 });
    const again = await limits();
    expect(again.status).toBe(200);
    expect(again.headers.get('sforce-limit-info')).toBe(`api-usage=1/${before.used + 2}`);
  });

  it('an event parked while the limit refused goes through once the window allows it', async () => {
    await admin('PATCH', '/limits', { salesforce: { requestsPer24h: 1 } });
    await limits();
    const posted = await fetch(serve.info.intake.url.replace('{entryPoint}', 'chat'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'limited-1' },
      body: JSON.stringify({ type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'limited@fresh-domain.example', name: 'Lim Ited' } } }),
    });
    expect(posted.status).toBe(202);
    const [first] = (await admin('POST', '/drain')).processed;
    expect(first).toMatchObject({ eventId: 'chat:limited-1', outcome: { kind: 'parked', reason: expect.stringContaining('REQUEST_LIMIT_EXCEEDED') } });
    await admin('PATCH', '/limits', { salesforce: { requestsPer24h: 100_000 } });
    await admin('POST', '/clock/advance', { ms: 15 * 60_000 });
    const [retried] = (await admin('POST', '/drain')).processed;
    expect(retried).toMatchObject({ eventId: 'chat:limited-1', outcome: { kind: 'created' } });
  });
});
