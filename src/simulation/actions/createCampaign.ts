import { campaignRecordFields, type CampaignSpec } from '../../org/orgSpec.ts';
import type { LeadsimHarness } from '../createHarness.ts';
import { restAsRep } from '../repActions.ts';
import { actionDone, actionRefused, type ActionResult } from './actionResult.ts';

/**
 * The Sales Systems admin creates a campaign mid-run through the CRM REST API (`POST sobjects/Campaign`), with the
 * fields an org spec's campaign has (`partnerAccountId`: the CRM id its `partnerAccount` key names). The pipeline must
 * route the campaign's members by it from the next event on. `createdId` of the result is the new campaign's id.
 */
export async function createCampaign(h: LeadsimHarness, spec: CampaignSpec, partnerAccountId?: string): Promise<ActionResult> {
  const as = h.world.adminUserId;
  const result = await restAsRep(h.world, h.transport, as, 'POST', 'sobjects/Campaign', campaignRecordFields(spec, partnerAccountId));
  if (!result.ok) return actionRefused(as, `the CRM refused the campaign ${JSON.stringify(spec.Name)}: ${result.message}`);
  const id = String((result.body as { id?: unknown } | null)?.id);
  return actionDone(as, `Campaign ${id} ${JSON.stringify(spec.Name)}`, { createdId: id });
}
