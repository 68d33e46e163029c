import type { Crm } from '../systems/crm/crm.ts';
import type { SRecord } from '../systems/crm/recordSource.ts';

/** A person in the CRM: a lead or a contact. */
export interface PersonRecord {
  readonly type: 'Lead' | 'Contact';
  readonly record: SRecord;
}

/** The live people of the CRM: contacts and leads not converted (deleted ones are left out), in creation order. */
export function livePeople(crm: Crm): PersonRecord[] {
  const people: PersonRecord[] = [];
  for (const record of crm.records('Lead')) if (record['IsConverted'] !== true) people.push({ type: 'Lead', record });
  for (const record of crm.records('Contact')) people.push({ type: 'Contact', record });
  return people;
}

/** Whether a field value counts as empty: undefined, null or a blank string. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
