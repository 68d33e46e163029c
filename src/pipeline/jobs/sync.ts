import { isLiveProspect } from '../../systems/prm/prospectRules.ts';
import { soqlString } from '../soqlString.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import type { LeadWork } from '../leadWork.ts';
import type { PipelineContext } from '../pipelineContext.ts';

/**
 * Syncs the person to the marketing platform (create or update by email, linked to its CRM record) and, when
 * routing shared it with a partner, to the partner portal as a prospect (once: a live prospect for the same CRM
 * record is left as it is; a recalled one is shared again, Pending, so the partner sees the person).
 */
export const sync: PipelineJob = {
  name: 'sync',
  async run(work, ctx) {
    const person = work.person!;
    const r = person.record;
    const mapLead: Record<string, unknown> = {
      email: work.lead!.person.email,
      firstName: r['FirstName'],
      lastName: r['LastName'],
      title: r['Title'],
      phone: r['Phone'],
      // The CRM is the system of record: a contact's company is its account's name, never the latest payload's.
      company: r['Company'] ?? work.account?.['Name'],
      country: r['CountryCode'] ?? r['MailingCountryCode'],
      leadSource: r['LeadSource'],
      [person.type === 'Lead' ? 'sfdcLeadId' : 'sfdcContactId']: person.id,
    };
    for (const key of Object.keys(mapLead)) if (mapLead[key] === undefined || mapLead[key] === null) delete mapLead[key];
    const [mapResult] = await ctx.marketo.syncLeads([mapLead], { action: 'createOrUpdate', lookupField: 'email' });
    const prm = work.sharePrm ? await shareWithPartner(work, ctx) : undefined;
    return { input: { marketo: mapLead, sharePrm: work.sharePrm ?? false }, output: { marketo: mapResult, impartner: prm ?? null } };
  },
};

async function shareWithPartner(work: LeadWork, ctx: PipelineContext): Promise<{ prospectId: unknown; action: 'created' | 'exists' | 'shared again' }> {
  const person = work.person!;
  const r = person.record;
  const existing = await ctx.impartner.list('Prospect', `CrmId = ${soqlString(person.id)}`, ['Id', 'CrmId', 'ShareStatus']);
  if (existing[0] && isLiveProspect(existing[0])) return { prospectId: existing[0]['Id'], action: 'exists' };
  const partnerId = await prmAccountId(work, ctx);
  if (existing[0]) {
    // Routing shares a person whose only prospect was recalled: the partner must see it again (one prospect per CRM record).
    await ctx.impartner.update('Prospect', { Id: existing[0]['Id'] as number, ShareStatus: 'Pending', LeadStatus: 'Qualifying', PartnerAccountId: partnerId });
    return { prospectId: existing[0]['Id'], action: 'shared again' };
  }
  const prospect = await ctx.impartner.create('Prospect', {
    FirstName: r['FirstName'],
    LastName: r['LastName'],
    Email: work.lead!.person.email,
    Phone: r['Phone'],
    Company: r['Company'] ?? work.account?.['Name'],
    Country: r['CountryCode'] ?? r['MailingCountryCode'],
    PartnerAccountId: partnerId,
    ShareStatus: 'Pending',
    LeadStatus: 'Qualifying',
    CrmId: person.id,
  });
  return { prospectId: prospect['Id'], action: 'created' };
}

/** The Impartner account id of the person's partner (`Impartner_Partner_Account__c`), learned once per partner. */
async function prmAccountId(work: LeadWork, ctx: PipelineContext): Promise<number | string> {
  const partnerCrmId = String(work.person!.record['Impartner_Partner_Account__c']);
  const known = ctx.prmAccountIds.get(partnerCrmId);
  if (known !== undefined) return known;
  const [account] = await ctx.impartner.list('Account', `CrmId = ${soqlString(partnerCrmId)}`, ['Id', 'CrmId']);
  if (!account) throw new Error(`Failed to share "${work.person!.id}" with the partner portal: no Impartner account has CrmId ${partnerCrmId}. Seed the partner account in the PRM.`);
  const id = account['Id'] as number;
  ctx.prmAccountIds.set(partnerCrmId, id);
  return id;
}
