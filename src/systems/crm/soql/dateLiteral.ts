import { civilTime, monthStart } from './orgCalendar.ts';

/** A relative date literal's range as day numbers `[startDay, endDay)` on the org's calendar. */
export interface DayRange {
  readonly startDay: number;
  readonly endDay: number;
}

/** A relative date literal, resolved at evaluation time (compiled queries are cached, so not at compile time). */
export type DateRangeFn = (now: number, timeZone: string) => DayRange;

/** When the fiscal year starts: January, Salesforce's default for a standard fiscal year. */
const FISCAL_START_MONTH = 1;

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscalQuarter' | 'fiscalYear';

/** The day range of `count` periods of `unit` starting `from` periods after the current one. */
function periods(unit: Unit, from: number, count: number): DateRangeFn {
  return (now, timeZone) => {
    const today = civilTime(now, timeZone);
    if (unit === 'day') return { startDay: today.dayNumber + from, endDay: today.dayNumber + from + count };
    if (unit === 'week') {
      // Weeks start on Sunday (the en_US locale's first day of the week).
      const weekStart = today.dayNumber - today.weekday;
      return { startDay: weekStart + 7 * from, endDay: weekStart + 7 * (from + count) };
    }
    const months = unit === 'month' ? 1 : unit === 'quarter' || unit === 'fiscalQuarter' ? 3 : 12;
    const offset = unit === 'fiscalQuarter' || unit === 'fiscalYear' ? FISCAL_START_MONTH - 1 : 0;
    const current = today.year * 12 + today.month - 1 - offset;
    const first = Math.floor(current / months) * months + offset;
    return { startDay: monthStart(first + months * from), endDay: monthStart(first + months * (from + count)) };
  };
}

const FIXED: Readonly<Record<string, DateRangeFn>> = {
  YESTERDAY: periods('day', -1, 1),
  TODAY: periods('day', 0, 1),
  TOMORROW: periods('day', 1, 1),
  LAST_WEEK: periods('week', -1, 1),
  THIS_WEEK: periods('week', 0, 1),
  NEXT_WEEK: periods('week', 1, 1),
  LAST_MONTH: periods('month', -1, 1),
  THIS_MONTH: periods('month', 0, 1),
  NEXT_MONTH: periods('month', 1, 1),
  LAST_90_DAYS: periods('day', -90, 91),
  NEXT_90_DAYS: periods('day', 1, 90),
  LAST_QUARTER: periods('quarter', -1, 1),
  THIS_QUARTER: periods('quarter', 0, 1),
  NEXT_QUARTER: periods('quarter', 1, 1),
  LAST_YEAR: periods('year', -1, 1),
  THIS_YEAR: periods('year', 0, 1),
  NEXT_YEAR: periods('year', 1, 1),
  LAST_FISCAL_QUARTER: periods('fiscalQuarter', -1, 1),
  THIS_FISCAL_QUARTER: periods('fiscalQuarter', 0, 1),
  NEXT_FISCAL_QUARTER: periods('fiscalQuarter', 1, 1),
  LAST_FISCAL_YEAR: periods('fiscalYear', -1, 1),
  THIS_FISCAL_YEAR: periods('fiscalYear', 0, 1),
  NEXT_FISCAL_YEAR: periods('fiscalYear', 1, 1),
};

const WITH_N: Readonly<Record<string, (n: number) => DateRangeFn>> = {
  // "starts with the current day and continues for the past n days": today and the n days before it.
  LAST_N_DAYS: (n) => periods('day', -n, n + 1),
  NEXT_N_DAYS: (n) => periods('day', 1, n),
  N_DAYS_AGO: (n) => periods('day', -n, 1),
  LAST_N_WEEKS: (n) => periods('week', -n, n),
  NEXT_N_WEEKS: (n) => periods('week', 1, n),
  N_WEEKS_AGO: (n) => periods('week', -n, 1),
  LAST_N_MONTHS: (n) => periods('month', -n, n),
  NEXT_N_MONTHS: (n) => periods('month', 1, n),
  N_MONTHS_AGO: (n) => periods('month', -n, 1),
  LAST_N_QUARTERS: (n) => periods('quarter', -n, n),
  NEXT_N_QUARTERS: (n) => periods('quarter', 1, n),
  N_QUARTERS_AGO: (n) => periods('quarter', -n, 1),
  LAST_N_YEARS: (n) => periods('year', -n, n),
  NEXT_N_YEARS: (n) => periods('year', 1, n),
  N_YEARS_AGO: (n) => periods('year', -n, 1),
  LAST_N_FISCAL_QUARTERS: (n) => periods('fiscalQuarter', -n, n),
  NEXT_N_FISCAL_QUARTERS: (n) => periods('fiscalQuarter', 1, n),
  N_FISCAL_QUARTERS_AGO: (n) => periods('fiscalQuarter', -n, 1),
  LAST_N_FISCAL_YEARS: (n) => periods('fiscalYear', -n, n),
  NEXT_N_FISCAL_YEARS: (n) => periods('fiscalYear', 1, n),
  N_FISCAL_YEARS_AGO: (n) => periods('fiscalYear', -n, 1),
};

/**
 * The range of a Salesforce date literal (`TODAY`, `LAST_WEEK`, `THIS_QUARTER`, `LAST_N_DAYS:30`, `NEXT_N_WEEKS:2`,
 * `N_DAYS_AGO:7`, … the full documented list), or undefined for an unknown one. Every range starts at local
 * midnight on the org's calendar (the `timeZone` given at evaluation): weeks start on Sunday, quarters in January,
 * April, July and October, and the fiscal year is the standard one starting in January.
 * Source: "Date Formats and Date Literals in WHERE", SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm).
 */
export function dateLiteralRange(literal: string): DateRangeFn | undefined {
  const [name = '', nText] = literal.toUpperCase().split(':');
  if (nText === undefined) return FIXED[name];
  const n = Number(nText);
  const make = WITH_N[name];
  return make && Number.isInteger(n) && n >= 0 ? make(n) : undefined;
}
