import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { CallLimiter } from '../../src/systems/map/callLimiter.ts';
import { ApiUsage, enterpriseAllocation } from '../../src/systems/crm/apiUsage.ts';
import { limitsReached } from '../../src/report/limitsReached.ts';
import { formatSimulationReport } from '../../src/report/formatSimulationReport.ts';
import { summarize } from '../../src/report/simulationSummary.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import { payloadFor } from '../pipeline/payloads.ts';

const HOUR = 3_600_000;
const WEDNESDAY_0500 = Date.UTC(2026, 0, 7, 5);

describe("Salesforce's API request allocation counts a rolling 24 hours", () => {
  test("the documented example: 14,500 calls at 5:00 AM and 499 at 11:00 PM Wednesday leave one more call until 5:00 AM Thursday", () => {
    const clock = new SimClock(WEDNESDAY_0500);
    const usage = new ApiUsage(() => clock.now(), 15_000);
    for (let i = 0; i < 14_500; i++) expect(usage.consume()).toBe(true);
    clock.advanceTo(WEDNESDAY_0500 + 18 * HOUR);
    for (let i = 0; i < 499; i++) usage.consume();
    expect(usage.consume()).toBe(true);
    expect(usage.consume()).toBe(false);
    expect(usage.header()).toBe('api-usage=15000/15000');
    // Midnight UTC is no reset: the window rolls.
    clock.advanceTo(WEDNESDAY_0500 + 23 * HOUR + 59 * 60_000);
    expect(usage.consume()).toBe(false);
    clock.advanceTo(WEDNESDAY_0500 + 24 * HOUR + 60_000);
    expect(usage.used).toBe(500);
    expect(usage.consume()).toBe(true);
    expect(usage.hits.episodes()).toEqual([{ reachedAt: WEDNESDAY_0500 + 18 * HOUR, lastRefusedAt: WEDNESDAY_0500 + 23 * HOUR + 59 * 60_000, refused: 2 }]);
  });

  test('an Enterprise org gets 100,000 plus 1,000 per Salesforce license (15 licenses: 115,000)', () => {
    expect(enterpriseAllocation(15)).toBe(115_000);
  });

  prop.prop([fc.array(fc.integer({ min: 0, max: 4 * HOUR }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 20 })], { numRuns: 50 })(
    'never admits more than the limit within any 24 hours, and refuses only when the last 24 hours hold the limit',
    (gaps, limit) => {
      const clock = new SimClock(0);
      const usage = new ApiUsage(() => clock.now(), limit);
      const admitted: number[] = [];
      for (const gap of gaps) {
        clock.advance(gap);
        // Counted per minute: a request leaves the window once its whole minute is 24 hours old.
        const inWindow = admitted.filter((t) => Math.floor(t / 60_000) >= Math.floor((clock.now() - 24 * HOUR) / 60_000)).length;
        const ok = usage.consume();
        if (ok) admitted.push(clock.now());
        expect(ok).toBe(inWindow < limit);
        expect(admitted.filter((t) => t > clock.now() - 24 * HOUR).length).toBeLessThanOrEqual(limit);
      }
    },
  );
});

describe('the report says when an API limit was hit', () => {
  test('Marketo logs each stretch of 607 and 606 refusals', () => {
    const clock = new SimClock(Date.UTC(2026, 0, 5, 9));
    const limiter = new CallLimiter(clock, { dailyQuota: 2, rateLimit: false });
    limiter.admit();
    limiter.admit();
    clock.advance(1_000);
    limiter.admit();
    clock.advance(1_000);
    limiter.admit();
    expect(limiter.quotaHits.episodes()).toEqual([{ reachedAt: Date.UTC(2026, 0, 5, 9, 0, 1), lastRefusedAt: Date.UTC(2026, 0, 5, 9, 0, 2), refused: 2 }]);
  });

  test('a run that reaches the Salesforce allocation lists when, and how many requests were refused', async () => {
    const h = await createHarness({ seed: 31 });
    h.world.crm.apiUsage.setLimit(h.world.crm.apiUsage.used + 20);
    for (let i = 0; i < 6; i++) await h.deliver(payloadFor('chat', h.hints, { email: `limit.${i}@fresh-domain.example` }));
    const run = h.record();
    await h.close();
    const [hit] = limitsReached(run.world, run.startedAt);
    expect(hit).toMatchObject({ system: 'salesforce', limit: expect.stringMatching(/^TotalRequests: \d+ per rolling 24 h/), refused: expect.any(Number) });
    expect(hit!.refused).toBeGreaterThan(0);
    const text = formatSimulationReport(summarize(run), [], { replayCommand: 'x' });
    expect(text).toContain(`salesforce ${hit!.limit}: reached ${hit!.reachedAt}, ${hit!.refused} refused`);
    // The refused work is parked, never lost, and goes through once the window allows it.
    expect(run.traces.some((t) => t.outcome?.kind === 'parked')).toBe(true);
  });
});
