import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryLog, type Delivery, type DeliveryAnswer, type Handling } from '../../src/evidence/deliveryLog.ts';

// The log stores deliveries and handlings by column and makes them again on read: these tests hold it to a plain
// model of the same calls (objects in arrays), across many appends (past several of its chunks) and out-of-order ends.

type Step =
  | { readonly op: 'receive'; readonly id: number; readonly entryPoint: string }
  | { readonly op: 'begin'; readonly id: number }
  | { readonly op: 'reroute'; readonly id: number }
  | { readonly op: 'acknowledge'; readonly id: number }
  | { readonly op: 'end'; readonly back: number; readonly answer: DeliveryAnswer };

const answer = fc.oneof(
  fc.constant<DeliveryAnswer>({ kind: 'done' }),
  fc.string({ maxLength: 8 }).map((reason): DeliveryAnswer => ({ kind: 'rejected', reason })),
  fc.string({ maxLength: 8 }).map((error): DeliveryAnswer => ({ kind: 'failed', error })),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), id: fc.nat({ max: 12 }), entryPoint: fc.constantFrom('web-form', 'linkedin') }),
  fc.record({ op: fc.constant('begin' as const), id: fc.nat({ max: 12 }) }),
  fc.record({ op: fc.constant('reroute' as const), id: fc.nat({ max: 5 }) }),
  fc.record({ op: fc.constant('acknowledge' as const), id: fc.nat({ max: 12 }) }),
  fc.record({ op: fc.constant('end' as const), back: fc.nat({ max: 4 }), answer }),
);

/** The same calls on plain objects: what the log held when it kept one object per delivery and handling. */
class PlainLog {
  readonly deliveries: Delivery[] = [];
  readonly handlings: Handling[] = [];
  current: Handling | undefined;
  constructor(readonly now: () => number) {}
  receive(id: string, entryPoint: string, payload: unknown): Delivery {
    const d = { seq: this.deliveries.length + 1, id, entryPoint, payload, receivedAt: this.now(), repeat: this.deliveries.some((e) => e.id === id) };
    this.deliveries.push(d);
    return d;
  }
  handling(kind: Handling['kind'], id: string, delivery: Delivery | undefined, personId: string | undefined, open: boolean): Handling {
    if (open && this.current) this.end(this.current, { kind: 'failed', error: 'left open when the next handling began' });
    const attempt = this.handlings.filter((h) => h.id === id).length + 1;
    const h: Handling = { seq: this.handlings.length + 1, kind, delivery, id, personId, attempt, startedAt: this.now(), finishedAt: undefined, answer: undefined };
    this.handlings.push(h);
    if (open) this.current = h;
    return h;
  }
  end(h: Handling, a: DeliveryAnswer): void {
    h.finishedAt = this.now();
    h.answer = a;
    if (this.current === h) this.current = undefined;
  }
}

function play(steps: readonly Step[]): { log: DeliveryLog; plain: PlainLog; begun: Handling[] } {
  let t = 0;
  const now = () => (t += 7);
  const log = new DeliveryLog(now);
  let u = 0;
  const plain = new PlainLog(() => (u += 7));
  const begun: Handling[] = [];
  const plainBegun: Handling[] = [];
  for (const s of steps) {
    const id = `evt-${s.op === 'end' ? 0 : s.id}`;
    if (s.op === 'receive') {
      const payload = { email: `p${s.id}@example.test`, tags: [s.id] };
      expect(log.receive({ id, entryPoint: s.entryPoint, payload })).toEqual(plain.receive(id, s.entryPoint, payload));
    } else if (s.op === 'begin') {
      const first = plain.deliveries.find((d) => d.id === id) ?? plain.receive(id, 'web-form', { id });
      begun.push(log.beginDelivery({ id, entryPoint: 'web-form', payload: { id } }));
      plainBegun.push(plain.handling('delivery', id, first, undefined, true));
    } else if (s.op === 'reroute') {
      begun.push(log.beginReroute('rerun', id, `00Q${s.id}`));
      plainBegun.push(plain.handling('rerun', id, undefined, `00Q${s.id}`, true));
    } else if (s.op === 'acknowledge') {
      const delivery = log.receive({ id, entryPoint: 'web-form', payload: { again: s.id } });
      const h = log.acknowledge(delivery, 'a repeat');
      const pd = plain.receive(id, 'web-form', { again: s.id });
      const ph = plain.handling('delivery', id, pd, undefined, false);
      plain.end(ph, { kind: 'ignored', reason: 'a repeat' });
      expect(h).toEqual(ph);
    } else if (begun.length > 0) {
      const i = Math.max(0, begun.length - 1 - s.back);
      log.end(begun[i]!, s.answer);
      plain.end(plainBegun[i]!, s.answer);
    }
    expect(log.current).toEqual(plain.current);
  }
  return { log, plain, begun };
}

describe('DeliveryLog', () => {
  it('reads back every delivery and handling as a plain log of objects would hold them', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const { log, plain } = play(steps);
        expect(log.deliveries).toEqual(plain.deliveries);
        expect(log.handlings).toEqual(plain.handlings);
        expect(log.deliveryCount).toBe(plain.deliveries.length);
        expect(log.handlingCount).toBe(plain.handlings.length);
        for (let seq = 0; seq <= plain.handlings.length + 1; seq++) expect(log.handling(seq)).toEqual(plain.handlings[seq - 1]);
        for (const id of new Set(plain.deliveries.map((d) => d.id))) expect(log.deliveriesOf(id)).toEqual(plain.deliveries.filter((d) => d.id === id));
        expect(log.deliveriesOf('never')).toEqual([]);
        const mark = Math.floor(plain.handlings.length / 2);
        expect(log.handlingsAfter(mark)).toEqual(plain.handlings.slice(mark));
        const restored = new DeliveryLog(() => 0);
        restored.restore(log.snapshot());
        expect(restored.deliveries).toEqual(plain.deliveries);
        // The open handling is left out; the handlings after it (repeats acknowledged meanwhile) take the seqs that follow.
        expect(restored.handlings).toEqual(plain.handlings.filter((h) => h !== plain.current).map((h, i) => ({ ...h, seq: i + 1 })));
      }),
    );
  });

  it('ends a handling after others began (its answer and time land on its own entry), and hands out the open one itself', () => {
    let t = 100;
    const log = new DeliveryLog(() => (t += 1));
    const a = log.beginDelivery({ id: 'a', entryPoint: 'web-form', payload: { n: 1 } });
    expect(log.current).toBe(a);
    expect(log.handling(a.seq)).toBe(a);
    const b = log.beginDelivery({ id: 'b', entryPoint: 'web-form', payload: { n: 2 } });
    // Beginning b closed a as failed; a late answer for a overwrites that answer, and b stays open.
    expect(log.handling(a.seq)?.answer).toEqual({ kind: 'failed', error: 'left open when the next handling began' });
    log.end(a, { kind: 'rejected', reason: 'late' });
    expect(log.current).toBe(b);
    expect(log.handling(a.seq)).toMatchObject({ answer: { kind: 'rejected', reason: 'late' }, finishedAt: a.finishedAt });
    expect(log.handling(b.seq)).toMatchObject({ finishedAt: undefined, answer: undefined });
    log.end(b, { kind: 'done' });
    expect(log.current).toBeUndefined();
    expect(log.handling(b.seq)).toEqual({ ...b, delivery: { seq: 2, id: 'b', entryPoint: 'web-form', payload: { n: 2 }, receivedAt: b.delivery!.receivedAt, repeat: false } });
  });

  it('finds the first delivery of an id that was handled before it was delivered (a re-run id, then a delivery)', () => {
    const log = new DeliveryLog(() => 1);
    log.end(log.beginReroute('rerun', 'x', '00Q1'), { kind: 'done' });
    const first = log.receive({ id: 'x', entryPoint: 'web-form', payload: { n: 1 } });
    expect(first.repeat).toBe(false);
    const handling = log.beginDelivery({ id: 'x', entryPoint: 'web-form', payload: { n: 2 } });
    expect(handling).toMatchObject({ attempt: 2, delivery: first });
    expect(log.deliveryCount).toBe(1);
  });

  it('keeps 10,000 deliveries with their payloads, attempts and answers', () => {
    let t = 0;
    const log = new DeliveryLog(() => (t += 1));
    for (let i = 0; i < 10_000; i++) {
      const id = `evt-${i % 9000}`;
      const delivery = log.receive({ id, entryPoint: i % 2 ? 'web-form' : 'linkedin', payload: { i, email: `p${i}@example.test` } });
      const h = log.beginDelivery(delivery);
      log.end(h, i % 3 === 0 ? { kind: 'failed', error: `e${i}` } : { kind: 'done' });
    }
    expect(log.deliveryCount).toBe(10_000);
    for (const i of [0, 4095, 4096, 8999, 9000, 9999]) {
      const d = log.delivery(i + 1)!;
      expect(d).toMatchObject({ id: `evt-${i % 9000}`, payload: { i, email: `p${i}@example.test` }, repeat: i >= 9000 });
      expect(log.handling(i + 1)).toMatchObject({ seq: i + 1, delivery: d, attempt: i >= 9000 ? 2 : 1, answer: i % 3 === 0 ? { kind: 'failed', error: `e${i}` } : { kind: 'done' } });
    }
    expect(log.deliveriesOf('evt-5').map((d) => d.seq)).toEqual([6, 9006]);
    expect(log.beginDelivery({ id: 'evt-5', entryPoint: 'web-form', payload: {} })).toMatchObject({ seq: 10_001, attempt: 3, delivery: { seq: 6 } });
  });
});
