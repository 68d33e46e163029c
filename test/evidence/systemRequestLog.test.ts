import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SystemRequestLog } from '../../src/evidence/systemRequestLog.ts';

function arrival(id: string) {
  return { id, system: 'salesforce' as const, method: 'GET', path: `/services/data/v62.0/sobjects/Lead/${id}`, credential: undefined };
}

describe('SystemRequestLog', () => {
  it('finds every request by its id, whatever the transport names them (counters, random ids, a mix, out of order)', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => `dispatch-${n}`),
      fc.integer({ min: 0, max: 40 }).map((n) => `dispatch-0${n}`),
      fc.integer({ min: 0, max: 40 }).map((n) => `other-${n}`),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 80 }), fc.array(id, { maxLength: 20 }), (ids, probes) => {
        const log = new SystemRequestLog(() => 0, () => undefined);
        for (const requestId of ids) log.begin(arrival(requestId));
        const first = new Map<string, number>();
        for (const entry of log.list()) first.set(entry.id, entry.seq);
        expect(log.size).toBe(first.size);
        for (const probe of [...ids, ...probes]) expect(log.get(probe)?.seq).toBe(first.get(probe));
        const restored = new SystemRequestLog(() => 0, () => undefined);
        restored.restore(log.snapshot());
        for (const probe of [...ids, ...probes]) expect(restored.get(probe)?.seq).toBe(first.get(probe));
      }),
    );
  });

  it('finds counted ids across many runs (a counter that skips, other ids between) and reads their handling alone', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ skip: fc.nat({ max: 3 }), other: fc.boolean(), handled: fc.boolean() }), { minLength: 1, maxLength: 300 }), (steps) => {
        let handling: number | undefined;
        const log = new SystemRequestLog(() => 0, () => handling);
        let n = 7;
        const ids: string[] = [];
        steps.forEach((step, i) => {
          n += 1 + step.skip;
          handling = step.handled ? i + 1 : undefined;
          if (step.other) log.begin(arrival(`msw-${i}-x`));
          ids.push(`dispatch-${n}`);
          log.begin(arrival(`dispatch-${n}`));
        });
        const all = log.list();
        for (const entry of all) {
          expect(log.get(entry.id)?.seq).toBe(entry.seq);
          expect(log.handlingOf(entry.id)).toBe(entry.handling);
        }
        expect(all.filter((e) => e.id.startsWith('dispatch-')).map((e) => e.id)).toEqual(ids);
        for (const probe of [`dispatch-${n + 1}`, 'dispatch-7', `dispatch-${n - 1}`]) expect(log.get(probe)?.id).toBe(ids.includes(probe) ? probe : undefined);
        expect(log.handlingOf('dispatch-0')).toBeUndefined();
      }),
    );
  });

  it('finds each of 10,000 consecutive counted requests', () => {
    const log = new SystemRequestLog(() => 0, () => 3);
    for (let i = 1; i <= 10_000; i++) log.begin(arrival(`dispatch-${i + 500}`));
    for (let i = 1; i <= 10_000; i += 97) expect(log.get(`dispatch-${i + 500}`)?.seq).toBe(i);
    expect(log.get('dispatch-500')).toBeUndefined();
    expect(log.get('dispatch-10501')).toBeUndefined();
    expect(log.handlingOf('dispatch-10500')).toBe(3);
  });

  it('logs a request once per id and keeps its path as given', () => {
    const log = new SystemRequestLog(() => 5, () => 2);
    const entry = log.begin(arrival('dispatch-1'));
    expect(entry.status).toBeUndefined();
    entry.status = 201;
    const again = log.begin(arrival('dispatch-1'));
    expect(again.seq).toBe(1);
    again.fault = 'lostResponse';
    expect(log.size).toBe(1);
    expect(log.list()).toEqual([{ seq: 1, id: 'dispatch-1', system: 'salesforce', method: 'GET', path: '/services/data/v62.0/sobjects/Lead/dispatch-1', credential: undefined, at: 5, handling: 2, status: 201, fault: 'lostResponse' }]);
    expect(log.get('dispatch-1')).toEqual(log.list()[0]);
  });

  it('keeps ids that only look counted (zero-padded, past 2^31, another prefix) as they were given', () => {
    const ids = ['dispatch-1', 'dispatch-02', 'dispatch-3', 'dispatch-99999999999', 'msw-4', 'dispatch-5', '7f3a'];
    const log = new SystemRequestLog(() => 0, () => undefined);
    ids.forEach((id) => log.begin(arrival(id)));
    expect(log.list().map((e) => e.id)).toEqual(ids);
    ids.forEach((id, i) => expect(log.get(id)?.seq).toBe(i + 1));
    expect(log.get('dispatch-2')).toBeUndefined();
    const restored = new SystemRequestLog(() => 0, () => undefined);
    restored.restore(log.snapshot());
    expect(restored.list()).toEqual(log.list());
  });
});
