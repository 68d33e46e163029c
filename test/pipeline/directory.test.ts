import { describe, expect, test } from 'vitest';
import type { SalesforceClient } from '../../src/clients/salesforceClient.ts';
import { Directory, type DirectoryChange } from '../../src/pipeline/directory.ts';

/** A Salesforce client that answers every query with no records and keeps the SOQL of each composite request. */
function recordingClient(onQuery: () => void = () => {}): { sf: SalesforceClient; requests: string[][] } {
  const requests: string[][] = [];
  const sf = {
    async queryAll(soqls: readonly string[]) {
      requests.push(soqls.map((q) => /FROM (\w+)/.exec(q)![1]!));
      onQuery();
      return soqls.map(() => []);
    },
  } as unknown as SalesforceClient;
  return { sf, requests };
}

describe('the org directory', () => {
  test('reads the org once, then only what a change event says changed, in one request for every stale part', async () => {
    const { sf, requests } = recordingClient();
    let hear: (change: DirectoryChange) => void = () => {};
    const directory = new Directory(sf, (listener) => ((hear = listener), () => {}));
    await directory.users();
    await directory.campaign('Webinar');
    await directory.accountByDomain('acme.example');
    expect(requests).toEqual([['User', 'Group', 'Account', 'Campaign']]);
    hear({ object: 'Lead' });
    hear({ object: 'CampaignMember' });
    await directory.users();
    expect(requests).toHaveLength(1);
    hear({ object: 'User' });
    await directory.queues();
    hear({ object: 'Campaign' });
    hear({ object: 'Account' });
    await directory.accountById('001');
    expect(requests.slice(1)).toEqual([['User'], ['Account', 'Campaign']]);
  });

  test('a change heard while a read is under way leaves that part stale for the next lookup', async () => {
    let hear: (change: DirectoryChange) => void = () => {};
    let during: (() => void) | undefined = () => hear({ object: 'User' });
    const { sf, requests } = recordingClient(() => {
      const once = during;
      during = undefined;
      once?.();
    });
    const directory = new Directory(sf, (listener) => ((hear = listener), () => {}));
    await directory.users();
    await directory.users();
    expect(requests).toEqual([['User', 'Group', 'Account', 'Campaign'], ['User']]);
  });

  test('without a change feed nothing tells it the org changed, so it reads the org on every lookup', async () => {
    const { sf, requests } = recordingClient();
    const directory = new Directory(sf);
    await directory.users();
    await directory.users();
    expect(requests).toHaveLength(2);
  });
});
