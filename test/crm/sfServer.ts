import jsforce, { type Connection } from 'jsforce';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { salesforceHandlers } from '../../mocks/salesforce/handlers.ts';
import { seededCrm } from './crmFixture.ts';

for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[name];

/** The instance URL the tests point jsforce at. */
export const INSTANCE_URL = 'https://sim.my.salesforce.com';

type Seeded = ReturnType<typeof seededCrm> & { token: string; conn: Connection };

/**
 * Starts one MSW server for the file and gives each test a fresh org, an access token for the integration user
 * and a jsforce connection (`version: '62.0'`). Read `sf.current` inside tests.
 */
export function useSalesforce(): { current: Seeded } {
  const server = setupServer();
  const holder = {} as { current: Seeded };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    const seeded = seededCrm();
    server.resetHandlers(...salesforceHandlers({ crm: seeded.crm }));
    const token = seeded.crm.sessions.issueToken(seeded.crm.integrationUserId);
    const conn = new jsforce.Connection({ instanceUrl: INSTANCE_URL, accessToken: token, version: '62.0' });
    holder.current = { ...seeded, token, conn };
  });
  return holder;
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(promise: PromiseLike<unknown>): Promise<{ name: string; errorCode: string; data: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; errorCode: string; data: unknown; message: string };
  }
  throw new Error('expected the call to fail');
}
