import { ApiError } from '../../clients/apiError.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import type { CrmRecord, LeadWork } from '../leadWork.ts';
import type { PipelineContext } from '../pipelineContext.ts';
import { soqlString } from '../soqlString.ts';
import type { StandardLead } from '../../model/inboundLead.ts';
import { fillEmpty, personFields } from './personFields.ts';
import { withTouchSource } from './touchSource.ts';
import { PERSON_FIELDS, stripAttributes } from './searchExisting.ts';

/**
 * Creates the person as a CRM lead, or updates the existing lead or contact by filling only its empty fields, with
 * where the person came from (acquisition source, partner account) decided from the touch.
 * Safe to run again: if a create was applied but its answer lost, the retry meets the CRM's duplicate rule and
 * turns into an update of the record the rule names.
 */
export const upsertPerson: PipelineJob = {
  name: 'upsertPerson',
  async run(work, ctx) {
    const { lead } = await withTouchSource(work.lead!, ctx);
    if (work.existing) return update(work, ctx, lead, work.existing.type, work.existing.record, false);
    if (isRetry(work)) {
      // A create whose answer was lost may have been applied: find the lead this event already created.
      const [mine] = await ctx.salesforce.query<CrmRecord>(`SELECT ${PERSON_FIELDS.join(', ')}, Company, CountryCode, Status FROM Lead WHERE Pipeline_Event_Id__c = ${soqlString(work.event.id)}`);
      if (mine) return update(work, ctx, lead, 'Lead', stripAttributes(mine), true);
    }
    const fields = personFields(lead, 'Lead');
    if (lead.owner) fields['OwnerId'] = lead.owner.id;
    fields['Pipeline_Event_Id__c'] = work.event.id;
    try {
      const id = await ctx.salesforce.create('Lead', fields);
      // A lead created without an owner is owned by the user who created it: the pipeline's integration user.
      const owner = ctx.integrationUserId === undefined ? {} : { OwnerId: ctx.integrationUserId };
      work.person = { type: 'Lead', id, created: true, record: { Id: id, Status: 'Inquiry', ...owner, ...fields } };
      return { input: { action: 'create' }, output: { action: 'created', type: 'Lead', id, fields } };
    } catch (error) {
      const duplicateId = error instanceof ApiError ? duplicateRecordId(error) : undefined;
      if (!duplicateId) throw error;
      const type = duplicateId.startsWith('003') ? 'Contact' : 'Lead';
      const record = await ctx.salesforce.retrieve(type, duplicateId);
      if (!record) throw error;
      work.existing = { type, record: record as CrmRecord };
      return update(work, ctx, lead, type, work.existing.record, true);
    }
  },
};

async function update(work: LeadWork, ctx: PipelineContext, lead: StandardLead, type: 'Lead' | 'Contact', record: CrmRecord, afterDuplicate: boolean) {
  const changes = fillEmpty(record, personFields(lead, type));
  delete changes['LeadSource'];
  if (Object.keys(changes).length > 0) await ctx.salesforce.update(type, record.Id, changes);
  work.person = { type, id: record.Id, created: createdByThisEvent(work, record), record: { ...record, ...changes } };
  return {
    input: { action: 'update', existingId: record.Id, afterDuplicateRule: afterDuplicate },
    output: { action: 'updated', type, id: record.Id, changes },
  };
}

/**
 * Whether this event counts as the person's creation: the pipeline created it for this event (also when the answer
 * to the create was lost and a retry found it), or it is a sales-created event's own lead (the rep created it).
 */
function createdByThisEvent(work: LeadWork, record: CrmRecord): boolean {
  if (record['Pipeline_Event_Id__c'] === work.event.id) return true;
  return work.event.entryPoint === 'sales-created' && work.event.payload.ChangeEventHeader.recordIds.includes(record.Id);
}

/** Whether this run of the job follows a failed attempt or an earlier, parked run of the same event. */
function isRetry(work: LeadWork): boolean {
  const current = work.trace.steps[work.trace.steps.length - 1];
  return work.trace.runs > 1 || (current !== undefined && current.job === 'upsertPerson' && current.attempts > 1);
}

/** The id of the record the CRM's duplicate rule matched, from a DUPLICATES_DETECTED answer. */
export function duplicateRecordId(error: ApiError): string | undefined {
  if (error.vendorCode !== 'DUPLICATES_DETECTED' || !Array.isArray(error.body)) return undefined;
  const first = error.body[0] as { duplicateResut?: { matchResults?: { matchRecords?: { record?: { Id?: string } }[] }[] } } | undefined;
  return first?.duplicateResut?.matchResults?.[0]?.matchRecords?.[0]?.record?.Id;
}
