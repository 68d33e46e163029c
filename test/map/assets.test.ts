import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { marketoHarness } from './marketoHarness.ts';

const h = marketoHarness({ limits: { rateLimit: false } });
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

const folder = (id: number, type = 'Folder') => JSON.stringify({ id, type });

describe('asset API: static lists', () => {
  test('a list created with the documented form body answers in the asset shape and takes members', async () => {
    const created = await h.rest('/rest/asset/v1/staticLists.json', { form: { name: 'Webinar invitees', folder: folder(5), description: 'Q1' } });
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.result).toEqual([
      { id: 1, name: 'Webinar invitees', description: 'Q1', createdAt: '2026-01-05T09:00:00Z+0000', updatedAt: '2026-01-05T09:00:00Z+0000', folder: { id: 5, type: 'Folder' }, computedUrl: 'https://app-sim.marketo.com/#ST1A1' },
    ]);
    const lead = await h.rest('/rest/v1/leads.json', { body: { input: [{ email: 'li@example.com' }] } });
    const added = await h.rest(`/rest/v1/lists/1/leads.json?id=${lead.result[0].id}`, { method: 'POST' });
    expect(added.result).toEqual([{ id: lead.result[0].id, status: 'added' }]);
    expect((await h.rest(`/rest/v1/leads/${lead.result[0].id}/listMembership.json`)).result).toMatchObject([{ id: 1, name: 'Webinar invitees', workspaceName: 'Default' }]);
    expect((await h.rest('/rest/asset/v1/staticList/byName.json?name=Webinar%20invitees')).result[0].id).toBe(1);
    expect((await h.rest('/rest/v1/lists.json?name=Webinar%20invitees')).result).toMatchObject([{ id: 1, name: 'Webinar invitees' }]);
  });

  test('names are unique, folders must exist, a missing list is an empty result with a warning', async () => {
    expect((await h.rest('/rest/asset/v1/staticLists.json', { form: { name: 'Webinar invitees', folder: folder(5) } })).errors[0].code).toBe('709');
    expect((await h.rest('/rest/asset/v1/staticLists.json', { form: { name: 'Elsewhere', folder: folder(999) } })).errors).toEqual([{ code: '710', message: 'Parent Folder Not Found' }]);
    expect((await h.rest('/rest/asset/v1/staticLists.json', { form: { folder: folder(5) } })).errors).toEqual([{ code: '701', message: 'name cannot be blank' }]);
    expect(await h.rest('/rest/asset/v1/staticList/77.json')).toMatchObject({ success: true, result: [], warnings: ['No assets found for the given search criteria.'] });
    expect((await h.rest('/rest/v1/lists/77.json')).errors[0].code).toBe('1013');
    expect((await h.rest('/rest/asset/v1/staticList/1/delete.json', { method: 'POST' })).result).toEqual([{ id: 1 }]);
  });
});

describe('asset API: programs, folders, channels', () => {
  test('a program takes its statuses from its channel, and members move through them', async () => {
    const created = await h.rest('/rest/asset/v1/programs.json', { form: { name: 'Spring Roadshow', folder: folder(4), type: 'Event', channel: 'Tradeshow', costs: '[{"startDate":"2026-03-01","cost":2000}]' } });
    expect(created.result[0]).toMatchObject({ name: 'Spring Roadshow', type: 'Event', channel: 'Tradeshow', folder: { type: 'Folder', value: 4, folderName: 'Programs' }, costs: [{ startDate: '2026-03-01', cost: 2000 }] });
    const id = created.result[0].id;
    const lead = await h.rest('/rest/v1/leads.json', { body: { input: [{ email: 'pat@example.com' }] } });
    const status = await h.rest(`/rest/v1/programs/${id}/members/status.json`, { body: { statusName: 'Visited Booth', input: [{ leadId: lead.result[0].id }] } });
    expect(status.result).toEqual([{ seq: 0, leadId: lead.result[0].id, status: 'created' }]);
    expect((await h.rest(`/rest/v1/leads/${lead.result[0].id}/programMembership.json`)).result[0]).toMatchObject({ id, name: 'Spring Roadshow', membership: { progressionStatus: 'Visited Booth', reachedSuccess: true } });
    expect((await h.rest(`/rest/v1/programs/${id}/members/status.json`, { body: { statusName: 'Attended', input: [{ leadId: lead.result[0].id }] } })).errors[0].code).toBe('1003');
    expect((await h.rest('/rest/asset/v1/programs.json', { form: { name: 'X', folder: folder(4), type: 'Default', channel: 'Carrier Pigeon' } })).errors[0].code).toBe('1003');
    const renamed = await h.rest(`/rest/asset/v1/program/${id}.json`, { form: { name: 'Spring Roadshow 2026' } });
    expect(renamed.result[0].name).toBe('Spring Roadshow 2026');
    expect((await h.rest('/rest/asset/v1/program/byName.json?name=Spring%20Roadshow%202026')).result[0].id).toBe(id);
  });

  test('folders browse from the roots; channels list their statuses', async () => {
    const roots = await h.rest('/rest/asset/v1/folder/byName.json?name=Marketing%20Activities');
    expect(roots.result[0]).toMatchObject({ id: 1, name: 'Marketing Activities', isSystem: true, path: '/Marketing Activities' });
    const made = await h.rest('/rest/asset/v1/folders.json', { form: { name: 'Campaigns 2026', parent: folder(1) } });
    expect(made.result[0]).toMatchObject({ name: 'Campaigns 2026', parent: { id: 1, type: 'Folder' }, path: '/Marketing Activities/Campaigns 2026', folderType: 'Marketing Folder' });
    const tree = await h.rest(`/rest/asset/v1/folders.json?root=${encodeURIComponent(folder(1))}&maxDepth=1`);
    expect(tree.result.map((f: { name: string }) => f.name)).toEqual(['Marketing Activities', 'Programs', 'Campaigns 2026']);
    const webinar = await h.rest('/rest/asset/v1/channel/byName.json?name=Webinar');
    expect(webinar.result[0].progressionStatuses.filter((s: { success: boolean }) => s.success).map((s: { name: string }) => s.name)).toEqual(['Attended', 'Attended On-demand']);
  });

  test('every unknown path under the Marketo host answers 610 in the envelope', async () => {
    for (const path of ['/rest/v1/nothing.json', '/rest/asset/v1/nothing.json', '/identity/whatever', '/bulk/v1/x.json']) {
      expect(await h.rest(path)).toMatchObject({ success: false, errors: [{ code: '610', message: 'Requested resource not found' }] });
    }
  });
});


describe('what Marketo clients in the wild send', () => {
  test('the _method=GET tunnel: a GET sent as POST with its parameters in the body (marketorestpython ismember, old list path)', async () => {
    const lead = await h.rest('/rest/v1/leads.json', { body: { input: [{ email: 'tunnel@example.com' }] } });
    const id = lead.result[0].id;
    const list = await h.rest('/rest/asset/v1/staticLists.json', { form: { name: 'Tunnel list', folder: "{'id': 5, 'type': Folder}" } });
    const listId = list.result[0].id;
    await h.rest(`/rest/v1/lists/${listId}/leads.json`, { body: { input: [{ id }] } });
    const member = await h.rest(`/rest/v1/lists/${listId}/leads/ismember.json?_method=GET`, { body: { input: [{ id }, { id: 999 }] } });
    expect(member.result).toEqual([
      { id, status: 'memberof' },
      { id: 999, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
    ]);
    const members = await h.rest(`/rest/v1/list/${listId}/leads.json?_method=GET`, { form: { fields: 'email', batchSize: '10' } });
    expect(members.result).toEqual([{ id, email: 'tunnel@example.com' }]);
    expect((await h.rest('/rest/v1/activities/types.json', { method: 'POST', body: {} })).errors).toEqual([{ code: '605', message: 'HTTP Method not supported' }]);
  });

  test('Python-literal embedded parameters, lead deletion and activity types', async () => {
    const program = await h.rest('/rest/asset/v1/programs.json', { form: { name: 'Literal costs', folder: "{'id': 4, 'type': Folder}", type: 'Default', channel: 'Content', costs: "[{'startDate': '2026-01-01', 'cost': 10}]" } });
    expect(program.result[0].costs).toEqual([{ startDate: '2026-01-01', cost: 10 }]);
    const lead = await h.rest('/rest/v1/leads.json', { body: { input: [{ email: 'gone@example.com' }] } });
    const id = lead.result[0].id;
    expect((await h.rest('/rest/v1/leads/delete.json', { body: { input: [{ id }, { id: 4040 }] } })).result).toEqual([
      { id, status: 'deleted' },
      { id: 4040, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
    ]);
    expect((await h.rest(`/rest/v1/lead/${id}.json`)).result).toEqual([]);
    const types = await h.rest('/rest/v1/activities/types.json');
    expect(types.result.map((t: { id: number; name: string }) => [t.id, t.name])).toContainEqual([37, 'Delete Lead']);
  });
});
