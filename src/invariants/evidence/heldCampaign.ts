import type { RunEvidence } from '../../evidence/runEvidence.ts';
import { normalizeId } from '../../systems/crm/ids.ts';

/** The campaign fields the partner rules and attribution read. */
export const CAMPAIGN_FIELDS = ['Name', 'Type', 'MDF_Funding__c', 'Channel_Partner_Involved__c', 'Partner_Account__c', 'Default_Acquisition_Source__c'] as const;

/** The campaign a touch names (a CRM id, or a name in any case) as the CRM held it at a position. */
export function heldCampaign(evidence: RunEvidence, named: string | undefined, at: number): Record<string, unknown> | undefined {
  const name = named?.trim();
  if (!name) return undefined;
  const id = normalizeId(name);
  for (const c of evidence.crm.records('Campaign')) {
    if (!evidence.existedAt(c.Id, at)) continue;
    if (c.Id === id || String(evidence.valueAt(c.Id, 'Name', at) ?? '').toLowerCase() === name.toLowerCase()) return snapshot(evidence, c.Id, CAMPAIGN_FIELDS, at);
  }
  return undefined;
}

/** A record's fields (and Id) as they were at a position; undefined when it did not exist then. */
export function snapshot(evidence: RunEvidence, id: string, fields: readonly string[], at: number): Record<string, unknown> | undefined {
  const found = evidence.crm.byId(id);
  if (found === undefined || !evidence.existedAt(found.record.Id, at)) return undefined;
  return Object.fromEntries([['Id', found.record.Id], ...fields.map((f) => [f, evidence.valueAt(found.record.Id, f, at) ?? null])]);
}

