import { isSalesUser } from '../systems/crm/schema.ts';
import { jsonRequest } from '../transport/jsonRequest.ts';
import type { Transport } from '../transport/transport.ts';
import type { World } from '../world/world.ts';
import { readBody, resubmit } from './resubmit.ts';


/** What the CRM answered a rep's REST call: ok with the body, or the HTTP status and Salesforce's first error as text. */
export type RepCallResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly status: number; readonly message: string };

/**
 * Makes one CRM REST call as a sales rep (a session token issued for `userId`), the way a rep's browser or a tool
 * acting for them does: `PATCH sobjects/{Type}/{id}`, `POST sobjects/{Type}`, sent again like a person does on no
 * answer, a 5xx or a rate limit. Returns Salesforce's error as text.
 */
export async function restAsRep(world: World, transport: Transport, userId: string, method: 'PATCH' | 'POST', path: string, body: Record<string, unknown>): Promise<RepCallResult> {
  const token = world.crm.sessions.issueToken(userId);
  const response = await resubmit(world, () =>
    transport.send(jsonRequest(transport, `${transport.origins.salesforce}/services/data/v62.0/${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } }, body)),
  );
  const json = await readBody(response);
  if (response.ok) return { ok: true, body: json ?? null };
  if (response.type === 'error') return { ok: false, status: 0, message: 'no response (timeout or connection lost)' };
  const first = Array.isArray(json) ? (json[0] as { errorCode?: string; message?: string } | undefined) : undefined;
  return { ok: false, status: response.status, message: `${first?.errorCode ?? response.status} ${first?.message ?? ''}`.trim() };
}

/**
 * The rep who acts on a person: the org user keyed `as` when given; else the person's owner when that is an active
 * sales user; else the org's first active AE (standing in for a sales manager); else the integration user.
 */
export function actingRep(world: World, ownerId: unknown, as?: string): string {
  if (as !== undefined) {
    const id = world.ids.userIds.get(as);
    if (id === undefined) throw new RangeError(`Failed to act as "${as}": the org has no user with that key. Use a key from the org's users.`);
    return id;
  }
  const owner = typeof ownerId === 'string' ? world.crm.get('User', ownerId) : undefined;
  if (owner && owner['IsActive'] === true && isSalesUser(owner)) return String(owner['Id']);
  return [...world.crm.records('User')].find((u) => u['IsActive'] === true && u['Role__c'] === 'AE')?.Id ?? world.crm.integrationUserId;
}
