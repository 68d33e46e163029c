import type { LimitEpisode } from '../systems/limitLog.ts';
import type { World } from '../world/world.ts';

/** One stretch of time a vendor's API limit refused requests, for the report. Times are ISO-8601, simulated. */
export interface LimitReached {
  readonly system: 'salesforce' | 'marketo';
  /** The limit, as the vendor names it, with its value and window. */
  readonly limit: string;
  readonly reachedAt: string;
  readonly lastRefusedAt: string;
  readonly refused: number;
}

/**
 * When the simulated vendors' API limits refused requests since `since` (epoch ms): Salesforce's total API
 * requests per rolling 24 hours (REQUEST_LIMIT_EXCEEDED), Marketo's daily quota (607) and rate limit (606), in
 * order of when each was reached.
 */
export function limitsReached(world: World, since: number): LimitReached[] {
  const line = (system: LimitReached['system'], limit: string) => (e: LimitEpisode): LimitReached => ({
    system,
    limit,
    reachedAt: new Date(e.reachedAt).toISOString(),
    lastRefusedAt: new Date(e.lastRefusedAt).toISOString(),
    refused: e.refused,
  });
  const marketo = world.marketo.limitHits();
  return [
    ...world.crm.apiUsage.hits.episodes().filter((e) => e.reachedAt >= since).map(line('salesforce', `TotalRequests: ${world.crm.apiUsage.limit} per rolling 24 h (REQUEST_LIMIT_EXCEEDED)`)),
    ...marketo.dailyQuota.filter((e) => e.reachedAt >= since).map(line('marketo', 'daily quota, resets 12:00 AM CST (607)')),
    ...marketo.rateLimit.filter((e) => e.reachedAt >= since).map(line('marketo', 'rate limit per 20 s (606)')),
  ].sort((a, b) => a.reachedAt.localeCompare(b.reachedAt));
}
