import { crmError, type CrmError, type CrmResult } from './crmError.ts';
import { fieldLabel } from './fieldLabel.ts';
import { normalizeId } from './ids.ts';
import type { SRecord } from './recordSource.ts';
import { CRM_SCHEMA, KEY_PREFIXES, type CrmSchema, type FieldSpec, type SObjectType } from './schema.ts';
import { formatSfDateTime } from './sfDateTime.ts';

/** Options of {@link validateFields}. */
export interface ValidateOptions {
  /** `create` checks required fields; `update` only rejects clearing them. */
  readonly mode: 'create' | 'update';
  /** Finds a referenced record by 18-character id. */
  readonly lookup: (id: string) => { type: SObjectType; record: SRecord } | undefined;
  /** The org's schema (default: leadsim's own, {@link CRM_SCHEMA}). */
  readonly schema?: CrmSchema;
}

/** Fields that can be set on create but never changed afterwards. */
const CREATE_ONLY: Readonly<Partial<Record<SObjectType, readonly string[]>>> = {
  CampaignMember: ['CampaignId', 'LeadId', 'ContactId'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const PREFIX_TYPES = new Map(Object.entries(KEY_PREFIXES).map(([type, prefix]) => [prefix, type as SObjectType]));
const canonicalNames = new WeakMap<CrmSchema, Map<SObjectType, Map<string, string>>>();
const requiredFields = new WeakMap<CrmSchema, Map<SObjectType, readonly (readonly [string, FieldSpec])[]>>();

/** The field's API name as the schema (default: leadsim's own) spells it (field names are case-insensitive), or undefined. */
export function canonicalField(type: SObjectType, name: string, schema: CrmSchema = CRM_SCHEMA): string | undefined {
  let byType = canonicalNames.get(schema);
  if (!byType) canonicalNames.set(schema, (byType = new Map()));
  let names = byType.get(type);
  if (!names) {
    // Keyed by the API name itself too: callers nearly always spell it the schema's way.
    names = new Map(Object.keys(schema[type]).flatMap((field) => [[field.toLowerCase(), field] as const, [field, field] as const]));
    byType.set(type, names);
  }
  return names.get(name) ?? names.get(name.toLowerCase());
}

/** The required fields of a type in the schema, with their specs. */
function required(type: SObjectType, schema: CrmSchema): readonly (readonly [string, FieldSpec])[] {
  let byType = requiredFields.get(schema);
  if (!byType) requiredFields.set(schema, (byType = new Map()));
  let fields = byType.get(type);
  if (!fields) {
    fields = Object.entries(schema[type]).filter(([, spec]) => spec.required);
    byType.set(type, fields);
  }
  return fields;
}

/** True when the field may be written in this mode (in `schema`, default leadsim's own). */
export function isWritable(type: SObjectType, field: string, mode: 'create' | 'update', schema: CrmSchema = CRM_SCHEMA): boolean {
  const spec = Object.hasOwn(schema[type], field) ? schema[type][field] : undefined;
  if (!spec || spec.readOnly) return false;
  return mode === 'create' || !(CREATE_ONLY[type] ?? []).includes(field);
}

/**
 * Checks the fields of a create or update against the schema, the way Salesforce does, in stages: unknown field
 * (INVALID_FIELD), read-only field (INVALID_FIELD_FOR_INSERT_UPDATE), values (type, length, email, picklist),
 * required fields, then references (MALFORMED_ID, FIELD_INTEGRITY_EXCEPTION, INVALID_CROSS_REFERENCE_KEY,
 * INACTIVE_OWNER_OR_USER). The first stage with errors wins. On success, returns the values normalized and keyed
 * by their API names: empty strings become null, ids become 18 characters, datetimes Salesforce's format.
 */
export function validateFields(type: SObjectType, fields: Readonly<Record<string, unknown>>, options: ValidateOptions): CrmResult<Record<string, unknown>> {
  const orgSchema = options.schema ?? CRM_SCHEMA;
  const schema = orgSchema[type];
  const named: [string, FieldSpec, unknown][] = [];
  const readOnly: string[] = [];
  for (const [given, value] of Object.entries(fields)) {
    const name = canonicalField(type, given, orgSchema);
    if (name === undefined) return fail([crmError('INVALID_FIELD', `No such column '${given}' on sobject of type ${type}`)]);
    if (!isWritable(type, name, options.mode, orgSchema)) readOnly.push(name);
    else named.push([name, schema[name]!, value]);
  }
  if (readOnly.length > 0) {
    const message = `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`;
    return fail([crmError('INVALID_FIELD_FOR_INSERT_UPDATE', message, readOnly)]);
  }

  const values: Record<string, unknown> = {};
  const valueErrors: CrmError[] = [];
  for (const [name, spec, raw] of named) {
    const result = coerce(type, name, spec, raw);
    if ('error' in result) valueErrors.push(result.error);
    else values[name] = result.value;
  }
  if (valueErrors.length > 0) return fail(valueErrors);

  const missing = required(type, orgSchema)
    .filter(([name, spec]) => (options.mode === 'create' ? spec.defaultValue === undefined && values[name] == null : name in values && values[name] === null))
    .map(([name]) => name);
  if (missing.length > 0) return fail([crmError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing)]);

  const refErrors: CrmError[] = [];
  for (const [name, spec] of named) {
    if (spec.type !== 'reference' || values[name] == null) continue;
    const result = checkReference(type, name, spec, String(values[name]), options.lookup);
    if ('error' in result) refErrors.push(result.error);
    else values[name] = result.value;
  }
  if (refErrors.length > 0) return fail(refErrors);
  return { ok: true, value: values };
}

function fail(errors: CrmError[]): CrmResult<Record<string, unknown>> {
  return { ok: false, errors };
}

type Coerced = { value: unknown } | { error: CrmError };

function coerce(type: SObjectType, name: string, spec: FieldSpec, raw: unknown): Coerced {
  const label = () => fieldLabel(type, name);
  const wrongType = (): Coerced => ({ error: crmError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${label()}: value not of required type: ${display(raw)}`, [name]) });
  if (raw === null || raw === undefined || raw === '') return { value: spec.type === 'boolean' ? false : null };
  switch (spec.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return wrongType();
    case 'int':
    case 'double': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n) || (spec.type === 'int' && !Number.isInteger(n))) return wrongType();
      return { value: n };
    }
    case 'datetime': {
      const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      return Number.isNaN(ms) ? wrongType() : { value: formatSfDateTime(ms) };
    }
    case 'date': {
      const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      return Number.isNaN(ms) ? wrongType() : { value: new Date(ms).toISOString().slice(0, 10) };
    }
    default: {
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return wrongType();
      const value = String(raw);
      if (spec.length !== undefined && value.length > spec.length) {
        return { error: crmError('STRING_TOO_LONG', `${label()}: data value too large: ${value} (max length=${spec.length})`, [name]) };
      }
      if (spec.type === 'email' && !EMAIL.test(value)) {
        return { error: crmError('INVALID_EMAIL_ADDRESS', `${label()}: invalid email address: ${value}`, [name]) };
      }
      const parts = spec.type === 'multipicklist' ? value.split(';') : [value];
      if ((spec.type === 'picklist' || spec.type === 'multipicklist') && spec.restricted && parts.some((part) => !(spec.values ?? []).includes(part))) {
        return { error: crmError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${label()}: bad value for restricted picklist field: ${value}`, [name]) };
      }
      return { value };
    }
  }
}

function checkReference(type: SObjectType, name: string, spec: FieldSpec, raw: string, lookup: ValidateOptions['lookup']): Coerced {
  const label = () => fieldLabel(type, name);
  const id = normalizeId(raw);
  if (id === undefined) return { error: crmError('MALFORMED_ID', `${label()}: id value of incorrect type: ${raw}`, [name]) };
  const targetType = PREFIX_TYPES.get(id.slice(0, 3));
  if (targetType === undefined || !(spec.referenceTo ?? []).includes(targetType)) {
    return { error: crmError('FIELD_INTEGRITY_EXCEPTION', `${label()}: id value of incorrect type: ${raw}`, [name]) };
  }
  const target = lookup(id);
  if (!target || target.type !== targetType || target.record['IsDeleted'] === true) {
    return { error: crmError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [name]) };
  }
  // A record type of another object (or an inactive one) is refused as Salesforce refuses it.
  if (target.type === 'RecordType' && (target.record['SobjectType'] !== type || target.record['IsActive'] === false)) {
    return { error: crmError('INVALID_CROSS_REFERENCE_KEY', `${label()}: id value not valid for the ${type} record type: ${raw}`, [name]) };
  }
  if (name === 'OwnerId' && target.type === 'User' && target.record['IsActive'] === false) {
    return { error: crmError('INACTIVE_OWNER_OR_USER', `operation performed with inactive user [${id}] as owner of ${type.toLowerCase()}`, [name]) };
  }
  return { value: id };
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
