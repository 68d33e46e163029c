import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { startCli } from './runCli.ts';

describe('leadsim serve', () => {
  it('prints its endpoints first, serves every API on one loopback port, runs posted events, and stops on SIGTERM', async () => {
    const { firstLine, child } = await startCli(['serve', '--seed', '3']);
    try {
      const info = JSON.parse(firstLine) as {
        salesforce: { instanceUrl: string; accessToken: string };
        marketo: { baseUrl: string; identityUrl: string; clientId: string; clientSecret: string };
        impartner: { baseUrl: string; apiKey: string; tenantId: string };
        intake: { url: string };
      };
      expect(info.salesforce.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.marketo.baseUrl).toBe(`${info.salesforce.instanceUrl}/rest`);
      expect(info.marketo.identityUrl).toBe(`${info.salesforce.instanceUrl}/identity`);

      const conn = new jsforce.Connection({ instanceUrl: info.salesforce.instanceUrl, accessToken: info.salesforce.accessToken, version: '62.0' });
      const queues = await conn.query<{ Name: string }>("SELECT Name FROM Group WHERE Type = 'Queue' ORDER BY Name");
      expect(queues.records.map((q) => q.Name)).toEqual(['Inquiry Queue', 'Partner Queue']);

      const token = await fetch(`${info.marketo.identityUrl}/oauth/token?grant_type=client_credentials&client_id=${info.marketo.clientId}&client_secret=${info.marketo.clientSecret}`);
      expect(((await token.json()) as { access_token: string }).access_token).toBeTruthy();
      const partners = await fetch(`${info.impartner.baseUrl}/api/objects/v1/Account?fields=Id,Name`, { headers: { Authorization: `prm-key ${info.impartner.apiKey}`, 'X-PRM-TenantId': info.impartner.tenantId } });
      expect(((await partners.json()) as { data: { count: number } }).data.count).toBe(4);

      const posted = await fetch(info.intake.url.replace('{entryPoint}', 'chat'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'serve-test-1' },
        body: JSON.stringify({ type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: ' Served.Lead@Fresh-Domain.example', name: 'Served Lead' } } }),
      });
      expect(posted.status).toBe(202);
      let leads: { Email: string; OwnerId: string }[] = [];
      for (let i = 0; i < 50 && leads.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        leads = (await conn.query<{ Email: string; OwnerId: string }>("SELECT Email, OwnerId FROM Lead WHERE Email = 'served.lead@fresh-domain.example'")).records;
      }
      expect(leads).toHaveLength(1);

      const bad = await fetch(info.intake.url.replace('{entryPoint}', 'fax'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(bad.status).toBe(404);
      expect(((await bad.json()) as { entryPoints: string[] }).entryPoints).toContain('web-form');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
