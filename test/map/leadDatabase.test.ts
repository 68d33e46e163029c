import { describe, expect, test } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { ActivityLog } from '../../src/systems/map/activityLog.ts';
import { LeadDatabase } from '../../src/systems/map/leadDatabase.ts';

function database(): LeadDatabase {
  const clock = new SimClock();
  return new LeadDatabase(clock, new ActivityLog(clock));
}

describe('LeadDatabase', () => {
  test('keeps leads by id through deletes: id order, size, no lead for a missing, zero or fractional id', () => {
    const db = database();
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) db.create({ email }, 'api');
    expect(db.delete(2)).toBe(true);
    expect(db.delete(2)).toBe(false);
    db.create({ email: 'd@x.test' }, 'api');
    expect([...db.all()].map((lead) => lead.id)).toEqual([1, 3, 4]);
    expect(db.size).toBe(3);
    expect([0, 2, 1.5, -1, 5].map((id) => db.get(id))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(db.idsBy('id', 2)).toEqual([]);
    expect(db.idsBy('id', 3)).toEqual([3]);
    expect(db.idsByEmail('B@x.test')).toEqual([]);
    const copy = database();
    copy.restore(db.snapshot());
    expect([...copy.all()]).toEqual([...db.all()]);
    expect(copy.size).toBe(3);
    expect(copy.create({ email: 'e@x.test' }, 'api').id).toBe(5);
  });

  test('finds a lead by email after other fields change, and by its new email only once it changes', () => {
    const db = database();
    db.create({ email: 'a@x.test' }, 'api');
    db.create({ email: ' A@x.test' }, 'api');
    db.update(1, { firstName: 'Ada' }, 'api');
    expect(db.idsByEmail('a@x.test')).toEqual([1, 2]);
    expect(db.get(1)?.['firstName']).toBe('Ada');
    db.update(1, { email: 'z@x.test' }, 'api');
    expect(db.idsByEmail('a@x.test')).toEqual([2]);
    expect(db.idsByEmail('Z@x.test ')).toEqual([1]);
    db.update(2, { email: '  ' }, 'api');
    expect(db.idsByEmail('a@x.test')).toEqual([]);
    db.update(2, { email: 'z@x.test' }, 'api');
    expect(db.idsBy('email', 'z@x.test')).toEqual([1, 2]);
  });
});
