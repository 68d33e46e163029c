import { describe, expect, test } from 'vitest';
import { setupSimulation } from '../../mocks/setupSimulation.ts';

describe('a seeded world', () => {
  test('has a program per campaign and static lists, so push.json and list adds work from the start', async () => {
    const sim = setupSimulation({ seed: 5 });
    try {
      const token = ((await (await fetch(`${sim.marketo.identityUrl}/oauth/token?grant_type=client_credentials&client_id=${sim.marketo.clientId}&client_secret=${sim.marketo.clientSecret}`)).json()) as { access_token: string }).access_token;
      const get = async (path: string, init: RequestInit = {}) => (await fetch(`${sim.marketo.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } })).json() as Promise<any>;
      const programs = await get('/asset/v1/programs.json?maxReturn=200');
      expect(programs.result.map((p: { name: string }) => p.name)).toContain('Webinar - Platform Tour');
      const pushed = await get('/v1/leads/push.json', { method: 'POST', body: JSON.stringify({ programName: 'Webinar - Platform Tour', input: [{ email: 'new@example.com' }] }) });
      expect(pushed).toMatchObject({ success: true, result: [{ status: 'created' }] });
      const lists = await get('/v1/lists.json');
      expect(lists.result.map((l: { name: string }) => l.name)).toEqual(['Newsletter Subscribers', 'Event Invitees', 'Do Not Contact']);
      expect((await get(`/v1/lists/1/leads.json`, { method: 'POST', body: JSON.stringify({ input: [{ id: pushed.result[0].id }] }) })).result).toEqual([{ id: pushed.result[0].id, status: 'added' }]);
    } finally {
      sim.close();
    }
  });

  test('setupSimulation leaves unknown vendor paths unhandled by default, and answers them in vendor shape when asked', async () => {
    const strict = setupSimulation({ seed: 5 });
    try {
      await expect(fetch(`${strict.salesforce.instanceUrl}/services/nothing`)).rejects.toThrow();
      await expect(fetch('https://example.com/services/nothing')).rejects.toThrow();
    } finally {
      strict.close();
    }
    const lenient = setupSimulation({ seed: 5, strictPaths: false });
    try {
      const sf = await fetch(`${lenient.salesforce.instanceUrl}/services/nothing`);
      expect([sf.status, await sf.json()]).toEqual([404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]]);
      const prm = await fetch(`${lenient.impartner.baseUrl}/api/nothing`);
      expect([prm.status, ((await prm.json()) as { success: boolean }).success]).toEqual([404, false]);
      expect(((await (await fetch(`${lenient.marketo.baseUrl}/v2/x.json`)).json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('610');
      // A catch-all never passes a request on to the network: other hosts stay unhandled, even on vendor-like paths.
      await expect(fetch('https://example.com/')).rejects.toThrow();
      expect(lenient.unknownRequests.map((r) => r.system)).toEqual(['salesforce', 'impartner', 'marketo']);
    } finally {
      lenient.close();
    }
  });
});
