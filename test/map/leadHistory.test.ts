import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { SimClock } from '../../src/core/clock.ts';
import { forgetDecodedChunks } from '../../src/core/sealedChunks.ts';
import { ActivityLog } from '../../src/systems/map/activityLog.ts';
import { LeadDatabase, type LeadValue } from '../../src/systems/map/leadDatabase.ts';
import { propParameters } from '../../src/testing/propRuns.ts';

const FIELDS = ['email', 'country', 'title', 'leadScore'] as const;
const value = fc.constantFrom<LeadValue>(null, 'a@x.test', 'Germany', 'germany', 'CTO', '', 0, 12, true);
const values = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 });
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), values, repeat: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('update' as const), lead: fc.nat(), values }),
  fc.record({ kind: fc.constant('delete' as const), lead: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const) }),
);

interface Change {
  readonly leadId: number;
  readonly field: string;
  readonly oldValue: LeadValue;
  readonly newValue: LeadValue;
}

describe('Marketo lead history', () => {
  test.prop([fc.array(op, { maxLength: 12 })], propParameters(40))('gives every change with the values it was made with, a lead updated, deleted or restored after', (ops) => {
    const clock = new SimClock();
    const db = new LeadDatabase(clock, new ActivityLog(clock));
    const model: Change[] = [];
    const live = new Map<number, Record<string, LeadValue>>();
    for (const o of ops) {
      clock.advance(1000);
      if (o.kind === 'create') {
        for (let r = 0; r < o.repeat; r++) {
          const lead = db.create(o.values, 'api');
          live.set(lead.id, { ...o.values });
          for (const [field, v] of Object.entries(o.values)) model.push({ leadId: lead.id, field, oldValue: null, newValue: v });
        }
      } else if (o.kind === 'update' || o.kind === 'delete') {
        const ids = [...live.keys()];
        if (ids.length === 0) continue;
        const id = ids[o.lead % ids.length]!;
        if (o.kind === 'delete') {
          db.delete(id);
          live.delete(id);
          continue;
        }
        const current = live.get(id)!;
        db.update(id, o.values, 'api');
        for (const [field, v] of Object.entries(o.values)) {
          const old = current[field] ?? null;
          if (old === v) continue;
          model.push({ leadId: id, field, oldValue: old, newValue: v });
          current[field] = v;
        }
      } else db.restore(db.snapshot());
    }
    forgetDecodedChunks();
    const changes = (entries: readonly Change[]) => entries.map(({ leadId, field, oldValue, newValue }) => ({ leadId, field, oldValue, newValue }));
    expect(changes(db.history())).toEqual(model);
    const someLead = model.at(-1)?.leadId;
    if (someLead !== undefined) expect(changes(db.history(someLead))).toEqual(model.filter((c) => c.leadId === someLead));
  });
});
