import type { PipelineEnv } from './env.ts';

/** Impartner's envelope. */
interface Envelope<T> {
  readonly success: boolean;
  readonly data?: T;
  readonly message?: string;
}

/** One call; a read or an update is tried again when the answer does not come, a create (PUT) never is. */
async function call<T>(env: PipelineEnv, method: string, path: string, body?: unknown): Promise<T> {
  const tries = method === 'PUT' ? 1 : 4;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${env.impartner.baseUrl}/api/objects/v1${path}`, {
        method,
        headers: { Authorization: `prm-key ${env.impartner.apiKey}`, 'X-PRM-TenantId': env.impartner.tenantId, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      if (attempt >= tries) throw error;
      continue;
    }
    if ((response.status >= 500 || response.status === 429) && attempt < tries) continue;
    const envelope = (await response.json()) as Envelope<T>;
    if (!envelope.success) throw new Error(`Impartner refused ${method} ${path}: ${envelope.message}`);
    return envelope.data as T;
  }
}

async function list(env: PipelineEnv, object: string, filter: string): Promise<Record<string, unknown>[]> {
  const q = new URLSearchParams({ filter, take: '100' });
  return (await call<{ results: Record<string, unknown>[] }>(env, 'GET', `/${object}?${q}`)).results;
}

/**
 * Shares the person with its partner in the portal: one prospect per Salesforce record (its `CrmId`); a prospect the
 * partner already sees is left alone. Looking before creating also makes a retry after a lost answer safe.
 */
export async function shareWithPartner(env: PipelineEnv, person: { id: string; email: string; firstName?: unknown; lastName?: unknown; company?: unknown; country?: unknown }, partnerCrmAccountId: string): Promise<void> {
  const [existing] = await list(env, 'Prospect', `CrmId = '${person.id}'`);
  if (existing && existing['ShareStatus'] !== 'Recalled') return;
  const [account] = await list(env, 'Account', `CrmId = '${partnerCrmAccountId}'`);
  if (!account) throw new Error(`No partner account in Impartner for Salesforce account ${partnerCrmAccountId}`);
  if (existing) {
    await call(env, 'PATCH', '/Prospect', { Id: existing['Id'], ShareStatus: 'Pending', LeadStatus: 'Qualifying', PartnerAccountId: account['Id'] });
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await call(env, 'PUT', '/Prospect', { FirstName: person.firstName, LastName: person.lastName, Email: person.email, Company: person.company, Country: person.country, PartnerAccountId: account['Id'], ShareStatus: 'Pending', LeadStatus: 'Qualifying', CrmId: person.id });
      return;
    } catch (error) {
      const [made] = await list(env, 'Prospect', `CrmId = '${person.id}'`);
      if (made || attempt >= 3) {
        if (made) return;
        throw error;
      }
    }
  }
}
