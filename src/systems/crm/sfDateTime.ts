/** Salesforce's wire formats for date-time and date values. */

/** Epoch ms → `2026-01-05T09:00:00.000+0000`, the form Salesforce's REST API uses for datetime fields. */
let lastMs = Number.NaN;
let lastText = '';

export function formatSfDateTime(ms: number): string {
  // Writes come in runs at the same simulated millisecond: format each one once.
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString().replace('Z', '+0000');
    lastMs = ms;
  }
  return lastText;
}

/** Epoch ms → `2026-01-05`, the form of date fields. */
export function formatSfDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
