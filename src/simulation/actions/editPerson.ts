import type { LeadsimHarness } from '../createHarness.ts';
import { actingRep, restAsRep } from '../repActions.ts';
import { actionDone, actionProblem, actionRefused, type ActionResult, type PersonRef } from './actionResult.ts';

/** Options of the rep actions: who acts (a CRM user id; default: the person's owner when an active sales user, see `actingRep`). */
export interface RepActionOptions {
  readonly as?: string;
}

/**
 * A rep edits a lead or contact through the CRM REST API (`PATCH sobjects/{Type}/{id}` with the rep's session): a
 * title, a phone, a status, taking ownership. The CRM validates it as any rep's edit.
 */
export async function editPerson(h: LeadsimHarness, person: PersonRef, fields: Record<string, unknown>, options: RepActionOptions = {}): Promise<ActionResult> {
  const record = h.world.crm.get(person.type, person.id);
  const as = options.as ?? actingRep(h.world, record?.['OwnerId']);
  if (record === undefined) return actionProblem(as, `${person.type} ${person.id} is not in the CRM`);
  const result = await restAsRep(h.world, h.transport, as, 'PATCH', `sobjects/${person.type}/${person.id}`, fields);
  if (!result.ok) return actionRefused(as, `the CRM refused the edit of ${person.type} ${person.id} (${Object.keys(fields).join(', ')}) by ${as}: ${result.message}`);
  return actionDone(as, `${person.type} ${person.id} by ${as}: ${Object.keys(fields).join(', ')}`);
}
