import type { LeadsimHarness } from '../createHarness.ts';
import { restAsRep } from '../repActions.ts';
import { actionDone, actionRefused, type ActionResult } from './actionResult.ts';

/**
 * The Sales Systems admin changes an account's BDR (`BDR__c`, a User id; null clears it) through the CRM REST API, as
 * a territory change does. Rule 6 sends the account's MQLs to its BDR from the next decision on.
 */
export async function setAccountBdr(h: LeadsimHarness, accountId: string, bdrId: string | null): Promise<ActionResult> {
  const as = h.world.adminUserId;
  const result = await restAsRep(h.world, h.transport, as, 'PATCH', `sobjects/Account/${accountId}`, { BDR__c: bdrId });
  if (!result.ok) return actionRefused(as, `the CRM refused BDR__c ${String(bdrId)} on Account ${accountId}: ${result.message}`);
  return actionDone(as, `Account ${accountId} BDR__c ${String(bdrId)}`);
}
