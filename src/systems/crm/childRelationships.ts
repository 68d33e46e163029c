import { CRM_SCHEMA, SOBJECT_TYPES, type SObjectType } from './schema.ts';

/** One child relationship of an object, as describe's `childRelationships` lists it. */
export interface ChildRelationship {
  readonly cascadeDelete: boolean;
  readonly childSObject: SObjectType;
  readonly deprecatedAndHidden: false;
  /** The child's reference field pointing at the parent (`AccountId`). */
  readonly field: string;
  readonly junctionIdListNames: readonly string[];
  readonly junctionReferenceTo: readonly string[];
  /** The name a parent-to-child subquery uses (`Contacts`), or null when the relationship cannot be queried. */
  readonly relationshipName: string | null;
  readonly restrictedDelete: boolean;
}

/**
 * Child relationship names by `Child.Field`. Standard ones are Salesforce's (Account.Contacts, Campaign, Lead and
 * Contact CampaignMembers); custom lookups take the org's names, `…__r`. Every other reference (owners, audit
 * fields, conversion fields) has no name and cannot be queried from the parent, as in Salesforce's describe.
 * Source: "Understanding Relationship Names" and the Object Reference (Contact, CampaignMember).
 */
const NAMES: Readonly<Record<string, string>> = {
  'Contact.AccountId': 'Contacts',
  'CampaignMember.CampaignId': 'CampaignMembers',
  'CampaignMember.LeadId': 'CampaignMembers',
  'CampaignMember.ContactId': 'CampaignMembers',
  'Lead.Impartner_Partner_Account__c': 'Impartner_Partner_Leads__r',
  'Contact.Impartner_Partner_Account__c': 'Impartner_Partner_Contacts__r',
  'Campaign.Partner_Account__c': 'Partner_Campaigns__r',
  'Account.BDR__c': 'BDR_Accounts__r',
};

/** Deleting the parent deletes these children (master-detail style): a campaign's or person's members. */
const CASCADE = new Set(['CampaignMember.CampaignId', 'CampaignMember.LeadId', 'CampaignMember.ContactId']);

const cache = new Map<SObjectType, readonly ChildRelationship[]>();

/** The child relationships of `parent`: one per reference field of any object that may point at it. */
export function childRelationships(parent: SObjectType): readonly ChildRelationship[] {
  let found = cache.get(parent);
  if (!found) {
    found = SOBJECT_TYPES.flatMap((child) =>
      Object.entries(CRM_SCHEMA[child])
        .filter(([, spec]) => spec.type === 'reference' && spec.referenceTo?.includes(parent))
        .map(([field]): ChildRelationship => {
          const key = `${child}.${field}`;
          return {
            cascadeDelete: CASCADE.has(key),
            childSObject: child,
            deprecatedAndHidden: false,
            field,
            junctionIdListNames: [],
            junctionReferenceTo: [],
            relationshipName: NAMES[key] ?? null,
            restrictedDelete: false,
          };
        }),
    );
    cache.set(parent, found);
  }
  return found;
}

/** The named child relationship of `parent` (case-insensitive), or undefined. */
export function findChildRelationship(parent: SObjectType, name: string): ChildRelationship | undefined {
  const lower = name.toLowerCase();
  return childRelationships(parent).find((r) => r.relationshipName?.toLowerCase() === lower);
}
