import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { startServe, type RunningServe } from '../../src/server/startServe.ts';

const ORG = loadOrgSpec(fileURLToPath(new URL('../fixtures/assignmentRules/org.json', import.meta.url)));

describe('serve with the project org: a reset to another seed keeps it', () => {
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startServe({ seed: 7, graph: loadDefaultGraph(), org: ORG, clock: 'manual' });
  });
  afterAll(() => serve.close());

  const users = async (): Promise<string[]> => {
    const { instanceUrl, accessToken } = serve.info.salesforce;
    const q = encodeURIComponent("SELECT Email FROM User WHERE Email LIKE '%@leadsim-corp.test' ORDER BY Email");
    const res = await fetch(`${instanceUrl}/services/data/v62.0/query?q=${q}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    return ((await res.json()) as { records: { Email: string }[] }).records.map((r) => r.Email);
  };

  it('POST /__leadsim/reset {"seed":2} changes the seed, not the users and queues the org file defines', async () => {
    const before = await users();
    expect(before).toEqual(expect.arrayContaining(ORG.users.map((u) => u.Email)));
    const reset = await fetch(`${serve.info.admin.url}/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed: 2 }) });
    expect(((await reset.json()) as { seed: number }).seed).toBe(2);
    expect(await users()).toEqual(before);
  });
});
