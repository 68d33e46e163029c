import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/createPipeline.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { openTransport } from '../../src/transport/openTransport.ts';

const AUDIT = new Set(['LastModifiedDate', 'SystemModstamp', 'LastModifiedById', 'updatedAt', 'Updated']);
const strip = (r: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(r).filter(([k]) => !AUDIT.has(k)));

/** The three systems' records, audit stamps left out. */
function snapshot(run: RunRecord): string {
  return JSON.stringify({
    crm: (['Lead', 'Contact', 'CampaignMember'] as const).map((t) => [...run.world.crm.records(t)].map(strip)),
    marketo: run.world.marketo.leads().map(strip),
    impartner: run.world.impartner.records('Prospect').map(strip),
  });
}

describe('processing a person\'s latest event again', () => {
  it('changes nothing in the CRM, Marketo or Impartner, for every person of a run', async () => {
    const run = await simulate({ seed: 3, leads: 150 });
    const transport = await openTransport('dispatch', run.world.handlers);
    const pipeline = createPipeline(run.world, transport, { graph: run.graph });
    const latest = new Map<string, string>();
    for (const t of run.traces) if (t.outcome?.kind === 'created' || t.outcome?.kind === 'merged') latest.set(t.outcome.personId, t.eventId);
    expect(latest.size).toBeGreaterThan(100);
    const changed: string[] = [];
    for (const id of latest.values()) {
      const before = snapshot(run);
      const again = await pipeline.process({ ...run.world.intake.received.get(id)!, id: `${id}-again` });
      expect(['created', 'merged']).toContain(again.outcome?.kind);
      if (snapshot(run) !== before) changed.push(id);
    }
    await transport.close();
    expect(changed).toEqual([]);
  });
});
