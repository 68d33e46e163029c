import type { PathStep } from '../routing/route.ts';
import { renderPath } from '../routing/renderPath.ts';
import { isSharedToPrm, ownerLabel } from './personState.ts';
import type { ScenarioRun } from './runScenario.ts';

/** What happened to one person in a scenario run, as the diff compares it. */
export interface PersonOutcome {
  readonly person: string;
  /** `Lead 00Q…` / `Contact 003…`, or null when the person was never created. */
  readonly record: string | null;
  /** The owner: a user key, `queue:<name>`, or null. */
  readonly owner: string | null;
  /** Field updates routing made (the graph's `update` nodes), last value per field; OwnerId is `owner`. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly sharedToPrm: boolean;
  /** Why its last inbound event was rejected, parked or refused, or null. */
  readonly rejected: string | null;
  /** The graph path of each routing of the person, in order: `isRerun(no) → … → assignInquiryQueue`. */
  readonly paths: readonly string[];
}

/** The person keys a run did something to: inbound events' people and the people later events name. */
export function touchedPeople(scenarioRun: ScenarioRun): string[] {
  const keys = new Set([...scenarioRun.traces.keys(), ...scenarioRun.rejections.keys()]);
  for (const e of scenarioRun.loaded.scenario.events) {
    if (e.kind === 'inbound') keys.add(e.person ?? `event:${e.id}`);
    else if ('person' in e) keys.add(e.person);
  }
  return [...keys];
}

/**
 * The fields a diff compares from the records when a pipeline of yours is on either side (it leaves no route steps to
 * read its changes from): what routing and compliance decide, beside the owner.
 */
export const RECORD_OUTCOME_FIELDS = ['Status', 'Status__c', 'Mailability__c', 'Partner_Share_Status__c', 'Partner_Lead_Status__c', 'Prospect_Share_Status__c', 'Partner_Prospect_Status__c'] as const;

/** Options of {@link personOutcomes}. */
export interface PersonOutcomeOptions {
  /** Read `fields` from the final records ({@link RECORD_OUTCOME_FIELDS}) instead of the route steps' changes. */
  readonly fromRecords?: boolean;
}

/** Every touched person's outcome, by person key. */
export function personOutcomes(scenarioRun: ScenarioRun, options: PersonOutcomeOptions = {}): Map<string, PersonOutcome> {
  const world = scenarioRun.run.world;
  const out = new Map<string, PersonOutcome>();
  for (const key of touchedPeople(scenarioRun)) {
    const person = scenarioRun.people.get(key);
    const record = person ? world.crm.get(person.type, person.id) : undefined;
    const fields: Record<string, unknown> = {};
    const paths: string[] = [];
    for (const trace of scenarioRun.traces.get(key) ?? []) {
      for (const step of trace.steps) {
        if (step.job !== 'route') continue;
        const output = step.output as { changes?: Record<string, unknown>; path?: readonly PathStep[]; decision?: { path?: readonly PathStep[] } } | null;
        for (const [field, value] of Object.entries(output?.changes ?? {})) if (field !== 'OwnerId') fields[field] = value;
        const path = output?.path ?? output?.decision?.path;
        if (path) paths.push(renderPath(path));
      }
    }
    if (options.fromRecords) {
      for (const field of Object.keys(fields)) delete fields[field];
      for (const field of RECORD_OUTCOME_FIELDS) if (record && record[field] !== undefined && record[field] !== null) fields[field] = record[field];
    }
    // Routed in Salesforce: the CRM's log of assignment rule runs holds the paths.
    if (paths.length === 0 && person) for (const run of world.crm.assignmentRules.log(person.id)) paths.push(`${run.rule}: ${run.path}`);
    out.set(key, {
      person: key,
      record: person && record ? `${person.type} ${person.id}` : null,
      owner: record ? ownerLabel(world, record['OwnerId']) : null,
      fields,
      sharedToPrm: person !== undefined && isSharedToPrm(world, person.id),
      rejected: scenarioRun.rejections.get(key) ?? null,
      paths,
    });
  }
  return out;
}
