/**
 * The simulated Impartner PRM's objects and fields (PascalCase names, as the Objects API v1 uses them). Modelled on
 * public integration code (XSOAR, Syncari) and GitLab's public handbook, not vendor-verified: Impartner's own API
 * reference is login-gated.
 */

/** Field data types, as `/_describe` reports them. */
export type PrmDataType = 'Integer' | 'Text' | 'Email' | 'Phone' | 'LongText' | 'Boolean' | 'Decimal' | 'Date' | 'DateTime' | 'Picklist' | 'Fk';

/** One field of an object. */
export interface PrmFieldSpec {
  readonly name: string;
  readonly display: string;
  readonly dataType: PrmDataType;
  readonly isRequired?: boolean;
  /** Set by the system (Id, Created, Updated); clients may not send it. */
  readonly isReadOnly?: boolean;
  /** Allowed values of a Picklist. */
  readonly values?: readonly string[];
  /** Default on create. */
  readonly defaultValue?: string | boolean;
  /** The object an Fk field points to. */
  readonly fkObject?: PrmObjectName;
}

/** Objects the simulator stores. `Lead` holds partner lead registrations (the partner-portal entry point). */
export const PRM_OBJECTS = ['Account', 'User', 'Prospect', 'Lead', 'Deal'] as const;
/** One of {@link PRM_OBJECTS}. */
export type PrmObjectName = (typeof PRM_OBJECTS)[number];

/** Prospect share statuses (Partner Share Status on the CRM side, plus Recalled). */
export const SHARE_STATUSES = ['Pending', 'Accepted', 'Rejected', 'Recalled'] as const;
/** Prospect lead statuses (Partner Lead Status on the CRM side). */
export const PROSPECT_LEAD_STATUSES = ['Qualifying', 'Qualified', 'Disqualified', 'Converted to DR'] as const;

const field = (name: string, dataType: PrmDataType, extra: Partial<PrmFieldSpec> = {}): PrmFieldSpec => ({
  name,
  display: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
  dataType,
  ...extra,
});

const AUDIT = [field('Id', 'Integer', { isReadOnly: true }), field('Created', 'DateTime', { isReadOnly: true }), field('Updated', 'DateTime', { isReadOnly: true })];
const [ID, CREATED, UPDATED] = AUDIT as [PrmFieldSpec, PrmFieldSpec, PrmFieldSpec];

/** Every object's fields, in describe order. */
export const PRM_SCHEMA: Readonly<Record<PrmObjectName, readonly PrmFieldSpec[]>> = {
  Account: [
    ID,
    field('Name', 'Text', { isRequired: true }),
    field('CrmId', 'Text'),
    field('Website', 'Text'),
    field('PartnerLevel', 'Picklist', { values: ['Registered', 'Silver', 'Gold', 'Platinum'] }),
    field('PartnerType', 'Picklist', { values: ['Channel', 'Distributor', 'Alliance'] }),
    field('Region', 'Picklist', { values: ['AMER', 'EMEA', 'APJ'] }),
    field('IsActive', 'Boolean', { defaultValue: true }),
    CREATED,
    UPDATED,
  ],
  User: [
    ID,
    field('Email', 'Email', { isRequired: true }),
    field('UserName', 'Text'),
    field('FirstName', 'Text'),
    field('LastName', 'Text', { isRequired: true }),
    field('AccountId', 'Fk', { isRequired: true, fkObject: 'Account' }),
    field('IsActive', 'Boolean', { defaultValue: true }),
    field('IsLeadManager', 'Boolean', { defaultValue: false }),
    field('CrmId', 'Text'),
    CREATED,
    UPDATED,
  ],
  Prospect: [
    ID,
    field('FirstName', 'Text'),
    field('LastName', 'Text', { isRequired: true }),
    field('Email', 'Email', { isRequired: true }),
    field('Phone', 'Phone'),
    field('Company', 'Text'),
    field('Title', 'Text'),
    field('Country', 'Text'),
    field('PartnerAccountId', 'Fk', { isRequired: true, fkObject: 'Account' }),
    field('PartnerContactId', 'Fk', { fkObject: 'User' }),
    field('ShareStatus', 'Picklist', { values: SHARE_STATUSES, defaultValue: 'Pending' }),
    field('LeadStatus', 'Picklist', { values: PROSPECT_LEAD_STATUSES, defaultValue: 'Qualifying' }),
    field('SharedDate', 'DateTime'),
    field('AcceptedDate', 'DateTime'),
    field('RejectedDate', 'DateTime'),
    field('RejectionReason', 'LongText'),
    field('RecalledDate', 'DateTime'),
    field('CrmId', 'Text'),
    CREATED,
    UPDATED,
  ],
  Lead: [
    ID,
    field('FirstName', 'Text'),
    field('LastName', 'Text'),
    field('Email', 'Email', { isRequired: true }),
    field('Phone', 'Phone'),
    field('Company', 'Text'),
    field('Title', 'Text'),
    field('Country', 'Text'),
    field('Description', 'LongText'),
    field('CampaignCrmId', 'Text'),
    field('MarketingOptIn', 'Boolean'),
    field('PartnerAccountId', 'Fk', { isRequired: true, fkObject: 'Account' }),
    field('PartnerUserId', 'Fk', { fkObject: 'User' }),
    field('Status', 'Picklist', { values: ['Submitted', 'Approved', 'Rejected'], defaultValue: 'Submitted' }),
    field('CrmId', 'Text'),
    CREATED,
    UPDATED,
  ],
  Deal: [
    ID,
    field('Name', 'Text', { isRequired: true }),
    field('AccountId', 'Fk', { isRequired: true, fkObject: 'Account' }),
    field('CustomerName', 'Text'),
    field('Amount', 'Decimal'),
    field('CloseDate', 'Date'),
    field('Stage', 'Picklist', { values: ['Prospecting', 'Qualification', 'Proposal', 'Closed Won', 'Closed Lost'], defaultValue: 'Prospecting' }),
    field('ApprovalStatus', 'Picklist', { values: ['Pending', 'Approved', 'Rejected'], defaultValue: 'Pending' }),
    field('ProspectId', 'Fk', { fkObject: 'Prospect' }),
    field('CrmId', 'Text'),
    CREATED,
    UPDATED,
  ],
};

/** The canonical object name for `name` (any case), or undefined. */
export function prmObject(name: string): PrmObjectName | undefined {
  const lower = name.toLowerCase();
  return PRM_OBJECTS.find((o) => o.toLowerCase() === lower);
}

/** The field of `object` called `name` (any case), or undefined. */
export function prmField(object: PrmObjectName, name: string): PrmFieldSpec | undefined {
  const lower = name.trim().toLowerCase();
  return PRM_SCHEMA[object].find((f) => f.name.toLowerCase() === lower);
}
