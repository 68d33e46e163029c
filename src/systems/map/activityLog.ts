import type { SimClock } from '../../core/clock.ts';
import { CompactLog } from '../../core/compactLog.ts';
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
 * An activity as the log stores it: its time in ms, its attributes' names (joined, kept once) and values: the first
 * two in columns of their own, the third too when it is the last; from three up (a form fill has five), the third
 * column holds the rest as an array (values are never arrays themselves).
 */
interface StoredActivity {
  readonly leadId: number;
  readonly at: number;
  readonly activityTypeId: number;
  readonly primaryAttributeValueId: number | undefined;
  readonly primaryAttributeValue: string;
  readonly attributeNames: string;
  readonly value0: ActivityAttribute['value'] | undefined;
  readonly value1: ActivityAttribute['value'] | undefined;
  readonly rest: ActivityAttribute['value'] | readonly ActivityAttribute['value'][] | undefined;
}

const NAME_SEPARATOR = '\u0000';

/**
 * The activity log of the simulated Marketo: append-only, ids from a counter, ordered by id. Paging tokens encode
 * the last activity id seen, so they stay valid as the log grows (Marketo's tokens behave the same way). Stored
 * compactly (src/core/compactLog.ts): id, GUID and date are made again from the position and the time when read.
 */
export class ActivityLog {
  readonly #clock: SimClock;
  readonly #log = new CompactLog<StoredActivity>({
    leadId: 'int32',
    at: 'number',
    activityTypeId: 'code',
    primaryAttributeValueId: { kind: 'code', optional: true },
    primaryAttributeValue: 'value',
    attributeNames: 'code',
    value0: 'value',
    value1: 'value',
    rest: 'value',
  });

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  /** Appends an activity dated now and returns it. */
  log(input: ActivityInput): Activity {
    const index = this.#log.append(stored(input, this.#clock.now()));
    return this.#activity(index);
  }

  /** Every activity, oldest first (new objects). */
  all(): readonly Activity[] {
    return Array.from({ length: this.#log.length }, (_, i) => this.#activity(i));
  }

  /** Replaces the log with `activities` (a world snapshot's restore). */
  restore(activities: readonly Activity[]): void {
    this.#log.truncate(0);
    for (const activity of activities) this.#log.append(stored(activity, Date.parse(activity.activityDate)));
  }

  /** A paging token pointing just before the first activity at or after `since` (epoch ms). */
  pagingToken(since: number): string {
    let first = 0;
    while (first < this.#log.length && this.#log.value(first, 'at') < since) first++;
    return encodeActivityToken(first);
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
    for (; cursor < this.#log.length && result.length < size; cursor++) {
      const activity = this.#log.at(cursor);
      if (types && !types.has(activity.activityTypeId)) continue;
      if (leads && !leads.has(activity.leadId)) continue;
      result.push(this.#activity(cursor, activity));
    }
    return { ok: true, result, nextPageToken: encodeActivityToken(cursor), moreResult: cursor < this.#log.length };
  }

  #activity(index: number, entry: StoredActivity = this.#log.at(index)): Activity {
    const id = index + 1;
    const names = entry.attributeNames === '' ? [] : entry.attributeNames.split(NAME_SEPARATOR);
    return {
      id,
      marketoGUID: String(id),
      activityDate: marketoTime(entry.at),
      leadId: entry.leadId,
      activityTypeId: entry.activityTypeId,
      ...(entry.primaryAttributeValueId === undefined ? {} : { primaryAttributeValueId: entry.primaryAttributeValueId }),
      primaryAttributeValue: entry.primaryAttributeValue,
      attributes: names.map((name, i) => ({ name, value: attributeValue(entry, i) })),
    };
  }
}

function stored(input: ActivityInput, at: number): StoredActivity {
  return {
    leadId: input.leadId,
    // Activity dates are whole seconds (marketoTime): keep the time as the date says it.
    at: Math.floor(at / 1000) * 1000,
    activityTypeId: input.activityTypeId,
    primaryAttributeValueId: input.primaryAttributeValueId,
    primaryAttributeValue: input.primaryAttributeValue,
    attributeNames: input.attributes.map((a) => a.name).join(NAME_SEPARATOR),
    value0: input.attributes[0]?.value,
    value1: input.attributes[1]?.value,
    rest: input.attributes.length > 3 ? input.attributes.slice(2).map((a) => a.value) : input.attributes[2]?.value,
  };
}

function attributeValue(entry: StoredActivity, i: number): ActivityAttribute['value'] {
  if (i < 2) return (i === 0 ? entry.value0 : entry.value1) ?? null;
  const rest = entry.rest;
  return (Array.isArray(rest) ? (rest as readonly ActivityAttribute['value'][])[i - 2] : i === 2 ? (rest as ActivityAttribute['value'] | undefined) : undefined) ?? null;
}

// Tokens look opaque to clients (like Marketo's base32 tokens) but are just the log position.
function encodeActivityToken(position: number): string {
  return `ACT${position.toString(36).toUpperCase().padStart(8, '0')}`;
}

function decodeActivityToken(token: string): number | undefined {
  const match = /^ACT([0-9A-Z]{8,})$/.exec(token);
  return match ? Number.parseInt(match[1]!, 36) : undefined;
}
