import { describe, expect, it } from 'vitest';
import { INSTANCE_URL, useSalesforce } from './sfServer.ts';

// A Lead's Owner is polymorphic (User or Queue): Salesforce reads it through the Name object, whose Type is the
// owner's entity ('User', 'Queue'). Source: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_name.htm
const sf = useSalesforce();

async function seedOwned() {
  const { conn, sdrId, queueId } = sf.current;
  const byUser = (await conn.sobject('Lead').create({ LastName: 'Usered', Company: 'Acme', OwnerId: sdrId })) as { id: string };
  const byQueue = (await conn.sobject('Lead').create({ LastName: 'Queued', Company: 'Acme', OwnerId: queueId })) as { id: string };
  return { user: byUser.id, queue: byQueue.id };
}

describe('polymorphic Owner read as the Name object', () => {
  it('jsforce: Owner.Type is User for a user owner and Queue for a queue, with Name and Email', async () => {
    const { conn } = sf.current;
    const { user, queue } = await seedOwned();
    const result = await conn.query<{ Id: string; Owner: { Type: string; Name: string; Email: string | null } }>(`SELECT Id, Owner.Type, Owner.Name, Owner.Email FROM Lead WHERE Id IN ('${user}', '${queue}') ORDER BY LastName`);
    expect(result.records.map((r) => [r.Id, r.Owner.Type, r.Owner.Name, r.Owner.Email])).toEqual([
      [queue, 'Queue', 'Inquiry Queue', null],
      [user, 'User', 'Sam Rep', 'sam@leadsim.test'],
    ]);
  });

  it("REST: WHERE Owner.Type = 'User' and = 'Queue' split the leads by owner kind", async () => {
    const { token } = sf.current;
    const { user, queue } = await seedOwned();
    const ids = async (where: string) => {
      const res = await fetch(`${INSTANCE_URL}/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Id FROM Lead WHERE ${where} AND Id IN ('${user}', '${queue}')`)}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { records: { Id: string }[] }).records.map((r) => r.Id);
    };
    expect(await ids("Owner.Type = 'User'")).toEqual([user]);
    expect(await ids("Owner.Type = 'Queue'")).toEqual([queue]);
    expect(await ids("Owner.Type != 'Queue'")).toEqual([user]);
  });
});
