import { fc, test } from '@fast-check/vitest';
import { getResponse } from 'msw';
import { describe, expect } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { parsePayload } from '../../src/entrypoints/registry.ts';
import { inboundEventArbitrary } from '../../src/generators/inboundEventArbitrary.ts';
import { ENTRY_POINTS } from '../../src/model/entryPointId.ts';
import { Intake } from '../../src/pipeline/intake.ts';
import { intakeHandlers } from '../../mocks/pipeline/intakeHandlers.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import { propSeed } from '../../src/testing/propRuns.ts';
import { fuzzRuns } from './fuzzRuns.ts';
import { hostileJson, hostileString, mutateJson } from './jsonMutation.ts';

const seed = propSeed();
const params = (runs: number) => ({ numRuns: runs, ...(seed === undefined ? {} : { seed }) });

/** A body: a valid payload, a valid payload mutated, any JSON, or bytes that may not be JSON at all. */
const body = fc.oneof(
  { weight: 3, arbitrary: inboundEventArbitrary().chain((e) => fc.tuple(fc.constant(e.entryPoint), fc.oneof(fc.constant(e.payload as unknown), mutateJson(e.payload))).map(([entryPoint, payload]) => ({ entryPoint, bytes: JSON.stringify(payload) }))) },
  { weight: 1, arbitrary: fc.record({ entryPoint: fc.constantFrom(...ENTRY_POINTS), bytes: hostileJson.map((v) => JSON.stringify(v) ?? 'null') }) },
  { weight: 1, arbitrary: fc.record({ entryPoint: fc.oneof(fc.constantFrom(...ENTRY_POINTS), fc.stringMatching(/^[a-zA-Z0-9_~-]{1,20}$/)), bytes: fc.oneof(hostileString, fc.uint8Array({ maxLength: 64 })) }) },
);
const contentType = fc.option(fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', ';;;', 'application/json; charset=latin1')), { nil: undefined });
/** Keys as a header can carry them (latin-1 without control characters), or none. */
const key = fc.option(fc.oneof(fc.constantFrom('1001', 'k'), fc.stringMatching(/^[\x20-\x7e\xa0-\xff]{0,260}$/)), { nil: undefined });

const STATUSES = new Set([202, 400, 404, 409, 413, 415]);

describe('fuzzing the intake webhook', () => {
  test.prop([fc.array(fc.record({ body, contentType, key }), { minLength: 1, maxLength: 8 })], params(fuzzRuns(300)))(
    'answers every request with 202 or a documented 4xx, and queues exactly what it accepted, valid',
    async (requests) => {
      const intake = new Intake(new SimClock());
      for (const r of requests) {
        const headers = new Headers();
        if (r.contentType !== undefined) headers.set('Content-Type', r.contentType);
        if (r.key !== undefined) headers.set('Idempotency-Key', r.key);
        const pending = intake.pending;
        const response = await getResponse(intakeHandlers(intake), new Request(`https://hooks.leadsim.test/intake/${r.body.entryPoint}`, { method: 'POST', headers, body: r.body.bytes as BodyInit }));
        expect(response).toBeDefined();
        expect(STATUSES).toContain(response!.status);
        const answer = (await response!.json()) as Record<string, unknown>;
        if (response!.status === 202) {
          expect(answer).toEqual({ eventId: expect.any(String), duplicate: expect.any(Boolean) });
          expect(intake.pending).toBe(pending + (answer['duplicate'] ? 0 : 1));
        } else {
          expect(answer).toMatchObject({ error: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/^Failed to /), issues: expect.any(Array) });
          expect(intake.pending).toBe(pending);
        }
      }
      for (const event of intake.received.values()) expect(parsePayload(event.entryPoint, event.payload).ok).toBe(true);
    },
  );

  test.prop([inboundEventArbitrary().chain((e) => fc.tuple(fc.constant(e.entryPoint), mutateJson(e.payload)))], params(fuzzRuns(40, 0.2)))(
    'every event the intake accepts ends processed, merged, rejected with a reason or parked: none crashes the pipeline',
    async ([entryPoint, payload]) => {
      const h = await createHarness({ seed: 9 });
      try {
        const response = await h.transport.send(
          new Request(`${h.transport.origins.intake}/intake/${entryPoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'fuzz-1' }, body: JSON.stringify(payload) }),
        );
        const traces = await h.drain();
        if (response.status !== 202) return void expect(traces).toEqual([]);
        expect(traces).toHaveLength(1);
        const outcome = traces[0]!.outcome;
        expect(outcome?.kind).toMatch(/^(created|merged|rejected|parked)$/);
        if (outcome?.kind === 'rejected' || outcome?.kind === 'parked') expect(outcome.reason.trim()).not.toBe('');
      } finally {
        await h.close();
      }
    },
  );
});
