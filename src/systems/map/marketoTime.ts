/** Renders epoch ms the way Marketo's REST API does: ISO-8601 in UTC without milliseconds (`2026-01-05T09:00:00Z`). */
export function marketoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
