import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { Rng } from '../../src/core/random.ts';
import { FaultInjector } from '../../mocks/faults/faultInjector.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import { openTransport } from '../../src/transport/openTransport.ts';

const lead = () => new Request('https://x.my.salesforce.com/services/data/v62.0/sobjects/Lead', { method: 'POST' });

describe('the fault injector', () => {
  it('decides the same faults for the same seed and request order, and different ones for another seed', () => {
    const decide = (seed: number) => {
      const injector = new FaultInjector({ serverError: 0.2, rateLimit: 0.2, timeout: 0.1, lostResponse: 0.1 }, new Rng(seed), new SimClock());
      return Array.from({ length: 50 }, () => injector.decide(lead())?.kind ?? '-').join(',');
    };
    expect(decide(1)).toBe(decide(1));
    expect(decide(1)).not.toBe(decide(2));
    expect(new Set(decide(1).split(','))).toEqual(new Set(['-', 'serverError', 'rateLimit', 'timeout', 'lostResponse']));
  });

  it('never faults token endpoints, requests to systems outside the plan, or anything while disabled', () => {
    const injector = new FaultInjector({ serverError: 1, systems: ['marketo'] }, new Rng(1), new SimClock());
    expect(injector.decide(new Request('https://x.mktorest.com/identity/oauth/token'))).toBeUndefined();
    expect(injector.decide(lead())).toBeUndefined();
    expect(injector.decide(new Request('https://x.mktorest.com/rest/v1/leads.json'))).toEqual({ system: 'marketo', kind: 'serverError' });
    injector.setEnabled(false);
    expect(injector.decide(new Request('https://x.mktorest.com/rest/v1/leads.json'))).toBeUndefined();
  });

  it('moves simulated time by the timeout and journals every fault', () => {
    const clock = new SimClock(0);
    const injector = new FaultInjector({ timeout: 1, timeoutMs: 30_000 }, new Rng(1), clock);
    injector.decide(lead());
    expect(clock.now()).toBe(30_000);
    expect(injector.journal).toEqual([{ seq: 1, system: 'salesforce', kind: 'timeout', method: 'POST', path: '/services/data/v62.0/sobjects/Lead', at: 0 }]);
  });
});

describe('faults at the HTTP layer', () => {
  const plan = (kind: string) => ({ [kind]: 1 });

  it.each([
    ['serverError', 'salesforce', 503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable.' }]],
    ['rateLimit', 'salesforce', 403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]],
  ])('answers a Salesforce %s in Salesforce\'s shape', async (kind, _system, status, body) => {
    const h = await createHarness({ seed: 1, faults: plan(kind) });
    const response = await h.transport.send(new Request(`${h.transport.origins.salesforce}/services/data/v62.0/sobjects/Lead/00Q000000000001AAA`, { headers: { Authorization: `Bearer ${h.world.salesforceToken}` } }));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
    await h.close();
  });

  it.each([
    ['serverError', '608'],
    ['rateLimit', '606'],
  ])('answers a Marketo %s inside a 200 envelope with code %s', async (kind, code) => {
    const h = await createHarness({ seed: 1, faults: plan(kind) });
    const response = await h.transport.send(new Request(`${h.transport.origins.marketo}/rest/v1/leads.json?filterType=email&filterValues=a@b.c`));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(code);
    await h.close();
  });

  it('applies a write whose response is lost, so the client sees a network error but the record exists', async () => {
    const h = await createHarness({ seed: 1, faults: { lostResponse: 1, systems: ['salesforce'] } });
    const before = [...h.world.crm.records('Account')].length;
    const response = await h.transport.send(
      new Request(`${h.transport.origins.salesforce}/services/data/v62.0/sobjects/Account`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${h.world.salesforceToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Name: 'Lost Response Inc' }),
      }),
    );
    expect(response.type).toBe('error');
    expect([...h.world.crm.records('Account')].length).toBe(before + 1);
    await h.close();
  });

  it('keeps every invariant while 5xx, rate limits, timeouts and lost responses hit every system', async () => {
    const { simulate } = await import('../../src/simulation/simulate.ts');
    const { checkInvariants } = await import('../../src/invariants/index.ts');
    const run = await simulate({ seed: 3, leads: 150, faults: { serverError: 0.03, rateLimit: 0.03, timeout: 0.03, lostResponse: 0.03 } });
    expect(run.world.faults!.journal.length).toBeGreaterThan(50);
    const failed = checkInvariants(run).results.filter((r) => !r.ok);
    expect(failed.map((r) => `${r.id}: ${r.violations[0]?.message}`)).toEqual([]);
  });

  it('refuses a request no simulated API handles, on every transport, so nothing leaves the process', async () => {
    const h = await createHarness({ seed: 1 });
    await expect(h.transport.send(new Request('https://example.com/'))).rejects.toThrow(/no simulated API handles it/);
    const msw = await openTransport('msw', h.world.handlers);
    await expect(msw.send(new Request('https://example.com/'))).rejects.toThrow();
    await msw.close();
    await h.close();
  });
});
