const DAY = 86_400_000;

/** A civil date-time in one time zone, and its day number (days since 1970-01-01 on that zone's calendar). */
export interface CivilTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0–23. */
  readonly hour: number;
  /** Days since 1970-01-01 of this civil date (UTC-midnight encoding, as date fields are stored). */
  readonly dayNumber: number;
  /** 0 for Sunday … 6 for Saturday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

function fromUtcFields(year: number, month: number, day: number, hour: number): CivilTime {
  const dayNumber = Math.floor(Date.UTC(year, month - 1, day) / DAY);
  return { year, month, day, hour, dayNumber, weekday: (((dayNumber + 4) % 7) + 7) % 7 };
}

/**
 * The civil date and hour of instant `ms` in `timeZone` (an IANA name; `UTC` is computed without Intl).
 * Throws RangeError for an unknown time zone (see `assertTimeZone`).
 */
export function civilTime(ms: number, timeZone: string): CivilTime {
  if (timeZone === 'UTC') {
    const d = new Date(ms);
    return fromUtcFields(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours());
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return fromUtcFields(parts['year'] ?? 1970, parts['month'] ?? 1, parts['day'] ?? 1, parts['hour'] ?? 0);
}

/** The civil date of a day number (the inverse of `dayNumber`). */
export function civilDay(dayNumber: number): CivilTime {
  return civilTime(dayNumber * DAY, 'UTC');
}

/** The offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant local midnight starts day `dayNumber` in `timeZone` (epoch ms). */
export function startOfDay(dayNumber: number, timeZone: string): number {
  const local = dayNumber * DAY;
  if (timeZone === 'UTC') return local;
  let guess = local - offsetAt(local, timeZone);
  // A second pass settles days whose offset differs from the first guess's (daylight-saving changes).
  guess = local - offsetAt(guess, timeZone);
  return guess;
}

/** The day number of the first day of a month index (`year * 12 + month - 1`). */
export function monthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return Math.floor(Date.UTC(year, monthIndex - year * 12, 1) / DAY);
}

/** Throws RangeError naming `timeZone` when it is not an IANA time zone this Node knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw new RangeError(`Failed to set the org time zone "${timeZone}": it is not an IANA time zone name. Use a name such as "UTC" or "America/Los_Angeles".`);
  }
}
