import { crmError, type CrmError, type CrmResult } from './crmError.ts';
import { normalizeId } from './ids.ts';
import type { SRecord } from './recordSource.ts';
import { CRM_SCHEMA, type SObjectType } from './schema.ts';
import { formatSfDate } from './sfDateTime.ts';
import { isWritable } from './validateFields.ts';

/** One lead to convert, as SOAP `convertLead` takes it (LeadConvert). */
export interface LeadConvertRequest {
  readonly leadId: string;
  /** Must be a converted lead status: `Converted`. */
  readonly convertedStatus: string;
  /** Merge into this account instead of creating one (Name = the lead's Company). */
  readonly accountId?: string;
  /** Merge into this contact instead of creating one. */
  readonly contactId?: string;
  /** Owner of the new records and of the lead; required when a queue owns the lead. */
  readonly ownerId?: string;
  readonly doNotCreateOpportunity?: boolean;
  readonly opportunityName?: string;
  /** Overwrite the contact's LeadSource when merging. */
  readonly overwriteLeadSource?: boolean;
  readonly sendNotificationEmail?: boolean;
}

/** The per-lead outcome (LeadConvertResult). The simulator has no opportunities, so opportunityId is null. */
export interface LeadConvertResult {
  readonly success: boolean;
  readonly leadId: string | null;
  readonly accountId: string | null;
  readonly contactId: string | null;
  readonly opportunityId: null;
  readonly errors: readonly CrmError[];
}

/** What conversion needs from the CRM (validated creates, system writes that may touch read-only fields). */
export interface ConvertOperations {
  find(id: string): { type: SObjectType; record: SRecord } | undefined;
  create(type: SObjectType, fields: Readonly<Record<string, unknown>>, options: { ignoreDuplicateIds: readonly string[] }): CrmResult<{ id: string }>;
  writeSystem(type: SObjectType, record: SRecord, changes: Readonly<Record<string, unknown>>): void;
  records(type: SObjectType): Iterable<SRecord>;
  now(): number;
}

/** The status convertLead accepts (the only LeadStatus with IsConverted = true). */
export const CONVERTED_STATUS = 'Converted';

const QUEUE_OWNER_MESSAGE = 'Converted objects can only be owned by users.  If the lead is not owned by a user, you must specify a user for the Owner field.';

/** Lead field → account field for a new or merged account. */
const ACCOUNT_MAP: readonly (readonly [string, string])[] = [
  ['Company', 'Name'],
  ['Website', 'Website'],
  ['Country', 'BillingCountry'],
  ['CountryCode', 'BillingCountryCode'],
  ['NumberOfEmployees', 'NumberOfEmployees'],
];

/** Lead field → contact field: the shared person fields, plus the address. */
const CONTACT_MAP: readonly (readonly [string, string])[] = [
  ['Country', 'MailingCountry'],
  ['CountryCode', 'MailingCountryCode'],
  ...Object.keys(CRM_SCHEMA.Contact)
    .filter((field) => field !== 'OwnerId' && field !== 'AccountId' && isWritable('Contact', field, 'create') && isWritable('Lead', field, 'update'))
    .map((field) => [field, field] as const),
];

function failure(leadId: string | null, errors: readonly CrmError[]): LeadConvertResult {
  return { success: false, leadId, accountId: null, contactId: null, opportunityId: null, errors };
}

function mapped(lead: SRecord, map: readonly (readonly [string, string])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [from, to] of map) if (lead[from] != null) out[to] = lead[from];
  return out;
}

/** Only the fields the target has empty (a merge never overwrites; LeadSource only with overwriteLeadSource). */
function fillEmpty(target: SRecord, values: Record<string, unknown>, overwriteLeadSource: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([field]) => target[field] == null || (field === 'LeadSource' && overwriteLeadSource)));
}

function existing(ops: ConvertOperations, id: string | undefined, type: SObjectType, field: string): SRecord | CrmError | undefined {
  if (id === undefined || id === '') return undefined;
  const found = ops.find(id);
  if (!found || found.type !== type || found.record['IsDeleted'] === true) return crmError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field]);
  return found.record;
}

function isError(value: unknown): value is CrmError {
  return typeof value === 'object' && value !== null && 'statusCode' in value;
}

/**
 * Converts one lead, with Salesforce's semantics: the lead must be live and unconverted and `convertedStatus` must
 * be `Converted`; a queue-owned lead needs `ownerId`; without `accountId` a new Account (Name = Company) is created,
 * without `contactId` a new Contact; merging fills only empty fields. The lead then has IsConverted,
 * ConvertedDate and Converted*Id set (and is read-only), and its campaign memberships move to the contact
 * (ContactId set, LeadId kept). The caller runs this in a transaction and rolls back on failure.
 */
export function convertLead(ops: ConvertOperations, request: LeadConvertRequest): LeadConvertResult {
  const found = ops.find(request.leadId);
  if (!found || found.type !== 'Lead') return failure(null, [crmError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['leadId'])]);
  const lead = found.record;
  if (lead['IsDeleted'] === true) return failure(lead.Id, [crmError('ENTITY_IS_DELETED', 'entity is deleted', ['leadId'])]);
  if (lead['IsConverted'] === true) return failure(lead.Id, [crmError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', ['leadId'])]);
  if (request.convertedStatus !== CONVERTED_STATUS) {
    return failure(lead.Id, [crmError('INVALID_STATUS', `invalid convertedStatus: ${request.convertedStatus}`, ['convertedStatus'])]);
  }
  const ownerGiven = request.ownerId !== undefined && request.ownerId !== '';
  const ownerId = ownerGiven ? (normalizeId(request.ownerId!) ?? request.ownerId!) : String(lead['OwnerId']);
  if (!ownerGiven && !ownerId.startsWith('005')) return failure(lead.Id, [crmError('INVALID_CROSS_REFERENCE_KEY', QUEUE_OWNER_MESSAGE, ['OwnerId'])]);
  if (ownerGiven) {
    const owner = ops.find(ownerId);
    if (!owner || owner.type !== 'User') return failure(lead.Id, [crmError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['OwnerId'])]);
    if (owner.record['IsActive'] === false) {
      return failure(lead.Id, [crmError('INACTIVE_OWNER_OR_USER', `operation performed with inactive user [${owner.record.Id}] as owner of lead`, ['OwnerId'])]);
    }
  }

  let contact = existing(ops, request.contactId, 'Contact', 'contactId');
  if (isError(contact)) return failure(lead.Id, [contact]);
  const accountRef = request.accountId ?? (typeof contact?.['AccountId'] === 'string' ? contact['AccountId'] : undefined);
  let account = existing(ops, accountRef, 'Account', 'accountId');
  if (isError(account)) return failure(lead.Id, [account]);

  const accountValues = mapped(lead, ACCOUNT_MAP);
  if (account) {
    ops.writeSystem('Account', account, fillEmpty(account, accountValues, false));
  } else {
    const created = ops.create('Account', { ...accountValues, OwnerId: ownerId }, { ignoreDuplicateIds: [] });
    if (!created.ok) return failure(lead.Id, created.errors);
    account = ops.find(created.value.id)!.record;
  }

  const contactValues = { ...mapped(lead, CONTACT_MAP), AccountId: account.Id };
  if (contact) {
    ops.writeSystem('Contact', contact, fillEmpty(contact, contactValues, request.overwriteLeadSource === true));
  } else {
    const created = ops.create('Contact', { ...contactValues, OwnerId: ownerId }, { ignoreDuplicateIds: [lead.Id] });
    if (!created.ok) return failure(lead.Id, created.errors);
    contact = ops.find(created.value.id)!.record;
  }

  ops.writeSystem('Lead', lead, {
    IsConverted: true,
    ConvertedDate: formatSfDate(ops.now()),
    ConvertedAccountId: account.Id,
    ConvertedContactId: contact.Id,
    Status: CONVERTED_STATUS,
    ...(ownerGiven ? { OwnerId: ownerId } : {}),
  });
  const contactId = contact.Id;
  const memberships = [...ops.records('CampaignMember')];
  const contactCampaigns = new Set(memberships.filter((m) => m['ContactId'] === contactId).map((m) => m['CampaignId']));
  for (const member of memberships) {
    if (member['LeadId'] === lead.Id && member['ContactId'] == null && !contactCampaigns.has(member['CampaignId'])) {
      ops.writeSystem('CampaignMember', member, { ContactId: contactId });
    }
  }
  return { success: true, leadId: lead.Id, accountId: account.Id, contactId, opportunityId: null, errors: [] };
}
