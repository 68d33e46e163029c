import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
      expect(JSON.parse(firstLine)).toMatchObject({ admin: { url: `${info.salesforce.instanceUrl}/__leadsim` }, clock: { mode: 'wall', start: '2026-01-05T09:00:00.000Z' }, seed: 3 });

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

  it('serves HTTPS with a certificate generated at start: a client trusts it with NODE_EXTRA_CA_CERTS alone', async () => {
    const { firstLine, child } = await startCli(['serve', '--seed', '3', '--https', '--clock', 'manual', '--duplicate-rule', 'alert']);
    const info = JSON.parse(firstLine) as { salesforce: { instanceUrl: string; accessToken: string }; https: { caFile: string; env: Record<string, string> } };
    try {
      expect(info.salesforce.instanceUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(info.https.caFile)).toBe(true);
      const script = `fetch(process.argv[1] + '/services/data/v62.0/limits', { headers: { Authorization: 'Bearer ' + process.argv[2] } }).then(async (r) => console.log(r.status, JSON.stringify(await r.json())), (e) => { console.log('refused', e.cause?.code ?? e.message); })`;
      const fetchWith = (env: NodeJS.ProcessEnv) =>
        new Promise<string>((resolve) => {
          const c = spawn(process.execPath, ['-e', script, info.salesforce.instanceUrl, info.salesforce.accessToken], { env });
          let out = '';
          c.stdout.on('data', (d: Buffer) => (out += d.toString()));
          c.on('exit', () => resolve(out.trim()));
        });
      expect(await fetchWith({ ...process.env, NODE_EXTRA_CA_CERTS: info.https.caFile })).toMatch(/^200 \{"DailyApiRequests"/);
      expect(await fetchWith({ ...process.env, NODE_EXTRA_CA_CERTS: '' })).toMatch(/^refused/);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(existsSync(info.https.caFile)).toBe(false);
  });

  it('refuses bad options with exit 2 and names the option', async () => {
    const { runCli } = await import('./runCli.ts');
    const bad = runCli(['serve', '--clock', 'sundial']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/clock/);
  });
});
