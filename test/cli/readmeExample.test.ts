import { readFileSync } from 'node:fs';
import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { createHarness } from 'leadsim';
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

  it("posts a web form the intake accepts in serve's curl example, and it makes a lead", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const body = /\/intake\/web-form [^\n]*\\\n\s*-d '([^']+)'/.exec(readme)?.[1];
    expect(body, 'the curl example in the README').toBeDefined();
    const harness = await createHarness({ seed: 1 });
    try {
      const delivered = await harness.deliver({ entryPoint: 'web-form', payload: JSON.parse(body!), id: 'wf-1' });
      expect(delivered.traces.map((t) => t.outcome?.kind)).toEqual(['created']);
    } finally {
      await harness.close();
    }
  });
});
