import { describe, expect, test } from 'vitest';
import { checkInvariants, formatViolation, type InvariantId } from '../../src/invariants/index.ts';
import { DEFAULT_JOBS } from '../../src/pipeline/jobs/index.ts';
import { createHarness } from '../../src/simulation/createHarness.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { forgetfulRoute, overwritingUpsert, replaceJob } from './brokenPipelines.ts';

// The invariants brokenVariants.test.ts does not break through a pipeline: each here meets its own broken variant,
// and the sound pipeline on the same seed passes it.

const SEED = 2;
const LEADS = 150;

function violations(run: RunRecord, id: InvariantId): string[] {
  return checkInvariants(run, { only: [id] }).violations.map((v) => formatViolation(v));
}

describe('the remaining invariants each catch a deliberately broken pipeline', () => {
  test('update-never-blanks catches an upsert that overwrites filled fields with blanks', async () => {
    const sound = await simulate({ seed: SEED, leads: LEADS });
    const broken = await simulate({ seed: SEED, leads: LEADS, jobs: replaceJob(overwritingUpsert) });
    expect(violations(sound, 'update-never-blanks')).toEqual([]);
    const found = violations(broken, 'update-never-blanks');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/Title|Phone/);
  });

  test('every-person-owned catches a pipeline without its route job (leads stay with the integration user)', async () => {
    const sound = await simulate({ seed: SEED, leads: 60 });
    const broken = await simulate({ seed: SEED, leads: 60, jobs: DEFAULT_JOBS.filter((j) => j.name !== 'route') });
    expect(violations(sound, 'every-person-owned')).toEqual([]);
    const found = violations(broken, 'every-person-owned');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toContain('Integration User');
  });

  test('round-robin-fair catches a route job that forgets whose turn it is', async () => {
    const sound = await simulate({ seed: SEED, leads: LEADS });
    const broken = await simulate({ seed: SEED, leads: LEADS, jobs: replaceJob(forgetfulRoute) });
    expect(violations(sound, 'round-robin-fair')).toEqual([]);
    expect(violations(broken, 'round-robin-fair').length).toBeGreaterThan(0);
  });

  test('no-event-lost catches a consumer that takes an accepted event off the intake and drops it', async () => {
    const h = await createHarness({ seed: SEED });
    const chat = { type: 'conversation.lead_captured' as const, data: { conversationId: 1, contact: { email: 'dropped@fresh-domain.example' } } };
    await h.deliver({ entryPoint: 'chat', payload: { ...chat, data: { ...chat.data, conversationId: 2, contact: { email: 'kept@fresh-domain.example' } } } });
    expect(violations(h.record(), 'no-event-lost')).toEqual([]);
    await h.send({ entryPoint: 'chat', payload: chat });
    h.world.intake.take(); // dropped: never processed, no outcome
    const found = violations(h.record(), 'no-event-lost');
    await h.close();
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('Event chat:evt-000002 (chat) was accepted and has 0 traces; expected exactly one');
    expect(found[1]).toContain('The intake accepted 2 events, but 1 created + 0 merged + 0 rejected + 0 parked = 1');
  });

  test('redelivery-idempotent catches an intake that processes a repeated delivery again', async () => {
    const h = await createHarness({ seed: SEED });
    const first = await h.deliver({ entryPoint: 'chat', payload: { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'twice@fresh-domain.example' } } } });
    const sound = h.record();
    expect(violations(sound, 'redelivery-idempotent')).toEqual([]);
    // The broken intake: the repeat is processed as if it were new.
    const event = h.world.intake.find('chat', first.id)!;
    const again = await h.pipeline.process(event);
    const broken: RunRecord = { ...sound, traces: [...sound.traces, again], redelivered: [event.id] };
    await h.close();
    const found = violations(broken, 'redelivery-idempotent');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`Event chat:${first.id} was processed 2 times`);
  });
});
