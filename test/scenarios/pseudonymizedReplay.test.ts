import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { Rng } from '../../src/core/random.ts';
import { inboundEventArbitrary } from '../../src/generators/inboundEventArbitrary.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { recordScenario } from '../../src/scenarios/recordScenario.ts';
import type { Expectation, ScenarioInput } from '../../src/scenarios/scenarioSchema.ts';
import { propParameters } from '../../src/testing/index.ts';
import { worldHintsFor } from '../../src/testing/orgArbitrary.ts';

const SEED = 7;
const ORG = generateOrg(new Rng(SEED).fork('org'));
const HINTS = worldHintsFor({ seed: SEED, org: ORG });

/**
 * What a person ended as, with the personal data a reason quotes blanked out: created or merged (its record's
 * owner, golden fields, PRM share) or rejected (the reason's kind).
 */
function outcomes(scenario: ScenarioInput): { people: (string | undefined)[]; expect: Record<string, Expectation> } {
  const expect = Object.fromEntries(Object.entries(scenario.expect ?? {}).map(([person, e]) => [person, e.rejected !== undefined ? { ...e, rejected: e.rejected.replace(/"[^"]*"/g, '"…"').replace(/(invalid email address:).*$/, '$1 …').replace(/\S*\s?@+\s?\S*/g, '…@…') } : e]));
  return { people: (scenario.events ?? []).map((e) => (e.kind === 'inbound' ? e.person : undefined)), expect };
}

test.prop([fc.array(inboundEventArbitrary(HINTS), { minLength: 1, maxLength: 8 })], propParameters(10))(
  'replaying the pseudonymized recording gives every person the same outcome as the raw one (created, merged or rejected and why; owner; fields; PRM share)',
  async (events) => {
    const traffic = events.map((e) => ({ entryPoint: e.entryPoint, payload: e.payload }));
    const raw = await recordScenario({ name: 'raw', seed: SEED, org: ORG, events: traffic, pseudonymize: false });
    const pseudonymized = await recordScenario({ name: 'pseudonymized', seed: SEED, org: ORG, events: traffic, pseudonymKey: 'property-test-key-0123456789' });
    expect(JSON.stringify(pseudonymized.events)).not.toBe(JSON.stringify(raw.events));
    expect(outcomes(pseudonymized)).toEqual(outcomes(raw));
  },
  120_000,
);
