import { describe, expect, test } from 'vitest';
import { checkInvariants, formatViolation, INVARIANT_IDS, INVARIANTS } from '../../src/invariants/index.ts';
import { fakeRun, fakeWorld, fullRun, trace } from './fakeRun.ts';

describe('checkInvariants', () => {
  test('runs every invariant in the documented order, the four of DOMAIN.md first', () => {
    expect(INVARIANTS.map((i) => i.id)).toEqual([...INVARIANT_IDS]);
    const report = checkInvariants(fakeRun(fakeWorld(), []));
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.id).slice(0, 4)).toEqual(['no-duplicates', 'one-process', 'partner-queue', 'country-before-compliance']);
  });

  test('reports only the chosen invariants, with their violations', () => {
    const done = trace('evt-1', 'chat', fullRun(), { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' });
    const report = checkInvariants(fakeRun(fakeWorld(), [done, done]), { only: ['redelivery-idempotent', 'no-event-lost'] });
    expect(report.ok).toBe(false);
    expect(report.results.map((r) => [r.id, r.ok, r.violations.length])).toEqual([
      ['no-event-lost', false, 1],
      ['redelivery-idempotent', false, 1],
    ]);
    expect(report.violations).toHaveLength(2);
  });
});

describe('formatViolation', () => {
  test('says the invariant, the person, the event, the message and a cut evidence summary', () => {
    const text = formatViolation(
      { invariant: 'no-duplicates', personId: '00Q1', eventId: 'evt-7', message: '2 live people share the email "a@x.com"; expected one.', evidence: { ids: ['00Q0', '00Q1'], note: 'x'.repeat(50) } },
      { maxEvidence: 40 },
    );
    expect(text).toMatchInlineSnapshot(`"no-duplicates — person 00Q1, event evt-7: 2 live people share the email "a@x.com"; expected one. Evidence: {"ids":["00Q0","00Q1"],"note":"xxxxxxxxx…"`);
  });

  test('leaves out the person and event when the violation is about the run as a whole', () => {
    expect(formatViolation({ invariant: 'no-event-lost', message: 'The counts do not balance.', evidence: undefined })).toBe('no-event-lost: The counts do not balance. Evidence: none');
  });
});
