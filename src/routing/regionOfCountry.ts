import type { Region } from '../systems/crm/schema.ts';
import { regionOf } from '../standardize/regions.ts';

/**
 * The sales region of a CRM `CountryCode` value as routing reads it: any value, any case; undefined for an empty
 * or unrecognized code, so routing can tell "no region" apart from a region. The table is standardize's.
 *
 * @example regionOfCountry('DE') // 'EMEA'
 */
export function regionOfCountry(code: unknown): Region | undefined {
  return typeof code === 'string' ? regionOf(code.trim().toUpperCase()) : undefined;
}
