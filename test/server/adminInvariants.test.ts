import { describe, expect, it } from 'vitest';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { startServe } from '../../src/server/startServe.ts';

const chat = (i: number) => ({ type: 'conversation.lead_captured', data: { conversationId: i, contact: { email: `queued.check.${i}@fresh-domain.example`, name: `Queued ${i}` } } });

describe('the admin API judges what serve accepted, not what it has yet to process', () => {
  it('GET /invariants finishes the queued events first, so none reads as lost; /traces refuses a since that is not a count', async () => {
    // The pipeline never polls on its own here: every accepted event is still queued when the invariants are asked for.
    const serve = await startServe({ seed: 12, graph: loadDefaultGraph(), clock: 'manual', pollMs: 3_600_000 });
    try {
      for (let i = 0; i < 5; i++) {
        const r = await fetch(serve.info.intake.url.replace('{entryPoint}', 'chat'), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `q-${i}` }, body: JSON.stringify(chat(i)) });
        expect(r.status).toBe(202);
      }
      expect(serve.session.traces).toHaveLength(0);
      const report = (await (await fetch(`${serve.info.admin.url}/invariants`)).json()) as { ok: boolean; violations: unknown[] };
      expect(report.violations).toEqual([]);
      expect(report.ok).toBe(true);
      expect(serve.session.traces).toHaveLength(5);
      for (const since of ['abc', '-5', '1.5', '']) {
        const r = await fetch(`${serve.info.admin.url}/traces?since=${since}`);
        expect(r.status, since).toBe(400);
        expect(((await r.json()) as { message: string }).message).toContain('pass since as a whole number');
      }
      expect(((await (await fetch(`${serve.info.admin.url}/traces?since=3`)).json()) as { traces: unknown[] }).traces).toHaveLength(2);
    } finally {
      await serve.shutdown({ drainMs: 0 });
    }
  }, 60_000);
});
