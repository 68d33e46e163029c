import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionLog } from '../../src/simulation/actionLog.ts';
import type { ActionRecord } from '../../src/simulation/runRecord.ts';

describe('ActionLog', () => {
  it('reads back the actions it was given, in order, with none, one or several event ids', () => {
    const action = fc.record({
      entryPoint: fc.constantFrom('web-form', 'chat', 'sales-created'),
      outcome: fc.constantFrom('accepted', 'refused', 'blocked', 'native'),
      eventIds: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
      at: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
    }) as fc.Arbitrary<ActionRecord>;
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), fc.nat({ max: 70 }), (actions, count) => {
        const log = new ActionLog();
        for (const a of actions) log.add(a);
        expect(log.length).toBe(actions.length);
        expect(log.list()).toEqual(actions);
        expect(log.list(count)).toEqual(actions.slice(0, count));
      }),
    );
  });

  it('keeps 10,000 actions and hands out copies a reader cannot change the log through', () => {
    const log = new ActionLog();
    const ids = ['a', 'b'];
    for (let i = 0; i < 10_000; i++) log.add({ entryPoint: 'web-form', outcome: 'accepted', eventIds: i === 5000 ? ids : [`e${i}`], at: 1_700_000_000_000 + i });
    ids.push('c');
    const read = log.list();
    expect(read).toHaveLength(10_000);
    expect(read[9_999]).toEqual({ entryPoint: 'web-form', outcome: 'accepted', eventIds: ['e9999'], at: 1_700_000_009_999 });
    expect(read[5_000]!.eventIds).toEqual(['a', 'b']);
    (read[5_000]!.eventIds as string[]).push('d');
    expect(log.list()[5_000]!.eventIds).toEqual(['a', 'b']);
  });
});
