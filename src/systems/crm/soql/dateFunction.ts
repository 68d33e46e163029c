import { formatSfDate } from '../sfDateTime.ts';
import { civilTime } from './orgCalendar.ts';

/** The SOQL date functions, each a function of a civil date-time. */
export const DATE_FUNCTIONS = [
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
] as const;
export type DateFunctionName = (typeof DATE_FUNCTIONS)[number];

/** True when `name` (any casing) is a SOQL date function. */
export function isDateFunction(name: string): name is DateFunctionName {
  return (DATE_FUNCTIONS as readonly string[]).includes(name.toUpperCase());
}

const DAY = 86_400_000;

/**
 * The value of a date function of instant `ms` read on `timeZone`'s calendar: a number, or for DAY_ONLY the date
 * as epoch ms of its UTC midnight. DAY_IN_WEEK is 1 for Sunday … 7 for Saturday; WEEK_IN_MONTH and WEEK_IN_YEAR
 * count 7-day blocks from the 1st (days 1–7 are week 1); the FISCAL_ functions use the standard fiscal year
 * starting in January, so they equal the calendar ones. Datetime fields are read in UTC unless wrapped in
 * convertTimezone(), which reads them in the org's time zone; date fields have no time zone.
 * Source: "Date Functions" and "convertTimezone()", SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_date_functions.htm).
 */
export function dateFunctionValue(name: DateFunctionName, ms: number, timeZone: string): number {
  const t = civilTime(ms, timeZone);
  switch (name) {
    case 'CALENDAR_MONTH':
    case 'FISCAL_MONTH':
      return t.month;
    case 'CALENDAR_QUARTER':
    case 'FISCAL_QUARTER':
      return Math.floor((t.month - 1) / 3) + 1;
    case 'CALENDAR_YEAR':
    case 'FISCAL_YEAR':
      return t.year;
    case 'DAY_IN_MONTH':
      return t.day;
    case 'DAY_IN_WEEK':
      return t.weekday + 1;
    case 'DAY_IN_YEAR':
      return t.dayNumber - Math.floor(Date.UTC(t.year, 0, 1) / DAY) + 1;
    case 'DAY_ONLY':
      return t.dayNumber * DAY;
    case 'HOUR_IN_DAY':
      return t.hour;
    case 'WEEK_IN_MONTH':
      return Math.floor((t.day - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((t.dayNumber - Math.floor(Date.UTC(t.year, 0, 1) / DAY)) / 7) + 1;
  }
}

/** A date function's value as the REST API returns it: numbers as numbers, DAY_ONLY as `YYYY-MM-DD`. */
export function dateFunctionOutput(name: DateFunctionName, value: number): number | string {
  return name === 'DAY_ONLY' ? formatSfDate(value) : value;
}
