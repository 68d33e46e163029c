import { z } from 'zod';
import { CRM_SCHEMA, type CrmSchema, type FieldSpec, type SObjectType } from './schema.ts';

/** Objects an org may declare fields on (the ones leads, their campaigns and the current user are read from). */
export const DECLARABLE_OBJECTS = ['Lead', 'Contact', 'Account', 'Campaign', 'CampaignMember', 'User'] as const;
/** Objects an org may declare record types for. */
export const RECORD_TYPE_OBJECTS = ['Lead', 'Contact', 'Account', 'Campaign'] as const;
/** Objects a declared lookup field may point to. */
const REFERENCE_TARGETS = ['User', 'Group', 'Account', 'Contact', 'Lead', 'Campaign'] as const;

/**
 * Field types an org spec may declare, named as Salesforce's Setup and describe name them. `currency` and
 * `percent` are numbers in the simulated CRM (stored, compared and described as `double`).
 */
export const DECLARED_FIELD_TYPES = ['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'boolean', 'int', 'double', 'currency', 'percent', 'date', 'datetime', 'reference'] as const;
/** One of {@link DECLARED_FIELD_TYPES}. */
export type DeclaredFieldType = (typeof DECLARED_FIELD_TYPES)[number];

const FIELD_KEY = new RegExp(`^(${DECLARABLE_OBJECTS.join('|')})\\.[A-Za-z][A-Za-z0-9_]*$`);
const FIELD_KEY_EXPECTED = `"<Object>.<Field API name>", with Object one of ${DECLARABLE_OBJECTS.join(', ')}`;
const FieldKeySchema = z.string().meta({ description: FIELD_KEY_EXPECTED });

/** True when `key` names a field as the extension keys do; otherwise adds the issue at `key`. */
function checkKey(key: string, ctx: z.RefinementCtx): boolean {
  if (FIELD_KEY.test(key)) return true;
  ctx.addIssue({ code: 'custom', path: [key], message: `${JSON.stringify(key)} is not a field name: expected ${FIELD_KEY_EXPECTED}` });
  return false;
}

/** Default lengths of text fields, as Setup proposes them. */
const DEFAULT_LENGTHS: Partial<Record<DeclaredFieldType, number>> = { string: 255, textarea: 32768, email: 80, phone: 40, url: 255 };

/**
 * A field an org has beyond leadsim's schema: a custom field (`Territory__c`), a managed package's
 * (`FinServ__ExpressedInterest__c`) or a standard one the simulated CRM leaves out. Picklists list their values
 * (a restricted one refuses others on writes, as Salesforce's do); lookups name the objects they point to.
 */
export const DeclaredFieldSchema = z
  .strictObject({
    type: z.enum(DECLARED_FIELD_TYPES),
    length: z.number().int().min(1).max(131072).optional().meta({ description: 'Maximum length of a text field (default: 255; textarea 32768, email 80, phone 40).' }),
    values: z.array(z.string().min(1)).min(1).optional().meta({ description: 'The values of a picklist or multi-select picklist, in order.' }),
    restricted: z.boolean().optional().meta({ description: 'A restricted picklist refuses other values on writes (default false).' }),
    referenceTo: z.array(z.enum(REFERENCE_TARGETS)).min(1).optional().meta({ description: 'The objects a lookup (reference) field points to.' }),
    externalId: z.boolean().optional().meta({ description: 'An External ID field: upserts and GETs by field (`/sobjects/Lead/My_Id__c/{value}`) find records by it.' }),
  })
  .superRefine((field, ctx) => {
    const picklist = field.type === 'picklist' || field.type === 'multipicklist';
    if (picklist && field.values === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${field.type} field needs its values` });
    if (!picklist && field.values !== undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: `only picklists have values, and this field is ${field.type}` });
    if (!picklist && field.restricted !== undefined) ctx.addIssue({ code: 'custom', path: ['restricted'], message: `only picklists are restricted, and this field is ${field.type}` });
    if ((field.type === 'reference') !== (field.referenceTo !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['referenceTo'], message: field.type === 'reference' ? 'a reference field names the objects it points to' : `only reference fields point to objects, and this field is ${field.type}` });
    }
    if (field.length !== undefined && DEFAULT_LENGTHS[field.type] === undefined) ctx.addIssue({ code: 'custom', path: ['length'], message: `only text fields have a length, and this field is ${field.type}` });
  })
  .meta({ id: 'DeclaredField', description: 'A field the org has beyond leadsim\'s schema: its type, and its values for a picklist.' });
/** A declared field (see {@link DeclaredFieldSchema}). */
export type DeclaredField = z.infer<typeof DeclaredFieldSchema>;

const fieldsSchema = z
  .record(FieldKeySchema, DeclaredFieldSchema)
  .superRefine((fields, ctx) => {
    for (const key of Object.keys(fields)) {
      if (!checkKey(key, ctx)) continue;
      const [object, field] = splitKey(key);
      if (Object.hasOwn(CRM_SCHEMA[object], field)) {
        const spec = CRM_SCHEMA[object][field] as FieldSpec;
        const hint = spec.type === 'picklist' || spec.type === 'multipicklist' ? `; add values with "picklistValues": {"${key}": [...]}` : '';
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is already a field of leadsim's CRM (${spec.type})${hint}` });
      }
    }
  })
  .meta({
    description: 'Fields the org has beyond leadsim\'s CRM schema, by "<Object>.<Field>": custom fields, managed package fields, standard fields leadsim leaves out.',
    examples: [{ 'Lead.Territory__c': { type: 'picklist', values: ['East', 'West'] }, 'Lead.Net_Worth__c': { type: 'currency' } }],
  });

const picklistValuesSchema = z
  .record(FieldKeySchema, z.array(z.string().min(1)).min(1))
  .superRefine((lists, ctx) => {
    for (const key of Object.keys(lists)) {
      if (!checkKey(key, ctx)) continue;
      const [object, field] = splitKey(key);
      const spec = Object.hasOwn(CRM_SCHEMA[object], field) ? CRM_SCHEMA[object][field] : undefined;
      if (spec?.type !== 'picklist' && spec?.type !== 'multipicklist') {
        ctx.addIssue({ code: 'custom', path: [key], message: spec === undefined ? `${key} is not a field of leadsim's CRM; declare it under "fields" with its values` : `${key} is not a picklist (its type is ${spec.type})` });
      } else if (spec.readOnly) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is a read-only system picklist` });
      }
    }
  })
  .meta({
    description: 'More values for leadsim\'s standard picklists, by "<Object>.<Field>" (the org\'s own Lead Status, LeadSource or Industry values).',
    examples: [{ 'Lead.Status': ['Open - Not Contacted', 'Working - Contacted'], 'Lead.LeadSource': ['Trade Show'] }],
  });

const recordTypesSchema = z
  .partialRecord(z.enum(RECORD_TYPE_OBJECTS), z.array(z.string().min(1)).min(1))
  .meta({ description: 'Record type names by object; the object gets RecordTypeId and the CRM a RecordType record per name.', examples: [{ Lead: ['Partner Lead', 'Direct Lead'] }] });

/**
 * What an org has beyond leadsim's CRM schema: its own fields, values and record types. An org spec carries these
 * three keys at its top level; a routing graph imported from an org's assignment rules carries the ones it reads
 * (as `orgSchema`), so it lints and routes without the org at hand.
 */
export const SchemaExtensionSchema = z.strictObject({
  fields: fieldsSchema.optional(),
  picklistValues: picklistValuesSchema.optional(),
  recordTypes: recordTypesSchema.optional(),
});
/** An org's additions to the CRM schema (see {@link SchemaExtensionSchema}). */
export type SchemaExtension = z.infer<typeof SchemaExtensionSchema>;

/** `Lead.Territory__c` → `['Lead', 'Territory__c']` (the key is already checked). */
export function splitKey(key: string): [SObjectType, string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot) as SObjectType, key.slice(dot + 1)];
}

/** The field spec a declaration stands for in the simulated CRM. */
export function declaredFieldSpec(name: string, field: DeclaredField): FieldSpec {
  const type = field.type === 'currency' || field.type === 'percent' ? 'double' : field.type;
  const length = field.length ?? DEFAULT_LENGTHS[field.type];
  return {
    type,
    ...(length === undefined ? {} : { length }),
    ...(field.values ? { values: field.values } : {}),
    ...(field.restricted ? { restricted: true } : {}),
    ...(field.type === 'boolean' ? { defaultValue: false } : {}),
    ...(field.referenceTo ? { referenceTo: field.referenceTo, ...relationshipOf(name) } : {}),
    ...(field.externalId ? { externalId: true } : {}),
  };
}

/** A lookup's relationship name, as Salesforce derives it: `Partner__c` → `Partner__r`, `ManagerId` → `Manager`. */
function relationshipOf(name: string): { relationshipName?: string } {
  if (name.endsWith('__c')) return { relationshipName: `${name.slice(0, -3)}__r` };
  if (name.endsWith('Id') && name.length > 2) return { relationshipName: name.slice(0, -2) };
  return {};
}

const cache = new WeakMap<SchemaExtension, CrmSchema>();

/**
 * `base` with an org's additions: declared fields added to their objects, extra values appended to standard
 * picklists (in order, without repeats), and `RecordTypeId` (a lookup to RecordType, relationship `RecordType`) on
 * each object with record types. Without additions, `base` itself. Same extension object, same schema object.
 */
export function extendSchema(extension: SchemaExtension | undefined, base: CrmSchema = CRM_SCHEMA): CrmSchema {
  if (extension === undefined || isEmptyExtension(extension)) return base;
  if (base === CRM_SCHEMA) {
    const cached = cache.get(extension);
    if (cached) return cached;
  }
  const tables = Object.fromEntries(Object.entries(base).map(([type, fields]) => [type, { ...fields }])) as Record<SObjectType, Record<string, FieldSpec>>;
  for (const [key, list] of Object.entries(extension.picklistValues ?? {})) {
    const [object, field] = splitKey(key);
    const spec = tables[object][field];
    if (spec) tables[object][field] = { ...spec, values: [...new Set([...(spec.values ?? []), ...list])] };
  }
  for (const [key, declared] of Object.entries(extension.fields ?? {})) {
    const [object, field] = splitKey(key);
    tables[object][field] = declaredFieldSpec(field, declared);
  }
  for (const object of Object.keys(extension.recordTypes ?? {}) as SObjectType[]) {
    tables[object]['RecordTypeId'] = { type: 'reference', referenceTo: ['RecordType'], relationshipName: 'RecordType' };
  }
  if (base === CRM_SCHEMA) cache.set(extension, tables);
  return tables;
}

/** True when the extension adds nothing. */
export function isEmptyExtension(extension: SchemaExtension): boolean {
  return Object.keys(extension.fields ?? {}).length === 0 && Object.keys(extension.picklistValues ?? {}).length === 0 && Object.keys(extension.recordTypes ?? {}).length === 0;
}

/** The schema-extension keys of an org spec (or a graph's `orgSchema`), without the rest. */
export function schemaExtensionOf(source: Partial<SchemaExtension>): SchemaExtension {
  return {
    ...(source.fields ? { fields: source.fields } : {}),
    ...(source.picklistValues ? { picklistValues: source.picklistValues } : {}),
    ...(source.recordTypes ? { recordTypes: source.recordTypes } : {}),
  };
}
