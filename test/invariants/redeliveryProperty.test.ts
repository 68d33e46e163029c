import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { checkInvariants } from '../../src/invariants/index.ts';
import { createPipeline } from '../../src/pipeline/createPipeline.ts';
import type { Pipeline } from '../../src/pipeline/pipeline.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { openTransport } from '../../src/transport/openTransport.ts';
import type { Transport } from '../../src/transport/transport.ts';

const AUDIT = new Set(['LastModifiedDate', 'SystemModstamp', 'LastModifiedById', 'updatedAt', 'UpdatedAt', 'LastModified', 'ModifiedDate']);

/** The state of the three systems, audit stamps left out. */
function snapshot(run: RunRecord): unknown {
  const strip = (record: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(record).filter(([k]) => !AUDIT.has(k)));
  const crm = run.world.crm;
  return {
    crm: (['Lead', 'Contact', 'CampaignMember'] as const).map((type) => [...crm.records(type)].map(strip)),
    marketo: run.world.marketo.leads().map(strip),
    impartner: run.world.impartner.records('Prospect').map(strip),
  };
}

let run: RunRecord;
let transport: Transport;
let pipeline: Pipeline;
let processed: string[];

beforeAll(async () => {
  run = await simulate({ seed: 5, leads: 120 });
  transport = await openTransport('dispatch', run.world.handlers);
  pipeline = createPipeline(run.world, transport, { graph: run.graph });
  processed = run.traces.filter((t) => t.outcome?.kind === 'created' || t.outcome?.kind === 'merged').map((t) => t.eventId);
}, 60_000);

afterAll(async () => {
  await transport.close();
});

describe('delivering the same event twice changes nothing', () => {
  test('the intake acknowledges a repeated delivery and processes nothing', () => {
    const before = snapshot(run);
    for (const id of processed.slice(0, 20)) {
      const event = run.world.intake.received.get(id)!;
      const receipt = run.world.intake.receive(event.entryPoint, run.world.intake.deliveredPayload(id) ?? event.payload, { key: event.key! });
      expect(receipt).toMatchObject({ ok: true, duplicate: true });
    }
    expect(run.world.intake.pending).toBe(0);
    expect(snapshot(run)).toEqual(before);
    expect(checkInvariants(run, { only: ['redelivery-idempotent', 'no-event-lost'] }).ok).toBe(true);
  });

  test.prop([fc.nat()], { numRuns: 15, seed: 5 })('processing an already processed event again leaves the CRM, MAP and PRM as they were', async (pick) => {
    const id = processed[pick % processed.length]!;
    const event = run.world.intake.received.get(id)!;
    const before = snapshot(run);
    const again = await pipeline.process({ ...event, id: `${id}-again` });
    expect(['created', 'merged']).toContain(again.outcome?.kind);
    expect(snapshot(run)).toEqual(before);
  });
});
