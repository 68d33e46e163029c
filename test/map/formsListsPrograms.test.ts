import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTIVITY_TYPES, type FormFillEvent } from '../../src/systems/map/index.ts';
import { marketoHarness } from './marketoHarness.ts';

const h = marketoHarness({ limits: { rateLimit: false } });
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

const visitorData = { pageURL: 'https://www.example.com/demo', queryString: 'utm_source=google', leadClientIpAddress: '192.0.2.1', userAgentString: 'Mozilla/5.0' };

describe('POST /rest/v1/leads/submitForm.json', () => {
  const events: FormFillEvent[] = [];
  beforeAll(() => h.marketo.onFormFill((e) => events.push(e)));

  test('creates a lead, logs Fill Out Form and notifies listeners synchronously', async () => {
    const res = await h.rest('/rest/v1/leads/submitForm.json', { body: { formId: 1029, input: [{ leadFormFields: { email: 'Ada@Example.com ', firstName: 'Ada', country: 'Deutschland' }, visitorData, cookie: 'id:123-ABC-456&token:_mch-x' }] } });
    expect(res.result).toEqual([{ id: 1, status: 'created' }]);
    expect(events).toEqual([
      { formId: 1029, leadId: 1, fields: { email: 'Ada@Example.com ', firstName: 'Ada', country: 'Deutschland' }, visitorData, cookie: 'id:123-ABC-456&token:_mch-x', at: '2026-01-05T09:00:00.000Z' },
    ]);
    expect(h.marketo.lead(1)?.['originalSourceType']).toBe('Web form fillout');
  });

  test('a second fill by the same person (other case) updates the same lead with source form', async () => {
    h.clock.advance(60_000);
    const res = await h.rest('/rest/v1/leads/submitForm.json', { body: { formId: 1029, input: [{ leadFormFields: { email: 'ada@example.com', title: 'CTO' } }] } });
    expect(res.result).toEqual([{ id: 1, status: 'updated' }]);
    expect(h.marketo.lead(1)).toMatchObject({ email: 'Ada@Example.com ', title: 'CTO', updatedAt: '2026-01-05T09:01:00Z' });
    expect(h.marketo.history(1).at(-1)).toEqual({ leadId: 1, field: 'title', oldValue: null, newValue: 'CTO', source: 'form', at: '2026-01-05T09:01:00.000Z' });
    expect(events).toHaveLength(2);
  });

  test('a fill without email or with an unknown field is skipped and emits nothing', async () => {
    const res = await h.rest('/rest/v1/leads/submitForm.json', { body: { formId: 7, input: [{ leadFormFields: { firstName: 'Nameless' } }, { leadFormFields: { email: 'x@example.com', favouriteColour: 'red' } }] } });
    expect(res.result).toEqual([
      { status: 'skipped', reasons: [{ code: '1003', message: "Value for field 'email' not specified" }] },
      { status: 'skipped', reasons: [{ code: '1006', message: "Field 'favouriteColour' not found" }] },
    ]);
    expect(events).toHaveLength(2);
  });

  test('the Fill Out Form activities come back through the paging-token API', async () => {
    const tokenRes = await h.rest('/rest/v1/activities/pagingtoken.json?sinceDatetime=2026-01-01T00:00:00Z');
    expect(tokenRes.success).toBe(true);
    const res = await h.rest(`/rest/v1/activities.json?nextPageToken=${tokenRes.nextPageToken}&activityTypeIds=${ACTIVITY_TYPES.fillOutForm.id}`);
    expect(res.moreResult).toBe(false);
    expect(res.result.map((a: { leadId: number; primaryAttributeValue: string; activityDate: string }) => [a.leadId, a.primaryAttributeValue, a.activityDate])).toEqual([
      [1, 'Form 1029', '2026-01-05T09:00:00Z'],
      [1, 'Form 1029', '2026-01-05T09:01:00Z'],
    ]);
    expect(res.result[0].attributes).toContainEqual({ name: 'Webpage URL', value: 'https://www.example.com/demo' });
  });

  test('activities page with batchSize and moreResult; a later sinceDatetime skips earlier ones', async () => {
    const first = await h.rest('/rest/v1/activities/pagingtoken.json?sinceDatetime=2026-01-01T00:00:00Z');
    const page1 = await h.rest(`/rest/v1/activities.json?nextPageToken=${first.nextPageToken}&activityTypeIds=2,12,13&batchSize=1`);
    expect(page1.result.map((a: { activityTypeId: number }) => a.activityTypeId)).toEqual([12]);
    expect(page1.moreResult).toBe(true);
    const later = await h.rest('/rest/v1/activities/pagingtoken.json?sinceDatetime=2026-01-05T09:00:30Z');
    const page = await h.rest(`/rest/v1/activities.json?nextPageToken=${later.nextPageToken}&activityTypeIds=2,12,13`);
    expect(page.result.every((a: { activityDate: string }) => a.activityDate >= '2026-01-05T09:00:30Z')).toBe(true);
    expect((await h.rest(`/rest/v1/activities.json?nextPageToken=${later.nextPageToken}`)).errors[0].code).toBe('1002');
  });
});

describe('static lists', () => {
  test('add, ismember, list members, remove; unknown leads 1004, unknown list 1013', async () => {
    h.marketo.syncLeads({ input: [{ email: 'grace@example.com' }] });
    const list = h.marketo.createList('Event attendees');
    const added = await h.rest(`/rest/v1/lists/${list.id}/leads.json`, { body: { input: [{ id: 1 }, { id: 2 }, { id: 99 }] } });
    expect(added.result).toEqual([{ id: 1, status: 'added' }, { id: 2, status: 'added' }, { id: 99, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] }]);
    expect((await h.rest(`/rest/v1/lists/${list.id}/leads/ismember.json?id=1,2`)).result).toEqual([{ id: 1, status: 'memberof' }, { id: 2, status: 'memberof' }]);
    expect((await h.rest(`/rest/v1/lists/${list.id}/leads.json?fields=email`)).result).toEqual([{ id: 1, email: 'Ada@Example.com ' }, { id: 2, email: 'grace@example.com' }]);
    const removed = await h.rest(`/rest/v1/lists/${list.id}/leads.json?id=1&id=1`, { method: 'DELETE' });
    expect(removed.result).toEqual([{ id: 1, status: 'removed' }, { id: 1, status: 'skipped', reasons: [{ code: '1015', message: 'Lead not in list' }] }]);
    expect((await h.rest(`/rest/v1/lists/${list.id}/leads/ismember.json?id=1`)).result).toEqual([{ id: 1, status: 'notmemberof' }]);
    expect((await h.rest('/rest/v1/lists/404/leads.json', { body: { input: [{ id: 1 }] } })).errors).toEqual([{ code: '1013', message: "Static list '404' not found" }]);
  });
});

describe('programs', () => {
  test('member status: created then updated, 1004 for unknown leads, reachedSuccess, members.json', async () => {
    const program = h.marketo.createProgram({ name: '2026 Q1 Webinar' });
    const url = `/rest/v1/programs/${program.id}/members/status.json`;
    const first = await h.rest(url, { body: { statusName: 'Registered', input: [{ leadId: 1 }, { leadId: 77 }] } });
    expect(first.result).toEqual([{ seq: 0, leadId: 1, status: 'created' }, { seq: 1, leadId: 77, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] }]);
    expect((await h.rest(url, { body: { statusName: 'Attended', input: [{ leadId: 1 }] } })).result).toEqual([{ seq: 0, leadId: 1, status: 'updated' }]);
    const members = await h.rest(`/rest/v1/programs/${program.id}/members.json?filterType=leadId&filterValues=1`);
    expect(members.result).toEqual([{ seq: 0, leadId: 1, programId: program.id, statusName: 'Attended', reachedSuccess: true, membershipDate: '2026-01-05T09:01:00Z', updatedAt: '2026-01-05T09:01:00Z', acquiredBy: false }]);
    const bad = await h.rest(url, { body: { statusName: 'Partying', input: [{ leadId: 1 }] } });
    expect(bad.errors[0]).toMatchObject({ code: '1003' });
    const progression = h.marketo.allActivities().filter((a) => a.activityTypeId === ACTIVITY_TYPES.changeStatusInProgression.id);
    expect(progression.map((a) => a.attributes.map((x) => x.value))).toEqual([['Registered', 'Not in Program'], ['Attended', 'Registered']]);
  });

  test('push.json syncs leads and makes new ones program members', async () => {
    const program = h.marketo.createProgram({ name: 'Trade show' });
    const res = await h.rest('/rest/v1/leads/push.json', { body: { programName: 'Trade show', lookupField: 'email', input: [{ email: 'booth@example.com' }] } });
    expect(res.result).toEqual([{ id: 3, status: 'created' }]);
    expect(h.marketo.programMembers(program.id)?.map((m) => [m.leadId, m.statusName])).toEqual([[3, 'Member']]);
  });
});
