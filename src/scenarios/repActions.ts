import type { Transport } from '../transport/transport.ts';
import type { World } from '../world/world.ts';

/** What the CRM answered a rep's REST call: ok, or its first error. */
export type RepCallResult = { ok: true; body: unknown } | { ok: false; message: string };

/**
 * Makes one CRM REST call as a sales rep (a session token issued for `userId`), the way a rep's browser or a tool
 * acting for them does: `PATCH /sobjects/{Type}/{id}`, `POST /sobjects/{Type}`. Returns Salesforce's error as text.
 */
export async function restAsRep(world: World, transport: Transport, userId: string, method: 'PATCH' | 'POST', path: string, body: Record<string, unknown>): Promise<RepCallResult> {
  const token = world.crm.sessions.issueToken(userId);
  const response = await transport.send(
    new Request(`${transport.origins.salesforce}/services/data/v62.0/${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
  const text = await response.text();
  const json: unknown = text === '' ? null : JSON.parse(text);
  if (response.ok) return { ok: true, body: json };
  const first = Array.isArray(json) ? (json[0] as { errorCode?: string; message?: string } | undefined) : undefined;
  return { ok: false, message: `${first?.errorCode ?? response.status} ${first?.message ?? text}`.trim() };
}

/** The rep who acts on a person: the given user, else the person's owner when a sales user, else the org's first user. */
export function repFor(world: World, as: string | undefined, ownerId: unknown): string {
  if (as !== undefined) return world.ids.userIds.get(as)!;
  const owner = typeof ownerId === 'string' ? world.crm.get('User', ownerId) : undefined;
  if (owner && typeof owner['Role__c'] === 'string') return owner.Id as string;
  const first = world.org.users[0];
  return first ? world.ids.userIds.get(first.key)! : world.crm.integrationUserId;
}
