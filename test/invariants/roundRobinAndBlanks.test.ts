import { describe, expect, test } from 'vitest';
import { roundRobinFair, updateNeverBlanks } from '../../src/invariants/index.ts';
import { fakeRun, fakeWorld, fullRun, make, startRun, trace, type FakeWorld } from './fakeRun.ts';

function sdrs(w: FakeWorld, n: number): string[] {
  return Array.from({ length: n }, (_, i) => make(w, 'User', { LastName: `SDR ${i}`, Username: `sdr${i}@x.test`, Email: `sdr${i}@x.test`, Role__c: 'SDR', Region__c: 'EMEA' }));
}

/** A trace whose route step assigned `userId` by round robin in `pool`. */
function assigned(eventId: string, userId: string, pool = 'SDR:EMEA') {
  const path = [{ node: 'assignSdrRoundRobin', kind: 'assign', detail: `round robin ${pool}: user "Some (One)" (${userId}), turn 1, 3 eligible` }];
  return trace(eventId, 'chat', fullRun({ route: [{}, { owner: { kind: 'user', id: userId, name: 'x' }, path }] }), { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' });
}

describe('round-robin-fair', () => {
  test('passes when the counts of a pool differ by at most one', () => {
    const w = fakeWorld();
    const [a, b, c] = sdrs(w, 3) as [string, string, string];
    startRun(w);
    expect(roundRobinFair.check(fakeRun(w, [a, b, c, a, b].map((u, i) => assigned(`evt-${i}`, u))))).toEqual([]);
  });

  test('catches a pool where one user got two more than another, naming the event where it became unfair', () => {
    const w = fakeWorld();
    const [a, b, c] = sdrs(w, 3) as [string, string, string];
    startRun(w);
    const violations = roundRobinFair.check(fakeRun(w, [a, b, c, a, a].map((u, i) => assigned(`evt-${i}`, u))));
    expect(violations.map((v) => [v.eventId, v.message])).toEqual([
      ['evt-4', `Round robin SDR:EMEA assigned ${a}: 3, ${b}: 1, ${c}: 1 among the users eligible throughout the run; expected counts within one of each other.`],
    ]);
  });

  test('leaves out a user whose eligibility changed during the run', () => {
    const w = fakeWorld();
    const [a, b, c] = sdrs(w, 3) as [string, string, string];
    startRun(w);
    w.crm.update('User', c, { Out_Of_Office__c: true }, { userId: w.crm.integrationUserId, workflow: 'ops' });
    w.crm.update('User', c, { Out_Of_Office__c: false }, { userId: w.crm.integrationUserId, workflow: 'ops' });
    expect(roundRobinFair.check(fakeRun(w, [a, b, a, b].map((u, i) => assigned(`evt-${i}`, u))))).toEqual([]);
  });
});

describe('update-never-blanks', () => {
  test("passes for filled fields, a rep's own edits and a cleared checkbox", () => {
    const w = fakeWorld();
    const lead = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'a@x.com', Title: 'CTO', Rerun_Routing__c: true });
    startRun(w);
    w.crm.update('Lead', lead, { Phone: '+4930123456' }, { userId: w.crm.integrationUserId, workflow: 'pipeline:upsertPerson' });
    w.crm.update('Lead', lead, { Rerun_Routing__c: false }, { userId: w.crm.integrationUserId, workflow: 'pipeline:route' });
    w.crm.update('Lead', lead, { Title: null }, { userId: w.crm.integrationUserId });
    expect(updateNeverBlanks.check(fakeRun(w, []))).toEqual([]);
  });

  test('catches a pipeline update that blanks a filled field, with the step that wrote it', () => {
    const w = fakeWorld();
    const lead = make(w, 'Lead', { LastName: 'A', Company: 'X', Email: 'a@x.com', Title: 'CTO' });
    startRun(w);
    w.crm.update('Lead', lead, { Title: '' }, { userId: w.crm.integrationUserId, workflow: 'pipeline:upsertPerson' });
    const t = trace('evt-1', 'chat', fullRun(), { kind: 'merged', personType: 'Lead', personId: lead }, w.clock.now());
    const violations = updateNeverBlanks.check(fakeRun(w, [t]));
    expect(violations.map((v) => [v.personId, v.eventId, v.message])).toEqual([
      [lead, 'evt-1', `pipeline:upsertPerson blanked Lead.Title of ${lead} (was "CTO"); expected an update to leave a filled field filled.`],
    ]);
  });
});
