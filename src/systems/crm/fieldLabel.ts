import type { SObjectType } from './schema.ts';

/** Labels Salesforce gives standard fields that a name-based rule would get wrong. */
const SPECIAL_LABELS: Readonly<Record<string, string>> = {
  'Lead.Status': 'Lead Status',
  'Contact.Status__c': 'Status',
  'Lead.Name': 'Full Name',
  'Contact.Name': 'Full Name',
  'User.Name': 'Full Name',
  'CampaignMember.HasResponded': 'Responded',
  'Lead.NumberOfEmployees': 'No. of Employees',
  'Account.NumberOfEmployees': 'Employees',
};

/**
 * The label of a field, as error messages and describe show it: `Company`, `Last Name`, `Owner ID`, `Lead Status`,
 * `Partner Recalled` (for `Partner_Recalled__c`).
 */
export function fieldLabel(type: SObjectType, field: string): string {
  const special = SPECIAL_LABELS[`${type}.${field}`];
  if (special !== undefined) return special;
  if (field.endsWith('__c')) return field.slice(0, -3).replace(/_/g, ' ');
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.endsWith(' Id') ? `${words.slice(0, -3)} ID` : words;
}

/** The plural label of an object type: `Leads`, `Campaign Members`. */
export function objectLabelPlural(type: SObjectType): string {
  return `${objectLabel(type)}s`;
}

/** The label of an object type: `Lead`, `Campaign Member`. */
export function objectLabel(type: SObjectType): string {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2');
}
