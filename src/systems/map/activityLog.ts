import type { SimClock } from '../../core/clock.ts';
import { marketoTime } from './marketoTime.ts';

/** Activity types the simulator logs, with Marketo's standard ids. */
export const ACTIVITY_TYPES = {
  fillOutForm: { id: 2, name: 'Fill Out Form' },
  newLead: { id: 12, name: 'New Lead' },
  changeDataValue: { id: 13, name: 'Change Data Value' },
  addToList: { id: 24, name: 'Add to List' },
  removeFromList: { id: 25, name: 'Remove from List' },
  changeStatusInProgression: { id: 104, name: 'Change Status in Progression' },
  deleteLead: { id: 37, name: 'Delete Lead' },
} as const;

/** One `{name, value}` attribute of an activity. */
export interface ActivityAttribute {
  readonly name: string;
  readonly value: string | number | boolean | null;
}

/** One activity, shaped like an entry of `GET /rest/v1/activities.json`. */
export interface Activity {
  readonly id: number;
  readonly marketoGUID: string;
  readonly leadId: number;
  readonly activityDate: string;
  readonly activityTypeId: number;
  readonly primaryAttributeValueId?: number;
  readonly primaryAttributeValue: string;
  readonly attributes: readonly ActivityAttribute[];
}

/** What a caller passes to {@link ActivityLog.log}; the log adds id, GUID and date. */
export type ActivityInput = Omit<Activity, 'id' | 'marketoGUID' | 'activityDate'>;

/** Options of {@link ActivityLog.page}. */
export interface ActivityPageOptions {
  /** Only these activity type ids; all types when omitted. */
  readonly activityTypeIds?: readonly number[];
  /** Only these leads. */
  readonly leadIds?: readonly number[];
  /** Page size, 1–300; default 300. */
  readonly batchSize?: number;
}

/**
 * The activity log of the simulated Marketo: append-only, ids from a counter, ordered by id. Paging tokens encode
 * the last activity id seen, so they stay valid as the log grows (Marketo's tokens behave the same way).
 */
export class ActivityLog {
  readonly #clock: SimClock;
  readonly #activities: Activity[] = [];

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  /** Appends an activity dated now and returns it. */
  log(input: ActivityInput): Activity {
    const id = this.#activities.length + 1;
    const activity: Activity = { id, marketoGUID: String(id), activityDate: marketoTime(this.#clock.now()), ...input };
    this.#activities.push(activity);
    return activity;
  }

  /** Every activity, oldest first. */
  all(): readonly Activity[] {
    return this.#activities;
  }

  /** Replaces the log with a copy of `activities` (a world snapshot's restore; activities are immutable). */
  restore(activities: readonly Activity[]): void {
    this.#activities.length = 0;
    this.#activities.push(...activities);
  }

  /** A paging token pointing just before the first activity at or after `since` (epoch ms). */
  pagingToken(since: number): string {
    const first = this.#activities.findIndex((a) => Date.parse(a.activityDate) >= since);
    return encodeActivityToken(first === -1 ? this.#activities.length : first);
  }

  /**
   * The activities after `token`, filtered, at most `batchSize`. `nextPageToken` always comes back (Marketo's does);
   * `moreResult` says whether another call would return more.
   */
  page(token: string, options: ActivityPageOptions = {}): { ok: true; result: Activity[]; nextPageToken: string; moreResult: boolean } | { ok: false } {
    const start = decodeActivityToken(token);
    if (start === undefined) return { ok: false };
    const size = Math.min(Math.max(options.batchSize ?? 300, 1), 300);
    const types = options.activityTypeIds ? new Set(options.activityTypeIds) : undefined;
    const leads = options.leadIds ? new Set(options.leadIds) : undefined;
    const result: Activity[] = [];
    let cursor = start;
    for (; cursor < this.#activities.length && result.length < size; cursor++) {
      const activity = this.#activities[cursor]!;
      if (types && !types.has(activity.activityTypeId)) continue;
      if (leads && !leads.has(activity.leadId)) continue;
      result.push(activity);
    }
    return { ok: true, result, nextPageToken: encodeActivityToken(cursor), moreResult: cursor < this.#activities.length };
  }
}

// Tokens look opaque to clients (like Marketo's base32 tokens) but are just the log position.
function encodeActivityToken(position: number): string {
  return `ACT${position.toString(36).toUpperCase().padStart(8, '0')}`;
}

function decodeActivityToken(token: string): number | undefined {
  const match = /^ACT([0-9A-Z]{8,})$/.exec(token);
  return match ? Number.parseInt(match[1]!, 36) : undefined;
}
