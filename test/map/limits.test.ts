import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { CallLimiter } from '../../src/systems/map/callLimiter.ts';
import { marketoHarness } from './marketoHarness.ts';

const h = marketoHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

describe('Marketo API limits on the simulated clock', () => {
  test('the 101st call within 20 simulated seconds gets 606; the window slides', async () => {
    await h.getToken();
    for (let i = 0; i < 100; i++) {
      const res = await h.rest('/rest/v1/leads/describe.json');
      expect(res.success).toBe(true);
      if (i === 49) h.clock.advance(10_000);
    }
    const limited = await h.rest('/rest/v1/leads/describe.json');
    expect(limited).toMatchObject({ success: false, errors: [{ code: '606', message: "Max rate limit '100' exceeded with in '20' secs" }] });
    // The first 50 calls leave the window 20 s after they were made.
    h.clock.advance(10_001);
    expect((await h.rest('/rest/v1/leads/describe.json')).success).toBe(true);
  });

  test('identity calls do not count and a disabled rate limit never refuses', async () => {
    h.clock.advance(60_000);
    h.marketo.configureLimits({ rateLimit: false });
    for (let i = 0; i < 150; i++) expect((await h.rest('/rest/v1/leads/describe.json')).success).toBe(true);
  });

  test('the daily quota gives 607 and resets at midnight CST', async () => {
    h.marketo.configureLimits({ dailyQuota: 3, rateLimit: { maxCalls: 100, windowMs: 20_000 } });
    h.clock.advance(86_400_000); // a new day (and an expired token)
    h.resetToken();
    for (let i = 0; i < 3; i++) expect((await h.rest('/rest/v1/leads/describe.json')).success).toBe(true);
    expect((await h.rest('/rest/v1/leads/describe.json')).errors).toEqual([{ code: '607', message: 'Daily quota reached' }]);
    h.clock.advance(86_400_000);
    h.resetToken();
    expect((await h.rest('/rest/v1/leads/describe.json')).success).toBe(true);
  });
});

describe('rate limiter properties', () => {
  prop.prop([fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 300 })], { numRuns: 50 })(
    'admitted calls never exceed 100 in any 20 s window, and a refused call always has 100 admitted calls in the window before it',
    (gaps) => {
      const clock = new SimClock();
      const limiter = new CallLimiter(clock);
      const admitted: number[] = [];
      for (const gap of gaps) {
        clock.advance(gap);
        const inWindow = admitted.filter((t) => t > clock.now() - 20_000).length;
        const res = limiter.admit();
        if (res.ok) admitted.push(clock.now());
        expect(res.ok).toBe(inWindow < 100);
      }
    },
  );
});
