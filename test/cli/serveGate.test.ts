import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './runCli.ts';

describe('leadsim serve: who gets in', () => {
  it('requires the --intake-token it was given, prints it in the endpoints line, and answers hosts from --allow-host', async () => {
    const token = 'cli-intake-token-0123456789';
    const { firstLine, child } = await startCli(['serve', '--seed', '3', '--clock', 'manual', '--intake-token', token, '--allow-host', 'sim.internal']);
    try {
      const info = JSON.parse(firstLine) as { intake: { url: string; token: string }; salesforce: { instanceUrl: string; clientId: string; clientSecret: string } };
      expect(info.intake.token).toBe(token);
      expect(info.salesforce.clientId).toBeTruthy();
      const url = info.intake.url.replace('{entryPoint}', 'chat');
      const body = JSON.stringify({ type: 'conversation.lead_captured', data: { conversationId: 2, contact: { email: 'cli.gate@fresh-domain.example', name: 'Cli Gate' } } });
      const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((r) => r.status);
      expect(await post({})).toBe(401);
      expect(await post({ authorization: `Bearer ${token}` })).toBe(202);
      const token2 = await fetch(`${info.salesforce.instanceUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: info.salesforce.clientId, client_secret: info.salesforce.clientSecret }),
      });
      expect(token2.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses a weak intake token or a host with a port as bad input (exit 2, no stack trace)', () => {
    for (const args of [['--intake-token', 'short'], ['--allow-host', 'sim.internal:8080']]) {
      const { status, stderr } = runCli(['serve', '--port', '0', ...args]);
      expect(status).toBe(2);
      expect(stderr).toMatch(args[0] === '--intake-token' ? /intakeToken|intake-token/ : /allowHost|allow-host/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
