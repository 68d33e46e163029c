import type { LeadsimHarness } from '../simulation/createHarness.ts';
import { actingRep } from '../simulation/repActions.ts';
export { actingRep, restAsRep } from '../simulation/repActions.ts';
import { IMPARTNER_KEY } from '../world/credentials.ts';

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
export function refused(what: string, result: { status: number; message?: string }): Error {
  return new Error(`Failed to ${what}: the API answered ${result.status} ${JSON.stringify(result.message ?? '')}. A rep's valid change must be accepted.`);
}

/** The `pick`-th lead that is not converted (wrapping around) and the rep who acts on it; undefined when there is none. */
export function pickOpenLead(h: LeadsimHarness, pick: number): { readonly lead: { readonly Id: string } & Readonly<Record<string, unknown>>; readonly rep: string } | undefined {
  const leads = [...h.world.crm.records('Lead')].filter((l) => l['IsConverted'] !== true);
  const lead = leads[pick % leads.length];
  return lead ? { lead, rep: actingRep(h.world, lead['OwnerId']) } : undefined;
}
