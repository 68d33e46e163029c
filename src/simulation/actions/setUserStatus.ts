import type { LeadsimHarness } from '../createHarness.ts';
import { restAsRep } from '../repActions.ts';
import { actionDone, actionRefused, type ActionResult } from './actionResult.ts';

/** What Sales Systems changes about a rep mid-run: deactivated, active again, out of office, back in office. */
export const USER_STATUSES = ['inactive', 'active', 'outOfOffice', 'inOffice'] as const;
/** One of {@link USER_STATUSES}. */
export type UserStatus = (typeof USER_STATUSES)[number];

const FIELDS: Readonly<Record<UserStatus, Record<string, boolean>>> = {
  inactive: { IsActive: false },
  active: { IsActive: true },
  outOfOffice: { Out_Of_Office__c: true },
  inOffice: { Out_Of_Office__c: false },
};

/**
 * The Sales Systems admin changes a user's availability through the CRM REST API (`PATCH sobjects/User/{id}` with
 * `IsActive` or `Out_Of_Office__c`), as the handbook's "Have an SDR on your team who's going to be out of the
 * office?" request does. Routing must see it on its next decision (001_512da58ab79a42c0.txt, "Request an SDR
 * alignment update").
 */
export async function setUserStatus(h: LeadsimHarness, userId: string, status: UserStatus): Promise<ActionResult> {
  const as = h.world.adminUserId;
  const result = await restAsRep(h.world, h.transport, as, 'PATCH', `sobjects/User/${userId}`, FIELDS[status]);
  if (!result.ok) return actionRefused(as, `the CRM refused to make User ${userId} ${status}: ${result.message}`);
  return actionDone(as, `User ${userId} ${status}`);
}
