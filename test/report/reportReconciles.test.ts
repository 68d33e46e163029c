import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { pendingPeople } from '../../src/invariants/pendingPeople.ts';
import { payloadFor } from '../pipeline/payloads.ts';
import { summarize, type SimulationSummary } from '../../src/report/simulationSummary.ts';
import { createHarness, type LeadsimHarness } from '../../src/simulation/createHarness.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { isLiveProspect } from '../../src/systems/prm/prospectRules.ts';

const LEADS = 150;
let run: RunRecord;
let summary: SimulationSummary;

beforeAll(async () => {
  run = await simulate({ seed: 8, leads: LEADS, redeliveryRate: 0.05, faults: { serverError: 0.05, rateLimit: 0.05, timeout: 0.05, lostResponse: 0.05 } });
  summary = summarize(run);
}, 120_000);

const total = (key: keyof SimulationSummary['byEntryPoint'][string]) => Object.values(summary.byEntryPoint).reduce((n, r) => n + r[key], 0);

describe("the simulation report's counts add up and agree with the run's records", () => {
  test('every action is counted once: refused before or at the intake, or received as an event', () => {
    expect(summary.actions).toBe(LEADS);
    expect(run.actions).toHaveLength(LEADS);
    for (const [entryPoint, r] of Object.entries(summary.byEntryPoint)) {
      expect(r.actions, entryPoint).toBe(r.refused + r.native + r.received);
      expect(r.received, entryPoint).toBe(r.created + r.merged + r.rejected + r.parked);
    }
    expect(total('actions')).toBe(summary.actions);
    expect(total('received')).toBe(summary.events);
    expect(summary.events).toBe(run.world.intake.received.size);
    expect(summary.events).toBe(run.traces.length);
    expect(summary.outcomes.created + summary.outcomes.merged + summary.outcomes.rejected + summary.outcomes.parked).toBe(summary.events);
    // Each refused action has its one reason; none of them reached the intake.
    expect(Object.values(summary.blocked).reduce((a, b) => a + b, 0)).toBe(total('refused'));
    expect(run.blocked).toHaveLength(total('refused'));
    expect(run.actions!.filter((a) => a.outcome === 'refused' || a.outcome === 'blocked').every((a) => a.eventIds.length === 0)).toBe(true);
    expect(run.actions!.flatMap((a) => a.eventIds).sort()).toEqual([...run.world.intake.received.keys()].sort());
  });

  test('created outcomes name distinct people the run created; redeliveries are the intake\'s duplicates', () => {
    const created = run.traces.flatMap((t) => (t.outcome?.kind === 'created' ? [t.outcome.personId] : []));
    expect(new Set(created).size).toBe(summary.outcomes.created);
    for (const id of created) {
      const record = run.world.crm.byId(id)?.record;
      expect(record, id).toBeDefined();
      expect(Date.parse(String(record!['CreatedDate']))).toBeGreaterThanOrEqual(run.startedAt);
    }
    expect(summary.redelivered).toBe(run.world.intake.duplicates);
    expect(summary.pending).toHaveLength(pendingPeople(run).size);
  });

  test('owners count each routed person once by the owner the CRM holds at the end; shares are their live prospects', () => {
    const crm = run.world.crm;
    const routed = new Set<string>();
    for (const t of [...run.traces, ...(run.reruns ?? [])]) {
      const o = t.outcome;
      if (t.routedTo && o && (o.kind === 'created' || o.kind === 'merged')) routed.add(o.personId);
    }
    const live = [...routed].map((id) => crm.byId(id)!.record).filter((r) => r['IsConverted'] !== true && r['IsDeleted'] !== true);
    expect(summary.owners.people).toBe(live.length);
    const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(summary.owners.queues) + sum(summary.owners.regions)).toBe(summary.owners.people);
    for (const [name, n] of Object.entries(summary.owners.queues)) {
      const queueId = run.world.ids.queueIds.get(name);
      expect(live.filter((r) => r['OwnerId'] === queueId), name).toHaveLength(n);
    }
    const prospects = run.world.impartner.records('Prospect').filter(isLiveProspect);
    expect(summary.sharedToPrm).toBe(live.filter((r) => prospects.some((p) => p['CrmId'] === r.Id)).length);
  });

  test("API calls are the pipeline's calls in its traces; speed to lead counts the routed events", () => {
    const calls: Record<string, number> = {};
    for (const t of [...run.traces, ...(run.reruns ?? [])]) for (const s of t.steps) for (const c of s.calls) calls[c.system] = (calls[c.system] ?? 0) + 1;
    expect(summary.apiCalls).toEqual(calls);
    expect(summary.faultsInjected).toBe(run.world.faults!.journal.length);
    for (const [entryPoint, s] of Object.entries(summary.speedToLead)) {
      expect(s.routed, entryPoint).toBe(run.traces.filter((t) => t.entryPoint === entryPoint && t.speedToLeadMs !== undefined).length);
    }
  });
});

describe('a sales-created action is counted by where it ended, not by what the rep heard', () => {
  let h: LeadsimHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  test('a rep whose create answer is lost made a lead and its change event: accepted, not refused', async () => {
    h = await createHarness({ seed: 12, faults: { lostResponse: 1, systems: ['salesforce'] } });
    const delivery = await h.deliver(payloadFor('sales-created', h.hints, { email: 'rep.lost.answer@fresh-domain.example' }));
    expect(delivery.blocked).toBeUndefined();
    const record = h.record();
    expect(record.blocked).toEqual([]);
    expect(record.actions).toMatchObject([{ entryPoint: 'sales-created', outcome: 'accepted', eventIds: [expect.stringMatching(/^sales-created:cdc-00Q/)] }]);
    const row = summarize(record).byEntryPoint['sales-created']!;
    expect(row).toMatchObject({ actions: 1, refused: 0, received: 1 });
    // A record holds the actions made until it was taken, not those made after.
    await h.deliver(payloadFor('web-form', h.hints, { email: 'second.action@fresh-domain.example' }));
    expect(record.actions).toHaveLength(1);
    expect(h.record().actions?.map((a) => a.entryPoint)).toEqual(['sales-created', 'web-form']);
  });
});
