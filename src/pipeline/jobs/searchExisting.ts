import { soqlString } from '../soqlString.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import type { CrmRecord } from '../leadWork.ts';

/** The person fields the pipeline reads back; shared by leads and contacts except where named. */
export const PERSON_FIELDS = [
  'Id', 'Email', 'FirstName', 'LastName', 'Title', 'Phone', 'OwnerId', 'LeadSource', 'Lead_Acquisition_Source__c',
  'Impartner_Partner_Account__c', 'Partner_Recalled__c', 'Partner_Recalled_Date__c', 'Partner_Share_Status__c',
  'Partner_Lead_Status__c', 'Prospect_Share_Status__c', 'Partner_Prospect_Status__c', 'Actively_Being_Sequenced__c',
  'Mailability__c', 'High_Priority__c', 'Rerun_Routing__c', 'Email_Opt_In__c', 'HasOptedOutOfEmail', 'CreatedById', 'Pipeline_Event_Id__c',
] as const;
const LEAD_ONLY = ['Company', 'Country', 'CountryCode', 'Status', 'NumberOfEmployees'];
const CONTACT_ONLY = ['AccountId', 'MailingCountry', 'MailingCountryCode', 'Status__c'];

/**
 * Looks the person up by standardized email among leads (not converted) and contacts, in one composite request.
 * A contact wins over a lead: the person has already been converted.
 */
export const searchExisting: PipelineJob = {
  name: 'searchExisting',
  async run(work, ctx) {
    const email = work.lead!.person.email;
    const [leads, contacts] = await ctx.salesforce.queryAll<CrmRecord>([
      `SELECT ${[...PERSON_FIELDS, ...LEAD_ONLY].join(', ')} FROM Lead WHERE Email = ${soqlString(email)} AND IsConverted = false`,
      `SELECT ${[...PERSON_FIELDS, ...CONTACT_ONLY].join(', ')} FROM Contact WHERE Email = ${soqlString(email)}`,
    ]);
    const contact = contacts?.[0];
    const lead = leads?.[0];
    if (contact) work.existing = { type: 'Contact', record: stripAttributes(contact) };
    else if (lead) work.existing = { type: 'Lead', record: stripAttributes(lead) };
    else delete work.existing;
    return { input: { email }, output: work.existing ? { found: work.existing.type, id: work.existing.record.Id } : { found: null } };
  },
};

/** A query record without its `attributes` envelope. */
export function stripAttributes(record: CrmRecord): CrmRecord {
  const { attributes: _attributes, ...rest } = record as CrmRecord & { attributes?: unknown };
  return rest as CrmRecord;
}
