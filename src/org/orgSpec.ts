import { z } from 'zod';
import {
  ACCOUNT_TYPES,
  CAMPAIGN_MEMBER_STATUSES,
  LEAD_ACQUISITION_SOURCES,
  LEAD_STATUSES,
  OFFER_TYPES,
  PARTNER_TYPES,
  REGIONS,
  USER_ROLES,
} from '../systems/crm/schema.ts';
import { SchemaExtensionSchema, schemaExtensionOf, type SchemaExtension } from '../systems/crm/schemaExtension.ts';

/**
 * More CRM fields of a record, by API name, beside the ones its spec names (e.g. `Partner_Recalled__c` on a lead):
 * checked by the CRM when the org is seeded, like any write.
 */
export const ExtraFieldsSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a CRM field API name'), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .optional()
  .meta({ description: 'More CRM fields of the record by API name, e.g. {"Partner_Recalled__c": true}; the CRM checks them when the org is seeded.' });

/**
 * The initial state of a simulated org, as plain data: users, queues, accounts (customers, prospects, partners),
 * campaigns and the leads and contacts that already exist. Records refer to each other by `key`, never by CRM id:
 * ids are assigned when the org is seeded, deterministically, so a spec seeds the same ids every time.
 * Scenario files embed this shape as their `org`.
 */
export const UserSpecSchema = z.strictObject({
  key: z.string().min(1).describe('How scenarios and other records refer to this user ("@user:<key>").'),
  FirstName: z.string(),
  LastName: z.string().min(1),
  Email: z.string().email(),
  /** The Salesforce username (what assignment rules name users by); default: the Email. */
  Username: z.string().min(1).optional().describe('The Salesforce username, which assignment rules name users by (default: the Email).'),
  IsActive: z.boolean().default(true),
  /** The sales region and role; a user without them (an admin, an integration or connection user) is not a sales user. */
  Region__c: z.enum(REGIONS).optional().describe('The sales region: round robin pools are per region. Leave out for a user who is not a sales rep (an admin, an integration or connection user).'),
  Role__c: z.enum(USER_ROLES).optional().describe('SDR (round robin), BDR (an APJ account\'s `bdr`) or AE (an account\'s `owner`). Leave out for a user who is not a sales rep.'),
  Out_Of_Office__c: z.boolean().default(false),
});

export const AccountSpecSchema = z.strictObject({
  key: z.string().min(1).describe('How other records refer to this account ("@account:<key>").'),
  Name: z.string().min(1),
  Website: z.string().optional().describe('The domain leads are matched to the account by (email domain ↔ Website).'),
  BillingCountryCode: z.string().length(2).optional(),
  Type: z.enum(ACCOUNT_TYPES),
  Partner_Type__c: z.enum(PARTNER_TYPES).optional(),
  /** Key of the BDR user (APJ accounts). */
  bdr: z.string().optional().describe('Key of the BDR user (APJ accounts; rule 6).'),
  /** Key of the owning user (an AE). */
  owner: z.string().optional().describe('Key of the owning user, an AE (actively worked accounts; rule 6).'),
  Actively_Working__c: z.boolean().default(false),
  fields: ExtraFieldsSchema,
});

export const CampaignSpecSchema = z.strictObject({
  key: z.string().min(1).describe('How scenarios refer to this campaign ("@campaign:<key>").'),
  Name: z.string().min(1),
  Type: z.enum(['Webinar', 'Conference', 'Trade Show', 'Content', 'Partner', 'Trial', 'Email', 'Advertisement', 'Other']),
  MDF_Funding__c: z.enum(['Yes', 'No']).default('No'),
  Channel_Partner_Involved__c: z.enum(['Yes', 'No']).default('No'),
  /** Key of the partner account behind the campaign, if any. */
  partnerAccount: z.string().optional().describe('Key of the Partner account behind the campaign (rules 1–3).'),
  Default_Acquisition_Source__c: z.enum(LEAD_ACQUISITION_SOURCES).optional(),
  /** The offer type members of this campaign get, e.g. "Webinar". */
  offerType: z.enum(OFFER_TYPES).optional(),
  /** The member status a new member gets. */
  memberStatus: z.enum(CAMPAIGN_MEMBER_STATUSES).optional(),
  fields: ExtraFieldsSchema,
});

/**
 * The CRM Campaign fields of a campaign spec (`partnerAccountId`: the CRM id its `partnerAccount` key names); the
 * spec's `offerType` and `memberStatus` describe its members, not the campaign. Seeding and a mid-run campaign
 * creation both write these.
 */
export function campaignRecordFields(spec: CampaignSpec, partnerAccountId: string | undefined): Record<string, unknown> {
  const { key: _key, partnerAccount: _partner, offerType: _offer, memberStatus: _member, fields: extra, ...fields } = spec;
  return Object.fromEntries(Object.entries({ ...fields, Partner_Account__c: partnerAccountId, ...extra }).filter(([, v]) => v !== undefined));
}

/** A person who already exists in the CRM before the run, as a lead or as a contact. */
export const PersonSpecSchema = z.strictObject({
  key: z.string().min(1).describe('How scenarios refer to this person ("@person:<key>", or a "person" of an event).'),
  kind: z.enum(['Lead', 'Contact']).describe('Whether the person exists as a Lead or as a Contact.'),
  Email: z.string(),
  FirstName: z.string().optional(),
  LastName: z.string().min(1),
  Company: z.string().optional(),
  CountryCode: z.string().length(2).optional(),
  Status: z.enum(LEAD_STATUSES).optional(),
  /** Key of the owning user, or a queue name. */
  owner: z.string().optional().describe('Key of the owning user, or a queue name.'),
  /** Key of the account (contacts). */
  account: z.string().optional().describe('Key of the account (contacts).'),
  /** Key of the partner account the person is shared with. */
  partnerAccount: z.string().optional().describe('Key of the Partner account the person is shared with.'),
  Actively_Being_Sequenced__c: z.boolean().optional(),
  High_Priority__c: z.boolean().optional(),
  fields: ExtraFieldsSchema,
});

/** A partner-portal user (Impartner), who registers leads for a partner account. */
export const PartnerUserSpecSchema = z.strictObject({
  key: z.string().min(1),
  partnerAccount: z.string().min(1).describe('Key of the Partner account the portal user registers leads for.'),
  FirstName: z.string(),
  LastName: z.string().min(1),
  Email: z.string().email(),
});

export const OrgSpecSchema = z.strictObject({
  users: z.array(UserSpecSchema).describe('CRM users: SDRs, BDRs and AEs by region.'),
  queues: z.array(z.string().min(1)).default(['Partner Queue', 'Inquiry Queue']).describe('Queue names (default: the Partner Queue and the Inquiry Queue the default graph assigns to).'),
  accounts: z.array(AccountSpecSchema).default([]).describe('Customer, prospect and partner accounts.'),
  campaigns: z.array(CampaignSpecSchema).default([]).describe('Campaigns inbound events refer to by name.'),
  people: z.array(PersonSpecSchema).default([]).describe('Leads and contacts that exist before the run.'),
  partnerUsers: z.array(PartnerUserSpecSchema).default([]).describe('Partner portal (Impartner) users.'),
  /**
   * A Salesforce lead assignment rules file (`Lead.assignmentRules-meta.xml`, Metadata API) the org has deployed:
   * its rules become AssignmentRule records and the active one runs on writes that ask for it (`Sforce-Auto-Assign`).
   * A path relative to the file that holds the org.
   */
  assignmentRules: z.string().min(1).optional(),
  /**
   * Lead Settings' "Default Lead Owner": a user key or a queue name. A lead that an assignment rule runs on and no
   * entry matches goes to it, as in Salesforce; without it such a lead keeps its owner.
   */
  defaultLeadOwner: z.string().min(1).optional(),
  /** The org's own fields, picklist values and record types, beyond leadsim's CRM schema (see schemaExtension.ts). */
  ...SchemaExtensionSchema.shape,
});

/** What an org has beyond leadsim's CRM schema: its `fields`, `picklistValues` and `recordTypes`. */
export function orgSchemaExtension(org: OrgSpec): SchemaExtension {
  return schemaExtensionOf(org);
}

export type UserSpec = z.infer<typeof UserSpecSchema>;
export type AccountSpec = z.infer<typeof AccountSpecSchema>;
export type CampaignSpec = z.infer<typeof CampaignSpecSchema>;
export type PersonSpec = z.infer<typeof PersonSpecSchema>;
export type PartnerUserSpec = z.infer<typeof PartnerUserSpecSchema>;
/** A whole org, after defaults. */
export type OrgSpec = z.infer<typeof OrgSpecSchema>;
/** A whole org as written in a file, before defaults. */
export type OrgSpecInput = z.input<typeof OrgSpecSchema>;
