import type { Crm } from '../../src/systems/crm/crm.ts';

/** One limit as `/limits` gives it. */
export interface OrgLimit {
  readonly Max: number;
  readonly Remaining: number;
}

/**
 * The allocations of an Enterprise Edition org as `GET /services/data/vXX.X/limits` lists them (the resource's
 * documented example). Only the daily API request count is tracked by the simulated org; the others answer with
 * their whole allocation remaining. Bulk API batches are `DailyBulkApiBatches` from API 49.0, `DailyBulkApiRequests`
 * before. Source: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
 */
const ALLOCATIONS: Readonly<Record<string, number>> = {
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentSyncReportRuns: 20,
  DailyAsyncApexExecutions: 250_000,
  DailyBulkV2QueryFileStorageMB: 976_562,
  DailyBulkV2QueryJobs: 10_000,
  DailyDurableGenericStreamingApiEvents: 10_000,
  DailyDurableStreamingApiEvents: 10_000,
  DailyGenericStreamingApiEvents: 10_000,
  DailyStandardVolumePlatformEvents: 10_000,
  DailyStreamingApiEvents: 10_000,
  DailyWorkflowEmails: 390,
  DataStorageMB: 5,
  FileStorageMB: 20,
  HourlyAsyncReportRuns: 1_200,
  HourlyDashboardRefreshes: 200,
  HourlyDashboardResults: 5_000,
  HourlyDashboardStatuses: 999_999_999,
  HourlyODataCallout: 10_000,
  HourlyPublishedPlatformEvents: 50_000,
  HourlySyncReportRuns: 500,
  HourlyTimeBasedWorkflow: 50,
  MassEmail: 10,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20,
};

/** The body of `GET /limits` at API `version`: the tracked daily API requests, then every other allocation. */
export function orgLimits(crm: Crm, version: string): Record<string, OrgLimit> {
  const limit = crm.apiUsage.limit;
  const out: Record<string, OrgLimit> = { DailyApiRequests: { Max: limit, Remaining: Math.max(0, limit - crm.apiUsage.used) } };
  out[Number(version) >= 49 ? 'DailyBulkApiBatches' : 'DailyBulkApiRequests'] = { Max: 15_000, Remaining: 15_000 };
  for (const [name, max] of Object.entries(ALLOCATIONS)) out[name] = { Max: max, Remaining: max };
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
