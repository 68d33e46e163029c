import { resolveRef, substituteRefs } from './orgRef.ts';
import { isSharedToPrm, ownerLabel, sameFieldValue, showValue } from './personState.ts';
import type { ScenarioRun } from './runScenario.ts';

/** One checked expectation (or one event that could not be applied): what was expected, what the run ended with. */
export interface ExpectationCheck {
  /** The person key, or `events[i]` for an event problem. */
  readonly person: string;
  /** `owner`, `fields.<Field>`, `sharedToPrm`, `rejected`, or `event`. */
  readonly what: string;
  readonly ok: boolean;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Checks a scenario run's expectations against the CRM and PRM as the run ended, one check per owner, field,
 * PRM share and rejection; an event the run could not apply (a refused rep edit, a person that does not exist)
 * is a failed check too.
 */
export function checkExpectations(scenarioRun: ScenarioRun): ExpectationCheck[] {
  const { run, people, rejections, loaded } = scenarioRun;
  const world = run.world;
  const checks: ExpectationCheck[] = scenarioRun.problems.map((p) => ({ person: p.index >= 0 ? `events[${p.index}]` : 'events', what: 'event', ok: false, expected: `the ${p.kind} event to apply`, actual: p.message }));
  for (const [key, expectation] of Object.entries(loaded.scenario.expect)) {
    const person = people.get(key);
    const record = person ? world.crm.get(person.type, person.id) : undefined;
    const rejection = rejections.get(key);
    const missing = rejection !== undefined ? `rejected (${rejection})` : person ? `no live record (${person.type} ${person.id} was deleted)` : 'no record (the person was never created)';
    if (expectation.rejected !== undefined) {
      const ok = rejection !== undefined && rejection.toLowerCase().includes(expectation.rejected.toLowerCase());
      checks.push({ person: key, what: 'rejected', ok, expected: `rejected with a reason containing ${JSON.stringify(expectation.rejected)}`, actual: rejection !== undefined ? `rejected: ${rejection}` : `not rejected${person ? ` (${person.type} ${person.id})` : ''}` });
    }
    if (expectation.owner !== undefined) {
      const actual = record ? ownerLabel(world, record['OwnerId']) : null;
      checks.push({ person: key, what: 'owner', ok: record !== undefined && actual === expectation.owner, expected: expectation.owner, actual: record ? (actual ?? 'no owner') : missing });
    }
    for (const [field, raw] of Object.entries(expectation.fields ?? {})) {
      const expected = substituteRefs(raw, (kind, k) => resolveRef(world.ids, people, kind, k));
      const actual = record?.[field];
      checks.push({ person: key, what: `fields.${field}`, ok: record !== undefined && sameFieldValue(expected, actual), expected: showValue(raw), actual: record ? showValue(actual) : missing });
    }
    if (expectation.sharedToPrm !== undefined) {
      const shared = person !== undefined && isSharedToPrm(world, person.id);
      checks.push({ person: key, what: 'sharedToPrm', ok: shared === expectation.sharedToPrm, expected: expectation.sharedToPrm ? 'shared to the PRM' : 'not shared to the PRM', actual: shared ? 'shared to the PRM' : 'not shared to the PRM' });
    }
  }
  return checks;
}
