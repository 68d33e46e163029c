import { beforeAll, describe, expect, test } from 'vitest';
import { evidenceOf, withEvidence, type RunEvidence } from '../../src/evidence/runEvidence.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import type { HistoryEntry } from '../../src/systems/crm/fieldHistory.ts';

// The evidence reads the CRM's field history where it is kept (by position, a column at a time); these tests hold it
// to the plain reading of the same history as objects (`crm.history()`), on a run with faults and repeats.

let run: RunRecord;
let evidence: RunEvidence;
let history: readonly HistoryEntry[];

beforeAll(async () => {
  run = await simulate({ seed: 23, leads: 120, faults: { serverError: 0.03, lostResponse: 0.03 }, redeliveryRate: 0.1 });
  evidence = evidenceOf(run)!;
  history = run.world.crm.history();
});

/** A field's value at a position, the plain way: the record's value now with every change from that position on undone. */
function plainValueAt(recordId: string, field: string, position: number): unknown {
  let value = run.world.crm.byId(recordId)?.record[field];
  for (let i = history.length - 1; i >= position; i--) if (history[i]!.recordId === recordId && history[i]!.field === field) value = history[i]!.oldValue;
  return value;
}

describe('RunEvidence', () => {
  test('hands out the changes the CRM recorded, each with its position', () => {
    expect(evidence.length).toBe(history.length);
    const owners = evidence.changesTo('OwnerId');
    expect(owners.length).toBeGreaterThan(10);
    for (const { position, ...entry } of owners) expect(entry).toEqual(history[position]);
    expect(owners.every((c) => c.field === 'OwnerId')).toBe(true);
    const lead = owners.find((c) => c.object === 'Lead')!.recordId;
    expect(evidence.historyOf(lead).map(({ position: _p, ...entry }) => entry)).toEqual(run.world.crm.history(lead));
    expect(evidence.createdBy(lead)?.position).toBe(history.findIndex((h) => h.recordId === lead));
  });

  test('values and existence at a position agree with undoing the history by hand', () => {
    const people = [...new Set(history.filter((h) => h.object === 'Lead' || h.object === 'Contact').map((h) => h.recordId))].slice(0, 25);
    const positions = [0, 1, Math.floor(history.length / 3), Math.floor(history.length / 2), history.length - 1, history.length];
    for (const id of people) {
      const created = history.findIndex((h) => h.recordId === id);
      for (const p of [...positions, created, created + 1]) {
        for (const field of ['Email', 'OwnerId', 'Status', 'Mailability__c', 'IsConverted']) expect(evidence.valueAt(id, field, p)).toEqual(plainValueAt(id, field, p));
        expect(evidence.existedAt(id, p)).toBe(created < p);
      }
    }
  });

  test("a handling's changes are those its requests made, and its start and end bracket them", () => {
    let checked = 0;
    for (const handling of evidence.deliveries.handlings) {
      const own = new Set(evidence.requestsOf(handling).map((r) => r.id));
      const expected = history.flatMap((h, position) => (h.requestId !== undefined && own.has(h.requestId) ? [position] : []));
      const writes = evidence.writesOf(handling);
      expect(writes.map((w) => w.position)).toEqual(expected);
      if (writes.length === 0) continue;
      checked += 1;
      expect(evidence.startOf(handling)).toBe(expected[0]);
      expect(evidence.endOf(handling)).toBe(expected[expected.length - 1]! + 1);
      const person = writes[0]!.recordId;
      expect(evidence.writesOf(handling, person, 'OwnerId')).toEqual(writes.filter((w) => w.recordId === person && w.field === 'OwnerId'));
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('the handlings the evidence hands out', () => {
  test('are the delivery log\'s, read once: the same object for the same seq, the one each change was made during', () => {
    expect(evidence.handlings).toEqual(run.world.deliveries.handlings);
    const seq = Math.ceil(evidence.handlings.length / 2);
    expect(evidence.handling(seq)).toBe(evidence.handlings[seq - 1]);
    expect(evidence.handling(seq)?.seq).toBe(seq);
    expect(evidence.handling(evidence.handlings.length + 1)).toBeUndefined();
    let made = 0;
    for (const entry of history) {
      const request = entry.requestId === undefined ? undefined : run.world.requests.get(entry.requestId);
      const handling = evidence.handlingOf(entry);
      expect(handling?.seq).toBe(request?.handling);
      if (handling) expect(handling).toBe(evidence.handling(handling.seq));
      if (handling) made += 1;
    }
    expect(made).toBeGreaterThan(100);
  });
});

describe('withEvidence', () => {
  test('indexes the run once for every reader inside it, and keeps nothing after', () => {
    const [first, second] = withEvidence(run, () => [evidenceOf(run), withEvidence(run, () => evidenceOf(run))]);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    // Outside a reading, each caller gets an index of its own: none outlives its use.
    expect(evidenceOf(run)).not.toBe(evidenceOf(run));
    expect(withEvidence(run, () => evidenceOf(run))).not.toBe(first);
  });
});
