import { evidenceOf } from '../evidence/runEvidence.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { defineInvariant } from './invariant.ts';
import { livePeople } from './livePeople.ts';
import type { Violation } from './violation.ts';

/** An email as the duplicate check compares it: trimmed and lower-cased; undefined when blank or not a string. */
export function normalizedEmail(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined;
  const key = email.trim().toLowerCase();
  return key === '' ? undefined : key;
}

/**
 * DOMAIN.md invariant 1: no two live people (contacts, and leads not converted) with the same normalized email,
 * no two campaign members for the same campaign and person, no two Marketo leads with the same normalized email,
 * no two Impartner prospects for the same CRM record. Evidence: the records (one form for every pipeline); the
 * field history names who created each person and, through its request, the delivery being handled then.
 */
export const noDuplicates = defineInvariant({
  id: 'no-duplicates',
  title: 'No duplicates',
  description:
    'No two live CRM people with the same normalized email, no duplicate campaign members, no two Marketo leads with the same normalized email, no two Impartner prospects with the same CrmId.',
  evidence: ['records', 'field history'],
  checkEvidence(run) {
    return [...duplicatePeople(run), ...duplicateMembers(run), ...duplicateMapLeads(run), ...duplicateProspects(run)];
  },
});

function groupBy<T>(items: Iterable<T>, key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function duplicatePeople(run: RunRecord): Violation[] {
  const crm = run.world.crm;
  const out: Violation[] = [];
  for (const [email, group] of groupBy(livePeople(crm), (p) => normalizedEmail(p.record['Email']))) {
    if (group.length < 2) continue;
    // Oldest first, so the violation names the person that came second.
    const people = group.map((p) => ({ p, at: crm.fieldHistory.first(p.record.Id)?.at ?? 0 })).sort((a, b) => a.at - b.at).map(({ p }) => p);
    const later = people[people.length - 1]!;
    const created = crm.fieldHistory.first(later.record.Id);
    const eventId = later.record['Pipeline_Event_Id__c'] ?? (created ? evidenceOf(run)?.handlingOf(created)?.id : undefined);
    out.push({
      invariant: 'no-duplicates',
      message: `${people.length} live people share the email ${JSON.stringify(email)}: ${people.map((p) => `${p.type} ${p.record.Id}`).join(', ')}; expected one person per normalized email.`,
      personId: later.record.Id,
      ...(typeof eventId === 'string' ? { eventId } : {}),
      evidence: people.map((p) => {
        const created = crm.fieldHistory.first(p.record.Id);
        const handling = created ? evidenceOf(run)?.handlingOf(created) : undefined;
        return { type: p.type, Id: p.record.Id, Email: p.record['Email'], Pipeline_Event_Id__c: p.record['Pipeline_Event_Id__c'] ?? null, CreatedById: p.record['CreatedById'], createdBy: created?.workflow ?? null, createdDuring: handling ? { delivery: handling.id, attempt: handling.attempt } : null };
      }),
    });
  }
  return out;
}

function duplicateMembers(run: RunRecord): Violation[] {
  const members = [...run.world.crm.records('CampaignMember')];
  const out: Violation[] = [];
  for (const link of ['LeadId', 'ContactId'] as const) {
    const groups = groupBy(members, (m) => (typeof m[link] === 'string' && m[link] !== '' ? `${String(m['CampaignId'])}|${String(m[link])}` : undefined));
    for (const [key, list] of groups) {
      if (list.length < 2) continue;
      const [campaignId, personId] = key.split('|') as [string, string];
      out.push({
        invariant: 'no-duplicates',
        message: `${list.length} campaign members link campaign ${campaignId} to ${link === 'LeadId' ? 'lead' : 'contact'} ${personId}: ${list.map((m) => m.Id).join(', ')}; expected at most one.`,
        personId,
        evidence: list.map((m) => ({ Id: m.Id, CampaignId: m['CampaignId'], LeadId: m['LeadId'] ?? null, ContactId: m['ContactId'] ?? null, Status: m['Status'] ?? null })),
      });
    }
  }
  return out;
}

function duplicateMapLeads(run: RunRecord): Violation[] {
  const out: Violation[] = [];
  for (const [email, leads] of groupBy(run.world.marketo.leads(), (l) => normalizedEmail(l['email']))) {
    if (leads.length < 2) continue;
    const crmId = leads.map((l) => l['sfdcLeadId'] ?? l['sfdcContactId']).find((id) => typeof id === 'string');
    out.push({
      invariant: 'no-duplicates',
      message: `${leads.length} Marketo leads share the email ${JSON.stringify(email)}: ids ${leads.map((l) => l.id).join(', ')}; expected one.`,
      ...(typeof crmId === 'string' ? { personId: crmId } : {}),
      evidence: leads.map((l) => ({ id: l.id, email: l['email'], sfdcLeadId: l['sfdcLeadId'] ?? null, sfdcContactId: l['sfdcContactId'] ?? null, createdAt: l.createdAt })),
    });
  }
  return out;
}

function duplicateProspects(run: RunRecord): Violation[] {
  const out: Violation[] = [];
  const prospects = run.world.impartner.records('Prospect');
  for (const [crmId, list] of groupBy(prospects, (p) => (typeof p['CrmId'] === 'string' && p['CrmId'] !== '' ? p['CrmId'] : undefined))) {
    if (list.length < 2) continue;
    out.push({
      invariant: 'no-duplicates',
      message: `${list.length} Impartner prospects have CrmId ${crmId}: ids ${list.map((p) => p.Id).join(', ')}; expected one prospect per CRM person.`,
      personId: crmId,
      evidence: list.map((p) => ({ Id: p.Id, CrmId: p['CrmId'], Email: p['Email'] ?? null, PartnerAccountId: p['PartnerAccountId'] ?? null, ShareStatus: p['ShareStatus'] ?? null })),
    });
  }
  return out;
}
