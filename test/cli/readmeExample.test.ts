import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { setupSimulation } from 'leadsim/mocks';

describe('the README example', () => {
  it('points jsforce at the in-process simulation through the package export, and nothing leaves the process', async () => {
    const sim = setupSimulation({ seed: 1 }); // unhandled requests are errors: nothing reaches a real CRM
    try {
      const conn = new jsforce.Connection({ instanceUrl: sim.salesforce.instanceUrl, accessToken: sim.salesforce.accessToken, version: '62.0' });
      const { records } = await conn.query<{ Name: string }>("SELECT Id, Name FROM Group WHERE Type = 'Queue'");
      expect(records.map((r) => r.Name).sort()).toEqual(['Inquiry Queue', 'Partner Queue']);
      await expect(fetch('https://login.salesforce.com/services/oauth2/token')).rejects.toThrow();
    } finally {
      sim.close();
    }
  });
});
