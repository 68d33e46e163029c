import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { afterStep } from '../../src/check/afterStep.ts';
import { checkWorld, openCheckHarness } from '../../src/check/checkWorld.ts';
import { CountryChangeRerunCommand, DuplicateDeliveryCommand, InboundEventCommand, sequenceCommandArbitraries } from '../../src/check/commands/index.ts';
import { emptyModel, type SequenceReal } from '../../src/check/sequenceModel.ts';
import { inboundEventArbitrary } from '../../src/generators/inboundEventArbitrary.ts';
import { propParameters } from '../../src/testing/propRuns.ts';

const world = checkWorld(3);

describe('model-based sequences', () => {
  // 15 runs of up to 15 commands by default; LEADSIM_PROP_RUNS turns it up (and LEADSIM_SEED replays a seed).
  test.prop([fc.commands(sequenceCommandArbitraries(world.hints), { maxCommands: 15 })], propParameters(15))(
    'inbound events, rep edits, re-runs, recalls, member status, conversions, duplicate and out-of-order deliveries keep every invariant after every step',
    async (cmds) => {
      const harness = await openCheckHarness(world);
      try {
        await fc.asyncModelRun(() => ({ model: emptyModel(), real: { harness, log: [], steps: [] } }), cmds);
      } finally {
        await harness.close();
      }
    },
  );

  test('a duplicate delivery is ignored: the model and the intake still count each event once', async () => {
    const harness = await openCheckHarness(world);
    const real: SequenceReal = { harness, log: [], steps: [] };
    const model = emptyModel();
    const [event] = fc.sample(inboundEventArbitrary(world.hints, { weights: { chat: 1 } }), { seed: 5, numRuns: 1 });
    await new InboundEventCommand(event!).run(model, real);
    await new DuplicateDeliveryCommand(0).run(model, real);
    expect(model.accepted).toEqual(['chat:evt-000001']);
    expect(harness.record().redelivered).toEqual(['chat:evt-000001']);
    expect(real.steps).toMatchObject([{ at: 60_000, kind: 'inbound', id: 'evt-000001', repeat: true }]);
    expect(real.log[1]).toBe('duplicateDelivery(#0) → chat:evt-000001');
    await harness.close();
  });

  test('a country change with Rerun_Routing__c re-runs routing, clears the flag and logs the owner move', async () => {
    const harness = await openCheckHarness(world);
    const real: SequenceReal = { harness, log: [], steps: [] };
    await new CountryChangeRerunCommand(0, 'JP').run(emptyModel(), real);
    const lead = [...harness.world.crm.records('Lead')][0]!;
    expect(lead['CountryCode']).toBe('JP');
    expect(lead['Rerun_Routing__c']).toBe(false);
    expect(harness.reruns).toHaveLength(1);
    expect(harness.reruns[0]!.steps.map((s) => s.job)).toEqual(['matchAccount', 'route']);
    // The re-run's owner write is in its trace, like any job's calls.
    expect(harness.reruns[0]!.steps[1]!.calls.map((c) => `${c.method} ${c.path.split('/').slice(-2, -1)[0]}`)).toContain('PATCH Lead');
    expect(real.log[0]).toMatch(/^countryChange\(#0, JP\) \+ rerun → Lead 00Q\w+ by 005\w+: Country, CountryCode, Rerun_Routing__c; re-run owner \w+ → \w+$/);
    expect(real.steps).toEqual([{ at: 60_000, kind: 'countryChange', person: expect.any(String), country: 'Japan', rerun: true, as: expect.any(String) }]);
    await harness.close();
  });

  test('the model catches an event processed twice', async () => {
    const harness = await openCheckHarness(world);
    const real: SequenceReal = { harness, log: [], steps: [] };
    const model = emptyModel();
    const [event] = fc.sample(inboundEventArbitrary(world.hints, { weights: { chat: 1 } }), { seed: 6, numRuns: 1 });
    const delivery = await harness.deliver(event!);
    afterStep(model, real, 'first', delivery.traces);
    expect(() => afterStep(model, real, 'again', delivery.traces)).toThrow('After step 2 (again): event chat:evt-000001 was processed again; expected each accepted event to be processed once.');
    await harness.close();
  });
});
