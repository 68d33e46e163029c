import { isIsoCountryCode, isoCountryCodes } from '../../standardize/country.ts';
import { crmError, type CrmResult } from './crmError.ts';
import type { SRecord } from './recordSource.ts';
import type { SObjectType } from './schema.ts';

/** The country name ("integration value") and code fields of each object's address. */
export const COUNTRY_FIELDS: Readonly<Partial<Record<SObjectType, { readonly name: string; readonly code: string }>>> = {
  Lead: { name: 'Country', code: 'CountryCode' },
  Contact: { name: 'MailingCountry', code: 'MailingCountryCode' },
  Account: { name: 'BillingCountry', code: 'BillingCountryCode' },
};

const DISPLAY_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
let codesByName: Map<string, string> | undefined;

/**
 * The integration value of a country, the text Salesforce writes into `Country` for a `CountryCode`: the English
 * name Node's CLDR data gives the ISO code ("United States", "United Kingdom", "Germany"). Salesforce's defaults
 * are ISO short names, which agree for most countries (modelled, not a copy of Salesforce's table). Undefined for a
 * code that is not an ISO 3166-1 alpha-2 code (src/standardize decides which are).
 */
export function countryIntegrationValue(code: string): string | undefined {
  return isIsoCountryCode(code) ? DISPLAY_NAMES.of(code) : undefined;
}

function codeOfIntegrationValue(name: string): string | undefined {
  codesByName ??= new Map(isoCountryCodes().map((code) => [String(countryIntegrationValue(code)).toLowerCase(), code]));
  return codesByName.get(name.trim().toLowerCase());
}

// Messages as Salesforce words them [approx: quoted from public reports of these errors, e.g.
// https://support.storeconnect.com/article/resolve-state-country-picklist-sync-errors].
const badName = (field: string) => crmError('FIELD_INTEGRITY_EXCEPTION', "There's a problem with this country, even though it may appear correct. Please select a country/territory from the list of valid countries.", [field]);
const badCode = (field: string, value: unknown) =>
  crmError('FIELD_INTEGRITY_EXCEPTION', `The ${field} field contains ${String(value)}, which isn't an available country/territory. Your administrator can add it for you.`, [field]);

/**
 * With State and Country/Territory Picklists on, checks and syncs a write's country fields the way Salesforce does
 * (https://help.salesforce.com/s/articleView?id=xcloud.admin_state_country_picklists_field_syncing.htm):
 * - a code must be an ISO code (case-insensitive) and the name becomes its integration value;
 * - a name must be an integration value (case-insensitive: "United States", not "USA") and the code follows it;
 * - on create, a code and a name that disagree: the name is made to match the code; on update: refused;
 * - clearing the code clears the name, clearing the name clears the code.
 * Refusals are FIELD_INTEGRITY_EXCEPTION naming the field. `values` are already validated; `old` is the record
 * before an update. Returns the values to write.
 */
export function syncCountryPicklist(type: SObjectType, values: Readonly<Record<string, unknown>>, old: SRecord | undefined): CrmResult<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...values };
  const pair = COUNTRY_FIELDS[type];
  if (!pair || !(pair.name in values || pair.code in values)) return { ok: true, value: out };
  const rawCode = values[pair.code];
  const rawName = values[pair.name];
  const code = typeof rawCode === 'string' ? rawCode.trim().toUpperCase() : undefined;
  if (code !== undefined && !isIsoCountryCode(code)) return { ok: false, errors: [badCode(pair.code, rawCode)] };
  const nameCode = typeof rawName === 'string' ? codeOfIntegrationValue(rawName) : undefined;
  if (typeof rawName === 'string' && nameCode === undefined) return { ok: false, errors: [badName(pair.name)] };
  if (old !== undefined && code !== undefined && nameCode !== undefined && code !== nameCode) return { ok: false, errors: [badName(pair.name)] };
  const chosen = code ?? (pair.code in values ? null : (nameCode ?? null));
  out[pair.code] = chosen;
  out[pair.name] = chosen === null ? null : countryIntegrationValue(chosen);
  return { ok: true, value: out };
}
