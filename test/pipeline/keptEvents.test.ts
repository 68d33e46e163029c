import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { DeliveryLog } from '../../src/evidence/deliveryLog.ts';
import { Intake } from '../../src/pipeline/intake.ts';
import type { ReceivedEvent } from '../../src/pipeline/inboundEvent.ts';
import { KeptEvents } from '../../src/pipeline/keptEvents.ts';

// The intake keeps its events by column and, with a delivery log, each payload only there: these tests hold what it
// reads back to what it accepted, across many events (past several of its chunks), keyed and not, with and without a log.

const chat = (n: number) => ({ type: 'conversation.lead_captured', data: { conversationId: n, contact: { email: `p${n}@b.example`, name: `  Person ${n} ` } } });

describe('the events the intake keeps', () => {
  for (const withLog of [true, false]) {
    it(`reads back 10,000 accepted events as they were queued, ${withLog ? 'with' : 'without'} a delivery log`, () => {
      const clock = new SimClock();
      const deliveries = withLog ? new DeliveryLog(() => clock.now()) : undefined;
      const intake = new Intake(clock, deliveries ? { deliveries } : {});
      const queued = new Map<string, ReceivedEvent>();
      for (let n = 0; n < 10_000; n++) {
        clock.advance(1000);
        const receipt = intake.receive('chat', chat(n), n % 3 === 0 ? { source: 'sdk', key: `k-${n}` } : n % 3 === 1 ? { key: `k:${n}` } : {});
        if (!receipt.ok || receipt.duplicate) throw new Error('expected an accepted event');
        queued.set(receipt.event.id, receipt.event);
      }
      expect(intake.received.size).toBe(10_000);
      expect([...intake.received.keys()]).toEqual([...queued.keys()]);
      for (const id of [...queued.keys()].filter((_, i) => i % 37 === 0 || i > 9990)) expect(intake.received.get(id)).toEqual(queued.get(id));
      expect(intake.find('sdk', 'k-9999')).toEqual(queued.get('sdk:k-9999'));
      expect(intake.find('chat', 'k:9997')).toEqual(queued.get('chat:k:9997'));
      expect(intake.deliveredPayload('chat:k:4')).toEqual(chat(4));
      expect(intake.deliveredPayload('intake-000002')).toBeUndefined();
      // A repeat of an old event is compared with the payload kept for it, wherever it is kept.
      expect(intake.receive('chat', chat(3), { source: 'sdk', key: 'k-3' })).toEqual({ ok: true, eventId: 'sdk:k-3', duplicate: true });
      expect(intake.receive('chat', chat(4), { source: 'sdk', key: 'k-3' }).ok).toBe(false);
    });
  }

  it('reads the payload from the delivery log when it holds it, and keeps it itself otherwise', () => {
    const deliveries = new DeliveryLog(() => 0);
    const kept = new KeptEvents(deliveries);
    const payload = chat(1);
    const delivery = deliveries.receive({ id: 'chat:a', entryPoint: 'chat', payload });
    kept.add({ entryPoint: 'chat', payload, id: 'chat:a', source: 'chat', key: 'a', receivedAt: 5, delivery: delivery.seq }, true);
    kept.add({ entryPoint: 'chat', payload: chat(2), id: 'chat:b', source: 'chat', key: 'b', receivedAt: 6, delivery: delivery.seq }, false);
    expect(kept.kept('chat:a')?.payload).toBe(deliveries.delivery(delivery.seq)!.payload);
    expect(kept.kept('chat:b')).toEqual({ entryPoint: 'chat', payload: chat(2), id: 'chat:b', source: 'chat', key: 'b', receivedAt: 6, delivery: 1 });
    expect(() => kept.add({ entryPoint: 'chat', payload, id: 'other', source: 'chat', key: 'a', receivedAt: 5 }, false)).toThrow(/<source>:<key>/);
  });
});
