/** Salesforce's wire formats for date-time and date values. */

/** Epoch ms → `2026-01-05T09:00:00.000+0000`, the form Salesforce's REST API uses for datetime fields. */
export function formatSfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Epoch ms → `2026-01-05`, the form of date fields. */
export function formatSfDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
