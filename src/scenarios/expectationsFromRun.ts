import type { Expectation } from './scenarioSchema.ts';
import { touchedPeople } from './personOutcome.ts';
import { isSharedToPrm, ownerLabel } from './personState.ts';
import type { ScenarioRun } from './runScenario.ts';

/** The fields a golden baseline pins for each person (the ones routing, qualification and compliance decide). */
export const GOLDEN_FIELDS = ['Status', 'CountryCode', 'Mailability__c', 'Lead_Acquisition_Source__c', 'Partner_Share_Status__c', 'Partner_Lead_Status__c', 'Prospect_Share_Status__c', 'Partner_Prospect_Status__c', 'High_Priority__c'] as const;

/**
 * What every person of a run ended as, written as expectations: a golden baseline. Owner, the golden fields that
 * are set (a contact's Status__c and MailingCountryCode stand in for Status and CountryCode), whether it is
 * shared to the PRM, or the rejection reason. People the run never touched (seeded and no event) are left out.
 */
export function expectationsFromRun(scenarioRun: ScenarioRun): Record<string, Expectation> {
  const { run, people, rejections } = scenarioRun;
  const world = run.world;
  const out: Record<string, Expectation> = {};
  for (const key of touchedPeople(scenarioRun)) {
    if (key.startsWith('event:')) continue;
    const rejection = rejections.get(key);
    if (rejection !== undefined) {
      out[key] = { rejected: rejection.replace(/^(rejected|parked) at \w+: /, '') };
      continue;
    }
    const person = people.get(key);
    const record = person ? world.crm.get(person.type, person.id) : undefined;
    if (!person || !record) continue;
    const fields: Record<string, string | number | boolean | null> = {};
    for (const field of GOLDEN_FIELDS) {
      const own = person.type === 'Contact' && field === 'Status' ? 'Status__c' : person.type === 'Contact' && field === 'CountryCode' ? 'MailingCountryCode' : field;
      const value = record[own];
      if (value === undefined || value === null || value === '' || value === false) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[own] = value;
    }
    const owner = ownerLabel(world, record['OwnerId']);
    out[key] = { ...(owner !== null ? { owner } : {}), fields, sharedToPrm: isSharedToPrm(world, person.id) };
  }
  return out;
}
