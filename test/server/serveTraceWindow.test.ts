import { describe, expect, it } from 'vitest';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { startServe } from '../../src/server/startServe.ts';

const chat = (i: number) => ({ type: 'conversation.lead_captured', data: { conversationId: i, contact: { email: `window.${i}@fresh-domain.example`, name: `Window ${i}` } } });

describe('a long-running serve keeps the latest traces whole and summarizes older ones', () => {
  it('keeps --full-traces whole, the rest summarized, and the invariants and the traces endpoint read both', async () => {
    const serve = await startServe({ seed: 11, graph: loadDefaultGraph(), clock: 'manual', pollMs: 3_600_000, fullTraces: 3 });
    try {
      for (let i = 0; i < 8; i++) {
        const r = await fetch(serve.info.intake.url.replace('{entryPoint}', 'chat'), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `w-${i}` }, body: JSON.stringify(chat(i)) });
        expect(r.status).toBe(202);
      }
      await serve.session.drain();
      const traces = serve.session.traces;
      expect(traces).toHaveLength(8);
      const whole = traces.map((t) => t.steps.some((s) => s.calls.length > 0));
      expect(whole).toEqual([false, false, false, false, false, true, true, true]);
      expect(traces.slice(0, 5).every((t) => t.callCounts !== undefined && t.outcome?.kind === 'created')).toBe(true);
      expect((await serve.session.invariants()).ok).toBe(true);
      const listed = (await (await fetch(`${serve.info.admin.url}/traces`)).json()) as { traces: { steps: { job: string }[] }[]; total: number };
      expect(listed.total).toBe(8);
      expect(listed.traces[0]!.steps.map((s) => s.job)).toEqual(listed.traces[7]!.steps.map((s) => s.job));
    } finally {
      await serve.shutdown({ drainMs: 0 });
    }
  }, 60_000);
});
