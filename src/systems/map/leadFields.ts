/**
 * The simulated Marketo lead database schema: standard REST field names (as `GET /rest/v1/leads/describe.json`
 * lists them) plus a few custom fields the leadsim pipeline syncs. Field names are the contract; lookups are
 * case-insensitive and resolve to the canonical camelCase name.
 */

/** Marketo describe data types. */
export type MarketoDataType = 'integer' | 'string' | 'email' | 'phone' | 'url' | 'text' | 'boolean' | 'datetime' | 'currency' | 'float' | 'reference';

/** One lead field. */
export interface LeadFieldSpec {
  readonly name: string;
  readonly displayName: string;
  readonly dataType: MarketoDataType;
  readonly length?: number;
  /** Set by Marketo only; values sent by clients are ignored. */
  readonly readOnly?: boolean;
  /** Usable as `filterType` in `GET /rest/v1/leads.json`. */
  readonly searchable?: boolean;
  /** A custom field (not part of every Marketo instance). */
  readonly custom?: boolean;
}

const f = (name: string, displayName: string, dataType: MarketoDataType, extra: Partial<LeadFieldSpec> = {}): LeadFieldSpec => ({
  name,
  displayName,
  dataType,
  ...(dataType === 'string' || dataType === 'email' || dataType === 'phone' || dataType === 'url' ? { length: 255 } : {}),
  ...extra,
});

/** Every lead field, in describe order. */
export const LEAD_FIELDS: readonly LeadFieldSpec[] = [
  f('id', 'Id', 'integer', { readOnly: true, searchable: true }),
  f('email', 'Email Address', 'email', { searchable: true }),
  f('firstName', 'First Name', 'string'),
  f('lastName', 'Last Name', 'string'),
  f('middleName', 'Middle Name', 'string'),
  f('salutation', 'Salutation', 'string'),
  f('title', 'Job Title', 'string'),
  f('company', 'Company Name', 'string'),
  f('phone', 'Phone Number', 'phone'),
  f('mobilePhone', 'Mobile Phone Number', 'phone'),
  f('fax', 'Fax Number', 'phone'),
  f('address', 'Address', 'text'),
  f('city', 'City', 'string'),
  f('state', 'State', 'string'),
  f('postalCode', 'Postal Code', 'string'),
  f('country', 'Country', 'string'),
  f('website', 'Website', 'url'),
  f('industry', 'Industry', 'string'),
  f('annualRevenue', 'Annual Revenue', 'currency'),
  f('numberOfEmployees', 'Num Employees', 'integer'),
  f('leadSource', 'Lead Source', 'string'),
  f('leadStatus', 'Lead Status', 'string'),
  f('leadScore', 'Lead Score', 'integer'),
  f('leadRole', 'Role', 'string'),
  f('unsubscribed', 'Unsubscribed', 'boolean'),
  f('unsubscribedReason', 'Unsubscribed Reason', 'text'),
  f('marketingSuspended', 'Marketing Suspended', 'boolean'),
  f('doNotCall', 'Do Not Call', 'boolean'),
  f('sfdcLeadId', 'SFDC Lead ID', 'string', { searchable: true }),
  f('sfdcContactId', 'SFDC Contact ID', 'string', { searchable: true }),
  f('sfdcAccountId', 'SFDC Account ID', 'string', { searchable: true }),
  f('sfdcLeadOwnerId', 'Lead Owner Id', 'string'),
  f('externalCompanyId', 'External Company Id', 'string'),
  f('externalSalesPersonId', 'External Sales Person Id', 'string'),
  f('leadPartitionId', 'Lead Partition Id', 'integer', { readOnly: true }),
  f('acquisitionProgramId', 'Acquisition Program Id', 'integer'),
  f('originalSourceType', 'Original Source Type', 'string', { readOnly: true }),
  f('createdAt', 'Created At', 'datetime', { readOnly: true }),
  f('updatedAt', 'Updated At', 'datetime', { readOnly: true }),
  f('leadAcquisitionSource', 'Lead Acquisition Source', 'string', { custom: true }),
  f('offerType', 'Offer Type', 'string', { custom: true }),
  f('impartnerPartnerAccount', 'Impartner Partner Account', 'string', { custom: true, searchable: true }),
  f('consentGiven', 'Consent Given', 'boolean', { custom: true }),
  f('mailability', 'Mailability', 'string', { custom: true }),
];

const BY_LOWER_NAME: ReadonlyMap<string, LeadFieldSpec> = new Map(LEAD_FIELDS.map((spec) => [spec.name.toLowerCase(), spec]));

/** The field called `name` (any case), or undefined. */
export function leadField(name: string): LeadFieldSpec | undefined {
  return BY_LOWER_NAME.get(name.trim().toLowerCase());
}

/** Fields returned when a query names none. */
export const DEFAULT_LEAD_FIELDS: readonly string[] = ['id', 'email', 'updatedAt', 'createdAt', 'firstName', 'lastName'];

/**
 * Checks and converts a client value for a field: numbers from numeric strings, booleans from `true`/`false`/`1`/`0`,
 * everything else as a string. `null` clears the field. Returns undefined when the value does not fit the type.
 */
export function coerceLeadValue(spec: LeadFieldSpec, value: unknown): { value: string | number | boolean | null } | undefined {
  if (value === null) return { value: null };
  switch (spec.dataType) {
    case 'integer':
    case 'currency':
    case 'float': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n) || (spec.dataType === 'integer' && !Number.isInteger(n))) return undefined;
      return { value: n };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 1 || value === '1') return { value: true };
      if (value === 'false' || value === 0 || value === '0') return { value: false };
      return undefined;
    default:
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
      return undefined;
  }
}
