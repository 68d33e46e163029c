import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { seededCrm } from './crmFixture.ts';

describe('crm.transaction', () => {
  it('undoes records, history and change events when fn fails, and keeps them when it succeeds', () => {
    const { crm, ctx, accountId } = seededCrm();
    const events: string[] = [];
    crm.onChange((e) => events.push(`${e.kind}:${e.object}`));
    const before = { leads: [...crm.records('Lead')].length, history: crm.history().length, account: crm.get('Account', accountId) };
    const failed = crm.transaction(() => {
      crm.create('Lead', { LastName: 'A', Company: 'B', Email: 'a@b.io' }, ctx);
      crm.update('Account', accountId, { Name: 'Renamed' }, ctx);
      return crm.create('Lead', { LastName: 'A' }, ctx);
    });
    expect(failed.ok).toBe(false);
    expect([...crm.records('Lead')]).toHaveLength(before.leads);
    expect(crm.history()).toHaveLength(before.history);
    expect(crm.get('Account', accountId)).toEqual(before.account);
    expect(events).toEqual([]);
    // the rolled-back email is free again
    const ok = crm.transaction(() => crm.create('Lead', { LastName: 'A', Company: 'B', Email: 'a@b.io' }, ctx));
    expect(ok.ok).toBe(true);
    expect(events).toEqual(['create:Lead']);
  });

  it('rolls back a nested transaction without the outer one', () => {
    const { crm, ctx } = seededCrm();
    crm.transaction(() => {
      crm.create('Lead', { LastName: 'Outer', Company: 'B' }, ctx);
      crm.transaction(() => {
        crm.create('Lead', { LastName: 'Inner', Company: 'B' }, ctx);
        return { ok: false };
      });
      return { ok: true };
    });
    expect([...crm.records('Lead')].map((l) => l['LastName'])).toEqual(['Outer']);
  });
});

describe('duplicate rule (property)', () => {
  const email = fc.tuple(fc.constantFrom('ann', 'bob', 'Ann', 'BOB'), fc.constantFrom('x.io', 'X.IO')).map(([u, d]) => `${u}@${d}`);
  test.prop([fc.array(fc.tuple(fc.constantFrom('Lead' as const, 'Contact' as const), email, fc.boolean()), { maxLength: 30 })], { numRuns: 60 })(
    'never stores two live people with the same normalized email, whatever is created, deleted or rolled back',
    (steps) => {
      const { crm, ctx } = seededCrm();
      for (const [type, address, rollback] of steps) {
        crm.transaction(() => {
          const res = crm.create(type, { LastName: 'P', ...(type === 'Lead' ? { Company: 'C' } : {}), Email: address }, ctx);
          return rollback ? { ok: false } : res;
        });
        const live = [...crm.records('Lead'), ...crm.records('Contact')];
        if (live.length > 0 && address.startsWith('b')) crm.delete(live[0]!.Id.startsWith('00Q') ? 'Lead' : 'Contact', live[0]!.Id, ctx);
      }
      const people = [...crm.records('Lead'), ...crm.records('Contact')];
      const emails = people.map((r) => String(r['Email']).toLowerCase());
      expect(new Set(emails).size).toBe(emails.length);
      // every committed create that was not a duplicate is stored: the rule refuses duplicates and nothing else
      if (steps.some(([, , rollback]) => !rollback)) expect(crm.history().some((h) => h.field === 'Email')).toBe(true);
    },
  );
});
