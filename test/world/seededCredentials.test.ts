import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { createHandlerDispatcher } from '../../src/transport/handlerDispatcher.ts';
import { MARKETO_CLIENT, SALESFORCE_CLIENT, SIM_ORIGINS } from '../../src/world/credentials.ts';
import { createWorld, type World } from '../../src/world/world.ts';

const worldOf = (seed: number) => createWorld({ seed, org: generateOrg(new Rng(seed).fork('org')) });

/** Sends a request straight into a world's handlers and reads the JSON answer. */
async function call(world: World, url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const response = await createHandlerDispatcher(world.handlers)(new Request(url, init));
  if (!response) throw new Error(`unhandled ${url}`);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const tokenForm = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const sfToken = (world: World, fields: Record<string, string>) => call(world, `${SIM_ORIGINS.salesforce}/services/oauth2/token`, tokenForm(fields));
const marketoToken = async (world: World) =>
  (await call(world, `${SIM_ORIGINS.marketo}/identity/oauth/token?grant_type=client_credentials&client_id=${MARKETO_CLIENT.clientId}&client_secret=${MARKETO_CLIENT.clientSecret}`)).body.access_token as string;

describe('tokens are minted from the seed', () => {
  it('gives the same tokens for the same seed and different ones for another seed', async () => {
    const [a, again, b] = [worldOf(1), worldOf(1), worldOf(2)];
    expect(again.salesforceToken).toBe(a.salesforceToken);
    expect(b.salesforceToken).not.toBe(a.salesforceToken);
    expect(await marketoToken(again)).toBe(await marketoToken(a));
    expect(await marketoToken(b)).not.toBe(await marketoToken(a));
    // One seed's session is unknown to another seed's org.
    const limits = (world: World, token: string) => call(world, `${SIM_ORIGINS.salesforce}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await limits(a, a.salesforceToken)).status).toBe(200);
    expect(await limits(b, a.salesforceToken)).toEqual({ status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] });
  });

  it('issues tokens shaped as Salesforce session ids that do not follow from one another', () => {
    const { crm } = worldOf(3);
    const [first, second] = [crm.sessions.issueToken(crm.integrationUserId), crm.sessions.issueToken(crm.integrationUserId)];
    for (const token of [first, second]) expect(token).toMatch(new RegExp(`^${crm.orgId.slice(0, 15)}!AQ[A-Za-z0-9.]{43}$`));
    const tail = (t: string) => t.slice(18);
    const shared = [...tail(first)].filter((c, i) => tail(second)[i] === c).length;
    expect(shared).toBeLessThan(10); // a counter would share all but its last digits
    expect(crm.sessions.issueRefreshToken(crm.integrationUserId)).toMatch(/^5Aep861[A-Za-z0-9.]{86}$/);
  });
});

describe('the Salesforce token endpoint checks the connected app as Salesforce does', () => {
  const world = worldOf(4);

  it('issues a token to the connected app’s consumer key and secret (client_credentials, in the form or as HTTP Basic)', async () => {
    const form = await sfToken(world, { grant_type: 'client_credentials', client_id: SALESFORCE_CLIENT.clientId, client_secret: SALESFORCE_CLIENT.clientSecret });
    expect(form.status).toBe(200);
    const basic = await call(world, `${SIM_ORIGINS.salesforce}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${SALESFORCE_CLIENT.clientId}:${SALESFORCE_CLIENT.clientSecret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    });
    expect(basic.status).toBe(200);
    expect(basic.body.access_token).not.toBe(form.body.access_token);
  });

  it.each([
    ['an unknown consumer key', { client_id: 'someone-else', client_secret: SALESFORCE_CLIENT.clientSecret }, 400, 'invalid_client_id', 'client identifier invalid'],
    ['no consumer key', { client_secret: SALESFORCE_CLIENT.clientSecret }, 400, 'invalid_client_id', 'client identifier invalid'],
    ['a wrong consumer secret', { client_id: SALESFORCE_CLIENT.clientId, client_secret: 'guess' }, 401, 'invalid_client', 'invalid client credentials'],
    ['no consumer secret', { client_id: SALESFORCE_CLIENT.clientId }, 401, 'invalid_client', 'invalid client credentials'],
  ])('refuses %s', async (_, client, status, error, description) => {
    for (const grant of [{ grant_type: 'client_credentials' }, { grant_type: 'password', username: 'integration@leadsim.test', password: 'pw' }]) {
      expect(await sfToken(world, { ...grant, ...client })).toEqual({ status, body: { error, error_description: description } });
    }
  });

  it('refuses an unknown user with invalid_grant once the client is right', async () => {
    expect(await sfToken(world, { grant_type: 'password', username: 'nobody@x.io', password: 'pw', ...{ client_id: SALESFORCE_CLIENT.clientId, client_secret: SALESFORCE_CLIENT.clientSecret } })).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'authentication failure' },
    });
  });
});

describe('Marketo identity', () => {
  it('answers wrong client credentials with 401 invalid_client "Bad client credentials"', async () => {
    const world = worldOf(5);
    expect(await call(world, `${SIM_ORIGINS.marketo}/identity/oauth/token?grant_type=client_credentials&client_id=${MARKETO_CLIENT.clientId}&client_secret=guess`)).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Bad client credentials' },
    });
  });
});
