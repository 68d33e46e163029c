// The in-process contract: createHarness({ pipeline }) hands each delivery to handle(delivery, env); what it answers
// (a rejection with its reason, or done having written nothing) is in the delivery log the invariants read; its
// own fetch reaches the simulated APIs on the env's hosts, and a request anywhere else fails the delivery, naming it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PipelineDelivery, PipelineEnv } from '../../src/pipelines/pipelineContract.ts';
import { checkInvariants, createHarness, inboundEventArbitrary, worldHintsFor } from '../../src/testing/index.ts';

const SEED = 4;
const events = fc.sample(inboundEventArbitrary(worldHintsFor({ seed: SEED }), { weights: { 'web-form': 1, chat: 1 } }), { seed: 11, numRuns: 6 });

describe('a pipeline of yours in process', () => {
  it('a rejection with a reason and a done that wrote nothing are both visible to the invariants, and hold them', async () => {
    const seen: PipelineDelivery[] = [];
    const h = await createHarness({
      seed: SEED,
      pipeline: async (delivery: PipelineDelivery) => {
        seen.push(delivery);
        return delivery.entryPoint === 'web-form' ? { rejected: 'we only take chats this week' } : undefined;
      },
    });
    try {
      const answers: string[] = [];
      for (const event of events) for (const d of (await h.deliver(event)).handled) answers.push(d.answer.kind === 'rejected' ? `rejected: ${d.answer.reason}` : d.answer.kind);
      expect(new Set(answers)).toEqual(new Set(['rejected: we only take chats this week', 'done']));
      expect(seen.every((d) => /^w\d+-/.test(d.id.split(':')[1] ?? '') && !Number.isNaN(Date.parse(d.receivedAt)) && d.attempt === 1)).toBe(true);
      expect(checkInvariants(h.record()).violations).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("its fetch reaches the simulated Salesforce through env, and a request to any other host fails the delivery naming it", async () => {
    let users = 0;
    const h = await createHarness({
      seed: SEED,
      pipeline: async (delivery: PipelineDelivery, env: PipelineEnv) => {
        const q = await fetch(`${env.salesforce.instanceUrl}/services/data/v${env.salesforce.version}/query?q=${encodeURIComponent('SELECT Id FROM User')}`, { headers: { Authorization: `Bearer ${env.salesforce.accessToken}` } });
        users = ((await q.json()) as { totalSize: number }).totalSize;
        if (delivery.entryPoint === 'chat') await fetch('https://api.example.com/leads', { method: 'POST', body: '{}' });
        return { rejected: 'looked only' };
      },
    });
    try {
      const chat = events.find((e) => e.entryPoint === 'chat')!;
      const web = events.find((e) => e.entryPoint === 'web-form')!;
      expect((await h.deliver(web)).handled[0]?.answer).toEqual({ kind: 'rejected', reason: 'looked only' });
      expect(users).toBeGreaterThan(0);
      await expect(h.deliver(chat)).rejects.toThrow(/POST https:\/\/api\.example\.com\/leads, which no simulated API answers \(nothing leaves the process\)/);
      expect(h.world.requests.list().some((r) => r.system === 'salesforce' && r.path.includes('/query?q='))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
