import { childRelationships, type ChildRelationship } from './childRelationships.ts';
import { CRM_API_VERSION } from './duplicateRule.ts';
import { fieldLabel, objectLabel, objectLabelPlural } from './fieldLabel.ts';
import { CRM_SCHEMA, KEY_PREFIXES, SOBJECT_TYPES, type CrmSchema, type FieldSpec, type SObjectType } from './schema.ts';
import { isWritable } from './validateFields.ts';

/** One field in a describe result (the subset of Salesforce's DescribeFieldResult that clients read). */
export interface DescribeField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly length: number;
  readonly nillable: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  readonly defaultedOnCreate: boolean;
  readonly defaultValue: string | boolean | number | null;
  readonly custom: boolean;
  readonly restrictedPicklist: boolean;
  readonly picklistValues: readonly { value: string; label: string; active: boolean; defaultValue: boolean; validFor: null }[];
  readonly referenceTo: readonly string[];
  readonly relationshipName: string | null;
  /** The field can identify a record in an upsert (`/sobjects/{Type}/{field}/{value}`). */
  readonly idLookup: boolean;
  readonly externalId: boolean;
  readonly unique: boolean;
  readonly caseSensitive: boolean;
  readonly filterable: boolean;
  readonly sortable: boolean;
  readonly groupable: boolean;
  readonly soapType: string;
}

/** The result of `GET /sobjects/{Type}/describe`. */
export interface DescribeSObject {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly keyPrefix: string;
  readonly custom: false;
  readonly createable: boolean;
  readonly updateable: boolean;
  readonly deletable: boolean;
  readonly queryable: true;
  readonly retrieveable: true;
  readonly searchable: true;
  readonly urls: Readonly<Record<string, string>>;
  readonly fields: readonly DescribeField[];
  readonly childRelationships: readonly ChildRelationship[];
  readonly recordTypeInfos: readonly unknown[];
}

/** The XML Schema type each field type has in the SOAP API (describe's `soapType`). */
const SOAP_TYPES: Readonly<Record<FieldSpec['type'], string>> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  boolean: 'xsd:boolean',
  datetime: 'xsd:dateTime',
  date: 'xsd:date',
  int: 'xsd:int',
  double: 'xsd:double',
};

const SYSTEM_DEFAULTED = new Set(['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'OwnerId', 'Name']);

function urls(type: SObjectType): Record<string, string> {
  const base = `/services/data/v${CRM_API_VERSION}/sobjects/${type}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function describeField(type: SObjectType, name: string, spec: FieldSpec, schema: CrmSchema): DescribeField {
  return {
    name,
    label: fieldLabel(type, name),
    type: spec.type,
    length: spec.length ?? (spec.type === 'id' || spec.type === 'reference' ? 18 : 0),
    nillable: !spec.required && spec.type !== 'boolean' && name !== 'Id',
    createable: isWritable(type, name, 'create', schema),
    updateable: isWritable(type, name, 'update', schema),
    defaultedOnCreate: spec.defaultValue !== undefined || SYSTEM_DEFAULTED.has(name),
    defaultValue: spec.defaultValue ?? null,
    custom: name.endsWith('__c'),
    restrictedPicklist: spec.restricted === true,
    picklistValues: (spec.values ?? []).map((value) => ({ value, label: value, active: true, defaultValue: value === spec.defaultValue, validFor: null })),
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.relationshipName ?? null,
    idLookup: spec.idLookup === true || spec.externalId === true,
    externalId: spec.externalId === true,
    unique: false,
    caseSensitive: false,
    filterable: true,
    sortable: spec.type !== 'textarea',
    groupable: spec.type !== 'textarea' && spec.type !== 'datetime' && spec.type !== 'double',
    soapType: SOAP_TYPES[spec.type],
  };
}

/**
 * Describes one object type in an org's schema (default: leadsim's own), like
 * `GET /services/data/vXX.X/sobjects/{Type}/describe`. `recordTypeInfos` lists the org's record types of the object.
 */
export function describeSObject(type: SObjectType, schema: CrmSchema = CRM_SCHEMA, recordTypeInfos: readonly unknown[] = []): DescribeSObject {
  return {
    ...objectSummary(type),
    fields: Object.entries(schema[type]).map(([name, spec]) => describeField(type, name, spec, schema)),
    childRelationships: childRelationships(type),
    recordTypeInfos,
  };
}

/** Lists every object type, like `GET /services/data/vXX.X/sobjects`. */
export function describeGlobal(): { encoding: string; maxBatchSize: number; sobjects: readonly Record<string, unknown>[] } {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: SOBJECT_TYPES.map(objectSummary),
  };
}

/** What describe and describe global both say about an object type. */
function objectSummary(type: SObjectType): Omit<DescribeSObject, 'fields' | 'childRelationships' | 'recordTypeInfos'> {
  return {
    name: type,
    label: objectLabel(type),
    labelPlural: objectLabelPlural(type),
    keyPrefix: KEY_PREFIXES[type],
    custom: false,
    // An object every field of which is read-only (Organization, AssignmentRule) cannot be written through the API.
    createable: Object.keys(CRM_SCHEMA[type]).some((f) => isWritable(type, f, 'create')),
    updateable: Object.keys(CRM_SCHEMA[type]).some((f) => isWritable(type, f, 'update')),
    deletable: type !== 'User' && type !== 'Group' && type !== 'Organization',
    queryable: true,
    retrieveable: true,
    searchable: true,
    urls: urls(type),
  };
}

