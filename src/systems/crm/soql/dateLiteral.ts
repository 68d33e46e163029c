const DAY = 86_400_000;

/**
 * A relative date literal's half-open range `[start(now), end(now))` in epoch ms, computed from the simulated
 * "now" at evaluation time (compiled queries are cached, so the range cannot be fixed at compile time).
 */
export interface DateRangeFn {
  readonly start: (now: number) => number;
  readonly end: (now: number) => number;
}

const startOfDay = (now: number) => now - (((now % DAY) + DAY) % DAY);

function days(fromDays: number, toDays: number): DateRangeFn {
  return { start: (now) => startOfDay(now) + fromDays * DAY, end: (now) => startOfDay(now) + toDays * DAY };
}

/**
 * The range of a Salesforce relative date literal (`TODAY`, `YESTERDAY`, `TOMORROW`, `LAST_N_DAYS:n`,
 * `NEXT_N_DAYS:n`), or undefined for one the simulator does not implement. Days are UTC days.
 * LAST_N_DAYS:n runs from the start of the day n days ago to the end of today; NEXT_N_DAYS:n from tomorrow for n days.
 */
export function dateLiteralRange(literal: string): DateRangeFn | undefined {
  const [name, nText] = literal.toUpperCase().split(':');
  const n = nText === undefined ? 0 : Number(nText);
  switch (name) {
    case 'TODAY':
      return days(0, 1);
    case 'YESTERDAY':
      return days(-1, 0);
    case 'TOMORROW':
      return days(1, 2);
    case 'LAST_N_DAYS':
      return days(-n, 1);
    case 'NEXT_N_DAYS':
      return days(1, n + 1);
    default:
      return undefined;
  }
}
