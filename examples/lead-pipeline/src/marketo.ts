import type { PipelineEnv } from './env.ts';

const tokens = new Map<number, { token: string; until: number }>();

/** Marketo's REST envelope. */
interface Envelope {
  readonly success?: boolean;
  readonly result?: { id?: number; status?: string; reasons?: { code: string; message: string }[] }[];
  readonly errors?: { code: string; message: string }[];
}

/** Creates or updates the Marketo lead of this email, linked to its Salesforce record. Safe to repeat. */
export async function syncToMarketo(env: PipelineEnv, lead: Record<string, unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${env.marketo.baseUrl}/v1/leads.json`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token(env)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'createOrUpdate', lookupField: 'email', input: [lead] }),
      });
      const body = (await response.json()) as Envelope;
      if (body.success) return;
      const code = body.errors?.[0]?.code;
      if (code === '601' || code === '602') tokens.delete(env.world);
      else if (code !== '606' && code !== '608' && code !== '615') throw new Error(`Marketo refused the lead: ${JSON.stringify(body.errors)}`);
    } catch (error) {
      if (attempt >= 4 || (error instanceof Error && error.message.startsWith('Marketo refused'))) throw error;
      continue;
    }
    if (attempt >= 4) throw new Error('Marketo kept refusing the lead');
  }
}

async function token(env: PipelineEnv): Promise<string> {
  const cached = tokens.get(env.world);
  if (cached && cached.until > Date.now()) return cached.token;
  const q = new URLSearchParams({ grant_type: 'client_credentials', client_id: env.marketo.clientId, client_secret: env.marketo.clientSecret });
  const response = await fetch(`${env.marketo.identityUrl}/oauth/token?${q}`);
  const body = (await response.json()) as { access_token?: string; expires_in?: number };
  if (!body.access_token) throw new Error(`Marketo identity refused us: ${response.status}`);
  tokens.set(env.world, { token: body.access_token, until: Date.now() + ((body.expires_in ?? 60) - 30) * 1000 });
  return body.access_token;
}
