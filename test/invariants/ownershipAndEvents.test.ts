import { describe, expect, test } from 'vitest';
import { everyPersonOwned, noEventLost, redeliveryIdempotent } from '../../src/invariants/index.ts';
import { fakeRun, fakeWorld, fullRun, make, startRun, trace } from './fakeRun.ts';

describe('every-person-owned', () => {
  test('passes when people are owned by sales users or queues', () => {
    const w = fakeWorld();
    const sdr = make(w, 'User', { LastName: 'Sam', Username: 's@x.test', Email: 's@x.test', Role__c: 'SDR' });
    const queue = make(w, 'Group', { Name: 'Inquiry Queue', Type: 'Queue' });
    make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'a@x.com', OwnerId: sdr });
    make(w, 'Contact', { LastName: 'B', Email: 'b@x.com', OwnerId: sdr });
    make(w, 'Lead', { LastName: 'C', Company: 'X', Email: 'c@x.com', OwnerId: queue });
    expect(everyPersonOwned.check(fakeRun(w, []))).toEqual([]);
  });

  test('catches a person left with the integration user or a group that is not a queue', () => {
    const w = fakeWorld();
    const group = make(w, 'Group', { Name: 'All Staff', Type: 'Regular' });
    startRun(w);
    const orphan = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'a@x.com', Pipeline_Event_Id__c: 'evt-1' }, { workflow: 'pipeline:upsertPerson' });
    const grouped = make(w, 'Lead', { LastName: 'B', Company: 'X', Email: 'b@x.com', OwnerId: group });
    const rejected = trace('evt-1', 'chat', fullRun({ upsertPerson: [{}, { action: 'created', id: orphan }] }).slice(0, 10), { kind: 'rejected', reason: 'routing failed: no owner', job: 'route' });
    const violations = everyPersonOwned.check(fakeRun(w, [rejected]));
    expect(violations.map((v) => [v.personId, v.eventId, v.message])).toEqual([
      [orphan, 'evt-1', `Lead ${orphan} is owned by user Integration User (${w.crm.integrationUserId}), who has no sales role; expected a sales user (SDR, BDR, AE) or a queue.`],
      [grouped, undefined, `Lead ${grouped} is owned by group All Staff (${group}), which is not a queue; expected a sales user (SDR, BDR, AE) or a queue.`],
    ]);
  });

  test('leaves out a person whose last event is parked for its retry', () => {
    const w = fakeWorld();
    startRun(w);
    const lead = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'a@x.com' }, { workflow: 'pipeline:upsertPerson' });
    const parked = trace('evt-1', 'chat', fullRun().slice(0, 7), { kind: 'parked', reason: 'salesforce 503 after 4 tries', job: 'attribution', personId: lead });
    expect(everyPersonOwned.check(fakeRun(w, [parked]))).toEqual([]);
  });
});

function received(ids: string[]) {
  return new Map(ids.map((id) => [id, { id, entryPoint: 'chat', receivedAt: 0, payload: {} }]));
}

describe('no-event-lost', () => {
  const done = (id: string) => trace(id, 'chat', fullRun(), { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' });

  test('passes when every accepted event has one trace with an outcome', () => {
    const w = fakeWorld();
    for (const [id, e] of received(['evt-1', 'evt-2'])) w.received.set(id, e);
    const rejected = trace('evt-2', 'chat', fullRun().slice(0, 3), { kind: 'rejected', reason: 'invalid email', job: 'validate' });
    expect(noEventLost.check(fakeRun(w, [done('evt-1'), rejected]))).toEqual([]);
  });

  test('catches an event without a trace, a trace without an outcome and a trace of an unknown event', () => {
    const w = fakeWorld();
    for (const [id, e] of received(['evt-1', 'evt-2', 'evt-3'])) w.received.set(id, e);
    const unfinished = trace('evt-2', 'chat', fullRun().slice(0, 4), undefined);
    expect(noEventLost.check(fakeRun(w, [unfinished, done('evt-3'), done('evt-9')])).map((v) => v.message)).toEqual([
      'Event evt-1 (chat) was accepted and has 0 traces; expected exactly one.',
      'Event evt-2 (chat) has a trace without an outcome; expected created, merged, rejected or parked.',
      "Event evt-9 has 1 trace(s) but the intake never accepted it; expected traces only for accepted events.",
      'The intake accepted 3 events, but 0 created + 1 merged + 0 rejected + 0 parked = 1; expected the counts to balance.',
    ]);
  });
});

describe('redelivery-idempotent', () => {
  const done = (id: string) => trace(id, 'chat', fullRun(), { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' });

  test('passes when a redelivered event has exactly one trace', () => {
    expect(redeliveryIdempotent.check(fakeRun(fakeWorld(), [done('evt-1'), done('evt-2')], { redelivered: ['evt-1'] }))).toEqual([]);
  });

  test('catches an event processed twice and a redelivered event with no trace', () => {
    const run = fakeRun(fakeWorld(), [done('evt-1'), done('evt-1')], { redelivered: ['evt-1', 'evt-5'] });
    expect(redeliveryIdempotent.check(run).map((v) => v.message)).toEqual([
      'Event evt-1 was processed 2 times; expected a repeated delivery to be acknowledged and ignored.',
      'Event evt-5 was delivered twice and has no trace; expected exactly one.',
    ]);
  });
});
