/**
 * The simulated CRM's schema: the objects and fields of DOMAIN.md, by their Salesforce API names. This table is the
 * contract shared by the CRM (validation, describe, SOQL), the routing graph (field references are checked against
 * it) and the pipeline (what it may write).
 */

/** Field data types, named as Salesforce's describe names them. */
export type FieldType =
  | 'id'
  | 'string'
  | 'email'
  | 'phone'
  | 'url'
  | 'textarea'
  | 'boolean'
  | 'picklist'
  | 'multipicklist'
  | 'reference'
  | 'datetime'
  | 'date'
  | 'int'
  | 'double';

/** One field of an object. */
export interface FieldSpec {
  readonly type: FieldType;
  /** Maximum length for text types. */
  readonly length?: number;
  /** Must be non-empty on create (REQUIRED_FIELD_MISSING otherwise). */
  readonly required?: boolean;
  /** Picklist (and multi-select picklist) values, in display order. */
  readonly values?: readonly string[];
  /** A restricted picklist rejects other values (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
  readonly restricted?: boolean;
  /** Default on create when the field is not given. */
  readonly defaultValue?: string | boolean | number;
  /** Object types a reference may point to. */
  readonly referenceTo?: readonly SObjectType[];
  /** Set by the system only (Id, audit fields, conversion fields). */
  readonly readOnly?: boolean;
  /** The relationship name for a reference (`Owner` for `OwnerId`), usable in SOQL as `Owner.Name`. */
  readonly relationshipName?: string;
  /**
   * Can identify a record in an upsert or a GET by field (`/sobjects/Lead/Email/{value}`): Salesforce's `idLookup`
   * (Id, Name, Email and Username of the standard objects, https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
   * marks Email "Idlookup"). External id fields are id lookups too.
   */
  readonly idLookup?: boolean;
  /** A custom field marked External ID (so also an id lookup). */
  readonly externalId?: boolean;
}

/** Every object type the simulated CRM stores. */
export const SOBJECT_TYPES = ['Lead', 'Contact', 'Account', 'Campaign', 'CampaignMember', 'User', 'Group', 'AssignmentRule', 'Organization', 'RecordType'] as const;
export type SObjectType = (typeof SOBJECT_TYPES)[number];

/** The key prefix of each object type's record ids (the first three characters). */
export const KEY_PREFIXES: Readonly<Record<SObjectType, string>> = {
  Lead: '00Q',
  Contact: '003',
  Account: '001',
  Campaign: '701',
  CampaignMember: '00v',
  User: '005',
  Group: '00G',
  AssignmentRule: '01Q',
  Organization: '00D',
  RecordType: '012',
};

/** Lead status values; `Inquiry` is the default, `Converted` is the converted status used by convertLead. */
export const LEAD_STATUSES = ['Inquiry', 'MQL', 'Accepted', 'Qualifying', 'Qualified', 'Unqualified', 'Nurture', 'Converted'] as const;
export const MAILABILITY_VALUES = ['Mailable', 'Opt-in required', 'Not mailable'] as const;
export const REGIONS = ['AMER', 'EMEA', 'APJ'] as const;
export type Region = (typeof REGIONS)[number];
export const USER_ROLES = ['SDR', 'BDR', 'AE'] as const;

/** Whether a User record is a sales user (SDR, BDR or AE): the integration user and connectors are not. */
export function isSalesUser(user: Readonly<Record<string, unknown>> | undefined): boolean {
  return user !== undefined && (USER_ROLES as readonly unknown[]).includes(user['Role__c']);
}
export const PARTNER_TYPES = ['Channel', 'Distributor', 'Alliance'] as const;
export const ACCOUNT_TYPES = ['Customer', 'Prospect', 'Partner'] as const;
export const LEAD_SOURCES = ['Web', 'Chat', 'Advertisement', 'Event', 'Sales', 'Partner Referral', 'Trial', 'Other'] as const;
export const LEAD_ACQUISITION_SOURCES = [
  'Inbound',
  'Partner Sponsored Event',
  'Partner Referral',
  'Event',
  'Paid Social',
  'Trial',
  'Sales Generated',
] as const;
export const CAMPAIGN_MEMBER_STATUSES = [
  'Sent',
  'Registered',
  'Attended',
  'Visited Booth',
  'Follow Up Requested',
  'Responded',
  'No Show',
] as const;
/** Salesforce's standard Lead Industry values (an unrestricted picklist). */
export const INDUSTRIES = ['Agriculture', 'Banking', 'Biotechnology', 'Communications', 'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering', 'Finance', 'Government', 'Healthcare', 'Insurance', 'Manufacturing', 'Media', 'Retail', 'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other'] as const;
/** Products a lead asked about (a multi-select picklist: values joined with ";"). */
export const PRODUCT_INTERESTS = ['Platform', 'Analytics', 'Integrations', 'Support', 'Training'] as const;
export const OFFER_TYPES = ['Demo - 1:1', 'Webinar', 'Free Trial', 'Contact Sales', 'Content', 'Event', 'Chat'] as const;

const YES_NO = ['Yes', 'No'] as const;

const audit: Record<string, FieldSpec> = {
  Id: { type: 'id', readOnly: true, idLookup: true },
  IsDeleted: { type: 'boolean', readOnly: true, defaultValue: false },
  CreatedDate: { type: 'datetime', readOnly: true },
  CreatedById: { type: 'reference', referenceTo: ['User'], readOnly: true, relationshipName: 'CreatedBy' },
  LastModifiedDate: { type: 'datetime', readOnly: true },
  LastModifiedById: { type: 'reference', referenceTo: ['User'], readOnly: true, relationshipName: 'LastModifiedBy' },
  SystemModstamp: { type: 'datetime', readOnly: true },
};

/** Person fields that leads and contacts share (DOMAIN.md: "Lead (and Contact, same person fields)"). */
const personCustom: Record<string, FieldSpec> = {
  Lead_Acquisition_Source__c: { type: 'picklist', values: LEAD_ACQUISITION_SOURCES },
  Impartner_Partner_Account__c: { type: 'reference', referenceTo: ['Account'], relationshipName: 'Impartner_Partner_Account__r' },
  Partner_Recalled__c: { type: 'boolean', defaultValue: false },
  Partner_Recalled_Date__c: { type: 'datetime' },
  Partner_Share_Status__c: { type: 'picklist', values: ['Pending', 'Accepted', 'Rejected'], restricted: true },
  Partner_Lead_Status__c: { type: 'picklist', values: ['Qualifying', 'Qualified', 'Disqualified', 'Converted to DR'], restricted: true },
  Prospect_Share_Status__c: { type: 'picklist', values: ['Sending to Partner', 'Shared', 'Accepted', 'Rejected'], restricted: true },
  Partner_Prospect_Status__c: { type: 'picklist', values: ['Qualifying', 'Qualified', 'Disqualified'], restricted: true },
  Actively_Being_Sequenced__c: { type: 'boolean', defaultValue: false },
  Mailability__c: { type: 'picklist', values: MAILABILITY_VALUES, restricted: true },
  High_Priority__c: { type: 'boolean', defaultValue: false },
  Rerun_Routing__c: { type: 'boolean', defaultValue: false },
  Email_Opt_In__c: { type: 'boolean', defaultValue: false },
  HasOptedOutOfEmail: { type: 'boolean', defaultValue: false },
  /** The inbound event whose processing created the person (stamped by the pipeline; empty for anything else). */
  Pipeline_Event_Id__c: { type: 'string', length: 255, externalId: true },
};

/** Field tables per object type. */
export const CRM_SCHEMA: CrmSchema = {
  Lead: {
    ...audit,
    FirstName: { type: 'string', length: 40 },
    LastName: { type: 'string', length: 80, required: true },
    Name: { type: 'string', length: 121, readOnly: true, idLookup: true },
    Email: { type: 'email', length: 80, idLookup: true },
    Company: { type: 'string', length: 255, required: true },
    Title: { type: 'string', length: 128 },
    Phone: { type: 'phone', length: 40 },
    Website: { type: 'url', length: 255 },
    Salutation: { type: 'picklist', values: ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] },
    MobilePhone: { type: 'phone', length: 40 },
    Fax: { type: 'phone', length: 40 },
    Description: { type: 'textarea', length: 32000 },
    DoNotCall: { type: 'boolean', defaultValue: false },
    Street: { type: 'textarea', length: 255 },
    City: { type: 'string', length: 40 },
    State: { type: 'string', length: 80 },
    StateCode: { type: 'string', length: 10 },
    PostalCode: { type: 'string', length: 20 },
    Country: { type: 'string', length: 80 },
    CountryCode: { type: 'string', length: 2 },
    NumberOfEmployees: { type: 'int' },
    AnnualRevenue: { type: 'double' },
    Industry: { type: 'picklist', values: INDUSTRIES },
    Rating: { type: 'picklist', values: ['Hot', 'Warm', 'Cold'] },
    Products_Of_Interest__c: { type: 'multipicklist', values: PRODUCT_INTERESTS },
    LeadSource: { type: 'picklist', values: LEAD_SOURCES },
    Status: { type: 'picklist', values: LEAD_STATUSES, restricted: true, required: true, defaultValue: 'Inquiry' },
    OwnerId: { type: 'reference', referenceTo: ['User', 'Group'], relationshipName: 'Owner' },
    IsConverted: { type: 'boolean', readOnly: true, defaultValue: false },
    ConvertedDate: { type: 'date', readOnly: true },
    ConvertedAccountId: { type: 'reference', referenceTo: ['Account'], readOnly: true, relationshipName: 'ConvertedAccount' },
    ConvertedContactId: { type: 'reference', referenceTo: ['Contact'], readOnly: true, relationshipName: 'ConvertedContact' },
    ...personCustom,
  },
  Contact: {
    ...audit,
    FirstName: { type: 'string', length: 40 },
    LastName: { type: 'string', length: 80, required: true },
    Name: { type: 'string', length: 121, readOnly: true, idLookup: true },
    Email: { type: 'email', length: 80, idLookup: true },
    Title: { type: 'string', length: 128 },
    Phone: { type: 'phone', length: 40 },
    MailingCountry: { type: 'string', length: 80 },
    MailingCountryCode: { type: 'string', length: 2 },
    LeadSource: { type: 'picklist', values: LEAD_SOURCES },
    Status__c: { type: 'picklist', values: LEAD_STATUSES, restricted: true },
    AccountId: { type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
    OwnerId: { type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' },
    ...personCustom,
  },
  Account: {
    ...audit,
    Name: { type: 'string', length: 255, required: true, idLookup: true },
    Website: { type: 'url', length: 255 },
    BillingCountry: { type: 'string', length: 80 },
    BillingCountryCode: { type: 'string', length: 2 },
    Type: { type: 'picklist', values: ACCOUNT_TYPES, restricted: true },
    Partner_Type__c: { type: 'picklist', values: PARTNER_TYPES, restricted: true },
    BDR__c: { type: 'reference', referenceTo: ['User'], relationshipName: 'BDR__r' },
    Actively_Working__c: { type: 'boolean', defaultValue: false },
    NumberOfEmployees: { type: 'int' },
    OwnerId: { type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' },
  },
  Campaign: {
    ...audit,
    Name: { type: 'string', length: 80, required: true, idLookup: true },
    Type: { type: 'picklist', values: ['Webinar', 'Conference', 'Trade Show', 'Content', 'Partner', 'Trial', 'Email', 'Advertisement', 'Other'] },
    Status: { type: 'picklist', values: ['Planned', 'In Progress', 'Completed', 'Aborted'], defaultValue: 'In Progress' },
    IsActive: { type: 'boolean', defaultValue: true },
    MDF_Funding__c: { type: 'picklist', values: YES_NO, restricted: true, defaultValue: 'No' },
    Channel_Partner_Involved__c: { type: 'picklist', values: YES_NO, restricted: true, defaultValue: 'No' },
    Partner_Account__c: { type: 'reference', referenceTo: ['Account'], relationshipName: 'Partner_Account__r' },
    /** Set on a member's person when their Lead_Acquisition_Source__c is empty (e.g. "Partner Sponsored Event"). */
    Default_Acquisition_Source__c: { type: 'picklist', values: LEAD_ACQUISITION_SOURCES },
    OwnerId: { type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' },
  },
  CampaignMember: {
    ...audit,
    CampaignId: { type: 'reference', referenceTo: ['Campaign'], required: true, relationshipName: 'Campaign' },
    LeadId: { type: 'reference', referenceTo: ['Lead'], relationshipName: 'Lead' },
    ContactId: { type: 'reference', referenceTo: ['Contact'], relationshipName: 'Contact' },
    Status: { type: 'picklist', values: CAMPAIGN_MEMBER_STATUSES, restricted: true, defaultValue: 'Sent' },
    HasResponded: { type: 'boolean', readOnly: true, defaultValue: false },
    Offer_Type__c: { type: 'picklist', values: OFFER_TYPES },
  },
  User: {
    ...audit,
    Name: { type: 'string', length: 121, readOnly: true, idLookup: true },
    FirstName: { type: 'string', length: 40 },
    LastName: { type: 'string', length: 80, required: true },
    Email: { type: 'email', length: 128, required: true, idLookup: true },
    Username: { type: 'string', length: 80, required: true, idLookup: true },
    Title: { type: 'string', length: 80 },
    Department: { type: 'string', length: 80 },
    Division: { type: 'string', length: 80 },
    Country: { type: 'string', length: 80 },
    IsActive: { type: 'boolean', defaultValue: true },
    Region__c: { type: 'picklist', values: REGIONS, restricted: true },
    Role__c: { type: 'picklist', values: USER_ROLES, restricted: true },
    Out_Of_Office__c: { type: 'boolean', defaultValue: false },
  },
  Group: {
    ...audit,
    Name: { type: 'string', length: 40, required: true, idLookup: true },
    DeveloperName: { type: 'string', length: 80, idLookup: true },
    Type: { type: 'picklist', values: ['Queue', 'Regular'], restricted: true, required: true },
  },
  /**
   * A lead or case assignment rule (read-only through the API, as in Salesforce: rules are deployed with the
   * Metadata API; https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_assignmentrule.htm).
   */
  AssignmentRule: {
    ...audit,
    Name: { type: 'string', length: 120, readOnly: true },
    Active: { type: 'boolean', readOnly: true, defaultValue: false },
    SobjectType: { type: 'picklist', values: ['Lead', 'Case'], restricted: true, readOnly: true },
  },
  /**
   * The org itself: one read-only record whose Id is the org id, which clients query (`SELECT IsSandbox FROM
   * Organization`, simple-salesforce's `is_sandbox()`). Fields after the Organization object reference.
   */
  Organization: {
    ...audit,
    Name: { type: 'string', length: 80, readOnly: true },
    IsSandbox: { type: 'boolean', readOnly: true, defaultValue: false },
    OrganizationType: { type: 'picklist', values: ['Enterprise Edition', 'Developer Edition', 'Unlimited Edition'], readOnly: true, defaultValue: 'Enterprise Edition' },
    InstanceName: { type: 'string', length: 5, readOnly: true },
    NamespacePrefix: { type: 'string', length: 15, readOnly: true },
    TimeZoneSidKey: { type: 'string', length: 40, readOnly: true, defaultValue: 'GMT' },
    LanguageLocaleKey: { type: 'string', length: 40, readOnly: true, defaultValue: 'en_US' },
    DefaultLocaleSidKey: { type: 'string', length: 40, readOnly: true, defaultValue: 'en_US' },
    Country: { type: 'string', length: 80, readOnly: true },
  },
  /**
   * A record type an org declares (org spec `recordTypes`); read-only through the API, as in Salesforce, where record
   * types are metadata. Source: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_recordtype.htm
   */
  RecordType: {
    ...audit,
    Name: { type: 'string', length: 80, readOnly: true },
    DeveloperName: { type: 'string', length: 80, readOnly: true },
    SobjectType: { type: 'picklist', values: ['Lead', 'Contact', 'Account', 'Campaign'], restricted: true, readOnly: true },
    IsActive: { type: 'boolean', readOnly: true, defaultValue: true },
  },
};

/**
 * The fields of every object of one org: {@link CRM_SCHEMA}, or CRM_SCHEMA extended with the fields, picklist values
 * and record types an org spec declares (see schemaExtension.ts). Every part of the CRM that reads field specs
 * (validation, describe, SOQL, SOSL) takes the org's schema.
 */
export type CrmSchema = Readonly<Record<SObjectType, Readonly<Record<string, FieldSpec>>>>;

/** The field spec of `object.field` in `schema` (default: leadsim's own), or undefined when the object has no such field. */
export function fieldSpec(object: SObjectType, field: string, schema: CrmSchema = CRM_SCHEMA): FieldSpec | undefined {
  return Object.hasOwn(schema[object], field) ? schema[object][field] : undefined;
}

/** True when `name` is one of the simulated object types. */
export function isSObjectType(name: string): name is SObjectType {
  return (SOBJECT_TYPES as readonly string[]).includes(name);
}
