import { formatSfDateTime } from '../../src/systems/crm/sfDateTime.ts';
import type { SObjectType } from '../../src/systems/crm/schema.ts';
import { methodNotAllowed, restError, restJson, type RestEnv, type RestRequest, type RestResponse } from './restExchange.ts';

const MINUTE = 60_000;
/** How far back the replication calls reach (Salesforce keeps 30 days of changes for them). */
const WINDOW_MS = 30 * 86_400_000;

function parseDate(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  // An unencoded `+00:00` arrives as a space.
  const ms = Date.parse(raw.trim().replace(/ (\d\d:?\d\d)$/, '+$1'));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * `GET /sobjects/{Type}/updated/?start=&end=` and `…/deleted/?start=&end=` (sObject Get Updated / Get Deleted,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getupdated.htm and
 * resources_getdeleted.htm): the ids of records whose SystemModstamp falls in [start, end), and the records deleted
 * in it with their delete time. Seconds are ignored (times are floored to the minute); `latestDateCovered` is `end`
 * or, when `end` is in the future, the current simulated minute. `start` must precede `end` and lie within the last
 * 30 days, else 400 INVALID_REPLICATION_DATE.
 */
export function replicationRoute(env: RestEnv, req: RestRequest, type: SObjectType, kind: 'updated' | 'deleted'): RestResponse {
  if (req.method !== 'GET') return methodNotAllowed(req.method, ['GET', 'HEAD']);
  const start = parseDate(req.query.get('start'));
  const end = parseDate(req.query.get('end'));
  if (start === undefined || end === undefined) {
    return restError(400, 'MALFORMED_QUERY', `The 'start' and 'end' parameters are required ISO 8601 date-times, e.g. ?start=2026-01-05T09:00:00%2B00:00&end=2026-01-05T10:00:00%2B00:00`);
  }
  const now = env.crm.clock.now();
  if (end <= start) return restError(400, 'INVALID_REPLICATION_DATE', 'startDate must chronologically precede endDate by more than one minute');
  if (start < now - WINDOW_MS) return restError(400, 'INVALID_REPLICATION_DATE', 'startDate cannot be more than 30 days ago');
  const covered = Math.min(end, Math.floor(now / MINUTE) * MINUTE);
  const inWindow = (stamp: unknown) => {
    const t = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
    return t >= start && t < covered;
  };
  if (kind === 'updated') {
    const ids = [...env.crm.records(type)].filter((r) => inWindow(r['SystemModstamp'])).map((r) => r.Id);
    return restJson(200, { ids, latestDateCovered: formatSfDateTime(covered) });
  }
  const deletedRecords = [...env.crm.records(type, { includeDeleted: true })]
    .filter((r) => r['IsDeleted'] === true && inWindow(r['SystemModstamp']))
    .map((r) => ({ id: r.Id, deletedDate: r['SystemModstamp'] }));
  return restJson(200, { deletedRecords, earliestDateAvailable: formatSfDateTime(Math.max(0, now - WINDOW_MS)), latestDateCovered: formatSfDateTime(covered) });
}
