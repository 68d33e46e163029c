import { isLiveProspect } from '../systems/prm/prospectRules.ts';
import type { RunRecord } from '../simulation/runRecord.ts';

/** The people a run routed, counted once each by the owner they end with, and how many of them a partner sees. */
export interface RoutedPeople {
  /** Live people (not converted, not deleted) a route step of this run wrote an owner for. */
  readonly people: number;
  /** Of them, by the queue that owns them now. */
  readonly queues: Readonly<Record<string, number>>;
  /** Of them, owned by a user now, by the user's region (`no region` for a user without one). */
  readonly regions: Readonly<Record<string, number>>;
  /** Of them, those with a live (not recalled) PRM prospect. */
  readonly sharedToPrm: number;
}

/**
 * Counts the people a run routed (inbound events and routing re-runs) by their owner at the end of the run, each
 * person once however often it was routed: `people` = Σ `queues` + Σ `regions`.
 */
export function routedPeople(run: RunRecord): RoutedPeople {
  const crm = run.world.crm;
  const ids = new Set<string>();
  for (const trace of [...run.traces, ...(run.reruns ?? [])]) {
    for (const step of trace.steps) {
      if (step.job !== 'route' || (step.output as { owner?: unknown } | null)?.owner === undefined) continue;
      const id = (step.input as { person?: { Id?: unknown } } | null)?.person?.Id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  const live = new Set<string>();
  for (const p of run.world.impartner.records('Prospect')) if (isLiveProspect(p) && typeof p['CrmId'] === 'string') live.add(p['CrmId']);
  const queues: Record<string, number> = {};
  const regions: Record<string, number> = {};
  let people = 0;
  let sharedToPrm = 0;
  for (const id of ids) {
    const person = crm.byId(id)?.record;
    if (!person || person['IsDeleted'] === true || person['IsConverted'] === true) continue;
    const owner = crm.byId(String(person['OwnerId']))?.record;
    const key = owner?.['Type'] === 'Queue' ? String(owner['Name']) : undefined;
    if (key !== undefined) queues[key] = (queues[key] ?? 0) + 1;
    else {
      const region = String(owner?.['Region__c'] ?? 'no region');
      regions[region] = (regions[region] ?? 0) + 1;
    }
    people += 1;
    if (live.has(id)) sharedToPrm += 1;
  }
  return { people, queues, regions, sharedToPrm };
}
