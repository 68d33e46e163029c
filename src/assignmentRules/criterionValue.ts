import type { FieldSpec } from '../systems/crm/schema.ts';

/** A criterion value read for its field's type, or why it cannot be. */
export type CriterionValue = { readonly ok: true; readonly value: string | number | boolean } | { readonly ok: false; readonly expected: string };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;
/** Salesforce's relative date values in filter criteria (TODAY, LAST 90 DAYS, NEXT N MONTHS:3, THIS FISCAL YEAR...). */
const RELATIVE_DATE = /^(TODAY|YESTERDAY|TOMORROW|(LAST|THIS|NEXT)\b.*|N_?DAYS_AGO.*)$/i;
/** A number as Salesforce writes one in criteria: thousands separators, a currency code (`USD 80,000`), a percent sign. */
const NUMBER = /^(?:[A-Z]{3}\s+)?[-+]?[\d,]*\.?\d+\s*%?$/;

/**
 * Reads one criterion value (already split from its comma-separated list) for a field of type `spec`, as
 * Salesforce's filter criteria write them: `True`/`False` (or `1`/`0`) for a checkbox; numbers with thousands
 * separators, a multi-currency org's ISO code (`USD 80,000`) or a percent sign; dates as the Metadata API
 * writes them (`1/31/2024`, also ISO `2024-01-31`), date-times with a time (`1/31/2024 9:00 AM`, read as UTC).
 * Relative dates (`TODAY`, `LAST 90 DAYS`) are refused: a routing graph has no date arithmetic.
 * Text-like fields take the text as it is.
 * Source: "Filter Operators" and "Relative Date Values for Filter Criteria" in Salesforce Help
 * (https://help.salesforce.com/s/articleView?id=sf.filter_dates_relative.htm).
 */
export function criterionValue(spec: FieldSpec, text: string): CriterionValue {
  switch (spec.type) {
    case 'boolean':
      if (/^(true|1)$/i.test(text)) return { ok: true, value: true };
      if (/^(false|0)$/i.test(text)) return { ok: true, value: false };
      return { ok: false, expected: 'True or False' };
    case 'int':
    case 'double': {
      const n = parseCriterionNumber(text);
      if (n === undefined || (spec.type === 'int' && !Number.isInteger(n))) return { ok: false, expected: spec.type === 'int' ? 'a whole number' : 'a number, e.g. 1000, "1,000" or "USD 80,000"' };
      return { ok: true, value: n };
    }
    case 'date':
    case 'datetime': {
      if (RELATIVE_DATE.test(text)) return { ok: false, expected: 'a fixed date such as 1/31/2024: relative dates (TODAY, LAST 90 DAYS...) need date arithmetic a routing graph does not have' };
      const iso = parseCriterionDate(text, spec.type === 'datetime');
      return iso === undefined ? { ok: false, expected: 'a date such as 1/31/2024 (or 2024-01-31)' } : { ok: true, value: iso };
    }
    default:
      return { ok: true, value: text };
  }
}

/** A criterion's number (`1,000`, `USD 80,000`, `15%`), or undefined when the text is not one. */
export function parseCriterionNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const n = Number(trimmed.replace(/^[A-Z]{3}\s+/, '').replace(/[,%\s]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A criterion's date as ISO `YYYY-MM-DD` (with `THH:MM:SS.000+0000`, as the CRM stores date-times, for a date-time that gives a time), or undefined. */
export function parseCriterionDate(text: string, withTime: boolean): string | undefined {
  const us = US_DATE.exec(text.trim());
  const iso = us ? undefined : ISO_DATE.exec(text.trim());
  if (!us && !iso) return undefined;
  const [year, month, day] = us ? [Number(us[3]), Number(us[1]), Number(us[2])] : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const ymd = date.toISOString().slice(0, 10);
  const hourText = us ? us[4] : iso![4];
  if (!withTime || hourText === undefined) return ymd;
  let hour = Number(hourText);
  const meridiem = us?.[7]?.toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  const minute = Number(us ? us[5] : iso![5]);
  const second = Number((us ? us[6] : iso![6]) ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${ymd}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000+0000`;
}

/** A date or date-time value as the Metadata API writes it in criteria: `1/31/2024`, `1/31/2024 9:05 AM`. */
export function formatCriterionDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const date = `${Number(m[2])}/${Number(m[3])}/${m[1]}`;
  if (m[4] === undefined) return date;
  const hour = Number(m[4]);
  return `${date} ${hour % 12 === 0 ? 12 : hour % 12}:${m[5]} ${hour < 12 ? 'AM' : 'PM'}`;
}
