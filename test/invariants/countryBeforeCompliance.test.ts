import { describe, expect, test } from 'vitest';
import { countryBeforeCompliance } from '../../src/invariants/index.ts';
import type { StepSpec } from './fakeRun.ts';
import { fakeRun, fakeWorld, fullRun, trace } from './fakeRun.ts';

const merged = { kind: 'merged', personType: 'Lead', personId: '00Q000000000001AAA' } as const;

function steps(raw: string | undefined, complianceInput: unknown, mailability: string): StepSpec[] {
  return fullRun({ transform: [{}, { person: { email: 'a@x.com', ...(raw ? { country: raw } : {}) }, company: {} }], compliance: [complianceInput, { mailability }] });
}

describe('country-before-compliance', () => {
  test('passes when compliance decides after standardize on the standardized code', () => {
    const run = fakeRun(fakeWorld(), [
      trace('evt-1', 'web-form', steps('Deutschland', { country: 'DE', consent: 'unknown' }, 'Opt-in required'), merged),
      trace('evt-2', 'chat', steps('Atlantis', { country: null, consent: 'unknown' }, 'Not mailable'), merged),
      trace('evt-3', 'chat', steps(undefined, { country: 'US', consent: 'opt-out' }, 'Not mailable'), merged),
    ]);
    expect(countryBeforeCompliance.check(run)).toEqual([]);
  });

  test('catches compliance run before standardization on the raw country', () => {
    const reordered = steps('Deutschland', { country: 'Deutschland', consent: 'unknown' }, 'Not mailable');
    [reordered[1], reordered[7]] = [reordered[7]!, reordered[1]!];
    const violations = countryBeforeCompliance.check(fakeRun(fakeWorld(), [trace('evt-1', 'web-form', reordered, merged)]));
    expect(violations.map((v) => v.message)).toEqual([
      'Event evt-1: compliance ran before standardize; compliance decided on "Deutschland", which is not an ISO alpha-2 code; compliance decided on Deutschland, but the raw country "Deutschland" standardizes to DE; expected compliance to decide after standardize, on the standardized ISO country.',
    ]);
  });

  test('catches a decision that is not the one for its country, and a missing country that could be standardized', () => {
    const run = fakeRun(fakeWorld(), [
      trace('evt-1', 'web-form', steps('DE', { country: 'DE', consent: 'unknown' }, 'Mailable'), merged),
      trace('evt-2', 'web-form', steps('uk', { country: null, consent: 'unknown' }, 'Not mailable'), merged),
    ]);
    expect(countryBeforeCompliance.check(run).map((v) => v.message.split('; expected')[0])).toEqual([
      'Event evt-1: the decision is "Mailable", but DE with consent "unknown" is "Opt-in required"',
      'Event evt-2: compliance decided on no country, but the raw country "uk" standardizes to GB',
    ]);
  });
});
