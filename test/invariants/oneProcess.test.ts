import { describe, expect, test } from 'vitest';
import { oneProcess } from '../../src/invariants/index.ts';
import { fakeRun, fakeWorld, fullRun, make, startRun, trace, type FakeWorld, type StepSpec } from './fakeRun.ts';

function withRep(w: FakeWorld): string {
  return make(w, 'User', { LastName: 'Rep', Username: 'rep@x.test', Email: 'rep@x.test', Role__c: 'SDR', Region__c: 'EMEA' });
}

function pipelineLead(w: FakeWorld, eventId: string, email: string): string {
  return make(w, 'Lead', { LastName: 'A', Company: 'X', Email: email, Pipeline_Event_Id__c: eventId }, { workflow: 'pipeline:upsertPerson' });
}

describe('one-process', () => {
  test('passes for seeded leads, a pipeline-created lead and a rep-created lead processed once', () => {
    const w = fakeWorld();
    const rep = withRep(w);
    make(w, 'Lead', { LastName: 'Seed', Company: 'X', Email: 'seed@x.com' });
    startRun(w);
    const lead = pipelineLead(w, 'evt-1', 'ann@x.com');
    const repLead = make(w, 'Lead', { LastName: 'B', Company: 'X', Email: 'bob@x.com' }, { userId: rep, workflow: undefined });
    const run = fakeRun(w, [
      trace('evt-1', 'web-form', fullRun({ upsertPerson: [{}, { action: 'created', id: lead }] }), { kind: 'created', personType: 'Lead', personId: lead }),
      trace('evt-2', 'sales-created', fullRun({ transform: [{ ChangeEventHeader: { recordIds: [repLead] } }, {}] }), { kind: 'created', personType: 'Lead', personId: repLead }),
    ]);
    expect(oneProcess.check(run)).toEqual([]);
  });

  test('catches a lead a native connector created, naming its creator and workflow', () => {
    const w = fakeWorld();
    const connector = make(w, 'User', { LastName: 'Marketo Sync', Username: 'sync@x.test', Email: 'sync@x.test' });
    startRun(w);
    const lead = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'ann@x.com' }, { userId: connector, workflow: 'native:marketo' });
    const violations = oneProcess.check(fakeRun(w, []));
    expect(violations.map((v) => v.message)).toEqual([
      `Lead ${lead} was created by Marketo Sync (${connector}) through native:marketo, outside the pipeline; expected every lead to be created by the pipeline or by a sales rep.`,
    ]);
    expect(violations[0]).toMatchObject({ personId: lead, evidence: { createdBy: { workflow: 'native:marketo' } } });
  });

  test('catches a second lead created for one event', () => {
    const w = fakeWorld();
    startRun(w);
    const first = pipelineLead(w, 'evt-1', 'ann@x.com');
    const second = pipelineLead(w, 'evt-1', 'ann2@x.com');
    const run = fakeRun(w, [trace('evt-1', 'web-form', fullRun({ upsertPerson: [{}, { action: 'created', id: second }] }), { kind: 'created', personType: 'Lead', personId: second })]);
    const messages = oneProcess.check(run).map((v) => v.message);
    expect(messages).toEqual([
      `Lead ${first} was created for event evt-1, but that event's trace ended created with Lead ${second}; expected the trace to have created ${first}.`,
      `Lead ${second} is a second lead created for event evt-1 (the first is ${first}); expected exactly one create per inbound event.`,
    ]);
  });

  test('catches a rep-created lead that no sales-created event processed', () => {
    const w = fakeWorld();
    const rep = withRep(w);
    startRun(w);
    const lead = make(w, 'Lead', { LastName: 'B', Company: 'X', Email: 'bob@x.com' }, { userId: rep, workflow: undefined });
    expect(oneProcess.check(fakeRun(w, [])).map((v) => v.personId)).toEqual([lead]);
  });

  test('catches jobs out of order, a run that stops without a reason, and a complete run that stays parked', () => {
    const w = fakeWorld();
    const reordered = fullRun();
    [reordered[1], reordered[7]] = [reordered[7]!, reordered[1]!];
    const run = fakeRun(w, [
      trace('evt-1', 'web-form', reordered, { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' }),
      trace('evt-2', 'chat', fullRun().slice(0, 5), { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' }),
      trace('evt-3', 'chat', [...fullRun(), ['intake'], ...fullRun()], { kind: 'parked', reason: 'salesforce 503 after 4 tries', job: 'attribution' }),
      trace('evt-4', 'chat', [...fullRun().slice(0, 7).map((s, i): StepSpec => (i === 6 ? [s[0], s[1], s[2], { error: 'lost', attempts: 4, status: 'parked' }] : s)), ['intake'], ...fullRun()], { kind: 'created', personType: 'Lead', personId: '00Q000000000001AAA' }),
    ]);
    const messages = oneProcess.check(run).map((v) => v.message.split(';')[0]);
    expect(messages).toEqual([
      'Event evt-1 (web-form) run 1 ran intake → transform → compliance → validate → searchExisting → matchAccount → upsertPerson → attribution → standardize → qualify → route → sync: step 3 is compliance where standardize belongs',
      'Event evt-2 (chat) run 1 ran intake → transform → standardize → validate → searchExisting → matchAccount: the event ended merged after only 6 of 12 jobs',
      'Event evt-3 (chat) run 1 ran intake → transform → standardize → validate → searchExisting → matchAccount → upsertPerson → attribution → compliance → qualify → route → sync: a run that was tried again ended at sync without being parked there',
      'Event evt-3 (chat) run 2 ran intake → transform → standardize → validate → searchExisting → matchAccount → upsertPerson → attribution → compliance → qualify → route → sync: the event was parked at attribution but its last step is sync',
    ]);
  });
});
