import type { StandardLead } from '../../model/inboundLead.ts';
import type { EntryPoint } from '../../model/entryPointId.ts';
import { standardizeCountry } from '../../standardize/country.ts';

/** The CRM `LeadSource` each entry point stands for. */
export const LEAD_SOURCE_BY_ENTRY_POINT: Readonly<Record<EntryPoint, string>> = {
  'web-form': 'Web',
  chat: 'Chat',
  'ad-vendor': 'Advertisement',
  'list-upload': 'Event',
  'sales-created': 'Sales',
  'partner-portal': 'Partner Referral',
  'trial-sign-up': 'Trial',
};

/**
 * The CRM fields a standardized lead fills, for a Lead or a Contact. Empty values are left out, so an update built
 * from it can never blank a field.
 */
export function personFields(lead: StandardLead, type: 'Lead' | 'Contact'): Record<string, unknown> {
  const p = lead.person;
  const fields: Record<string, unknown> = {
    Email: p.email,
    FirstName: p.firstName,
    LastName: p.lastName,
    Title: p.title,
    Phone: p.phone,
    LeadSource: LEAD_SOURCE_BY_ENTRY_POINT[lead.attribution.source],
    Lead_Acquisition_Source__c: lead.attribution.acquisitionSource,
    Impartner_Partner_Account__c: lead.attribution.partnerAccount,
    Email_Opt_In__c: p.consent === 'opt-in' ? true : undefined,
    HasOptedOutOfEmail: p.consent === 'opt-out' ? true : undefined,
  };
  const country = p.country ? standardizeCountry(p.country) : undefined;
  const name = country?.ok ? country.name : undefined;
  if (type === 'Lead') {
    Object.assign(fields, { Company: lead.company.name, Country: name, CountryCode: p.country, NumberOfEmployees: lead.company.employees });
  } else {
    Object.assign(fields, { MailingCountry: name, MailingCountryCode: p.country });
  }
  for (const key of Object.keys(fields)) {
    const v = fields[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) delete fields[key];
  }
  return fields;
}

/** The fields of `incoming` that fill an empty field of `existing` (an update never overwrites or blanks). */
export function fillEmpty(existing: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    const current = existing[key];
    const empty = current === undefined || current === null || current === '' || current === false;
    if (empty && value !== current) out[key] = value;
  }
  return out;
}
