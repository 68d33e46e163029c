import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Rng } from '../../src/core/random.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { propParameters } from '../../src/testing/propRuns.ts';
import { createWorld, type World } from '../../src/world/world.ts';
import { restoreWorld, snapshotWorld } from '../../src/world/worldSnapshot.ts';

const ORG = generateOrg(new Rng(3).fork('org'));

/** Everything observable about a world's state, as plain data. */
function observe(world: World): unknown {
  return {
    leads: [...world.crm.records('Lead', { includeDeleted: true })],
    contacts: [...world.crm.records('Contact', { includeDeleted: true })],
    members: [...world.crm.records('CampaignMember', { includeDeleted: true })],
    history: world.crm.history(),
    usage: world.crm.apiUsage.used,
    settings: world.crm.settings,
    marketo: world.marketo.leads(),
    activities: world.marketo.allActivities(),
    lists: world.marketo.lists(),
    prospects: world.impartner.records('Prospect'),
    intake: world.intake.pending,
  };
}

type Op = { kind: 'lead'; n: number } | { kind: 'title'; n: number } | { kind: 'delete'; n: number } | { kind: 'marketo'; n: number } | { kind: 'list'; n: number } | { kind: 'settings' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('lead' as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant('title' as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant('marketo' as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant('list' as const), n: fc.nat(5) }),
  fc.constant({ kind: 'settings' as const }),
);

function apply(world: World, op: Op): void {
  const ctx = { userId: world.crm.integrationUserId };
  const leads = [...world.crm.records('Lead')];
  world.clock.advance(1_000);
  world.crm.apiUsage.consume();
  switch (op.kind) {
    case 'lead':
      world.crm.create('Lead', { LastName: `L${op.n}`, Company: 'C', Email: `p${op.n}@example.com` }, ctx);
      return;
    case 'title': {
      const lead = leads[op.n % Math.max(1, leads.length)];
      if (lead) world.crm.update('Lead', lead.Id, { Title: `T${op.n}` }, ctx);
      return;
    }
    case 'delete': {
      const lead = leads[op.n % Math.max(1, leads.length)];
      if (lead) world.crm.delete('Lead', lead.Id, ctx);
      return;
    }
    case 'marketo':
      world.marketo.syncLeads({ action: 'createOrUpdate', lookupField: 'email', input: [{ email: `m${op.n}@example.com`, firstName: `F${op.n}` }] });
      return;
    case 'list': {
      const lead = world.marketo.leads()[0];
      if (lead) world.marketo.addToList(1 + (op.n % 3), [lead.id]);
      return;
    }
    case 'settings':
      world.crm.configure({ duplicateRules: { Lead: world.crm.settings.duplicateRules.Lead === 'block' ? 'off' : 'block' } });
  }
}

describe('world snapshots', () => {
  test.prop([fc.array(opArb, { maxLength: 12 }), fc.array(opArb, { minLength: 1, maxLength: 12 }), fc.array(opArb, { maxLength: 6 })], propParameters(25))(
    'restoring a snapshot brings back exactly the state it took, however often, whatever happened after',
    (before, after, again) => {
      const world = createWorld({ seed: 3, org: ORG });
      for (const op of before) apply(world, op);
      const snap = snapshotWorld(world);
      const taken = structuredClone(observe(world));
      for (const op of after) apply(world, op);
      restoreWorld(world, snap);
      expect(observe(world)).toEqual(taken);
      for (const op of again) apply(world, op);
      restoreWorld(world, snap);
      expect(observe(world)).toEqual(taken);
      // Indexes come back too: the duplicate rule sees restored emails, SOQL lookups find restored records.
      const lead = [...world.crm.records('Lead')][0];
      if (lead && world.crm.settings.duplicateRules.Lead === 'block') {
        const dup = world.crm.create('Lead', { LastName: 'D', Company: 'C', Email: String(lead['Email']) }, { userId: world.crm.integrationUserId });
        expect(dup.ok ? 'saved' : dup.errors[0]?.statusCode).toBe('DUPLICATES_DETECTED');
      }
    },
  );

  test('a snapshot of another seed is refused, naming both seeds', () => {
    const world = createWorld({ seed: 3, org: ORG });
    const other = createWorld({ seed: 4, org: ORG });
    expect(() => restoreWorld(world, snapshotWorld(other))).toThrowErrorMatchingInlineSnapshot(`[RangeError: Failed to restore a snapshot of seed 4 into the world of seed 3: create a world from seed 4 first.]`);
  });
});
