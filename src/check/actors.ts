import type { LeadsimHarness } from '../simulation/createHarness.ts';
import { IMPARTNER_KEY } from '../world/credentials.ts';

const SALES_ROLES = new Set(['SDR', 'BDR', 'AE']);

/**
 * The rep who acts on a person: its owner when that is an active sales user, else the first active AE (who
 * stands in for a sales manager). Undefined only in an org without an active AE.
 */
export function actingRep(h: LeadsimHarness, ownerId: unknown): string | undefined {
  const owner = typeof ownerId === 'string' ? h.world.crm.get('User', ownerId) : undefined;
  if (owner && owner['IsActive'] === true && SALES_ROLES.has(String(owner['Role__c']))) return String(owner['Id']);
  const ae = [...h.world.crm.records('User')].find((u) => u['IsActive'] === true && u['Role__c'] === 'AE');
  return ae?.Id;
}

/** A rep's PATCH through the Salesforce REST API; resolves to the status and the error body when refused. */
export async function crmPatch(h: LeadsimHarness, userId: string, type: string, id: string, fields: Record<string, unknown>): Promise<{ ok: boolean; status: number; body?: unknown }> {
  const token = h.world.crm.sessions.issueToken(userId);
  const response = await h.transport.send(
    new Request(`${h.transport.origins.salesforce}/services/data/v62.0/sobjects/${type}/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(fields),
    }),
  );
  if (response.status < 300) return { ok: true, status: response.status };
  return { ok: false, status: response.status, body: await response.json() };
}

/** A channel manager's recall of a shared prospect through the Impartner REST API. */
export async function prmRecall(h: LeadsimHarness, prospectId: number | string): Promise<{ ok: boolean; status: number; message?: string }> {
  const response = await h.transport.send(
    new Request(`${h.transport.origins.impartner}/api/objects/v1/Prospect/${prospectId}/recall`, {
      method: 'POST',
      headers: { Authorization: `prm-key ${IMPARTNER_KEY.apiKey}`, 'X-PRM-TenantId': IMPARTNER_KEY.tenantId },
    }),
  );
  const body = (await response.json()) as { success?: boolean; message?: string };
  return { ok: response.status < 300 && body.success === true, status: response.status, ...(body.message ? { message: body.message } : {}) };
}

/** Fails a command whose API call a real org would accept: the simulator or the pipeline broke. */
export function refused(what: string, result: { status: number; body?: unknown; message?: string }): Error {
  return new Error(`Failed to ${what}: the API answered ${result.status} ${JSON.stringify(result.body ?? result.message ?? '')}. A rep's valid change must be accepted.`);
}
