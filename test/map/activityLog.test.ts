import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { ActivityLog } from '../../src/systems/map/activityLog.ts';

describe('ActivityLog', () => {
  it('gives back every activity as logged, whatever its number of attributes', () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
    const attributes = fc.array(fc.record({ name: fc.constantFrom('New Value', 'Old Value', 'Source', 'Form Fields', 'User Agent'), value }), { maxLength: 6 });
    const input = fc.record({ leadId: fc.integer({ min: 1, max: 1000 }), activityTypeId: fc.constantFrom(2, 12, 13), primaryAttributeValue: fc.string({ maxLength: 8 }), attributes });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 20 }), (inputs) => {
        const log = new ActivityLog(new SimClock());
        const logged = inputs.map((i) => log.log(i));
        expect(logged.map((a) => ({ leadId: a.leadId, activityTypeId: a.activityTypeId, primaryAttributeValue: a.primaryAttributeValue, attributes: a.attributes }))).toEqual(inputs);
        expect(log.all()).toEqual(logged);
      }),
    );
  });
});
