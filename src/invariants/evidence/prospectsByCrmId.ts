import type { RunRecord } from '../../simulation/runRecord.ts';
import type { PrmRecord } from '../../systems/prm/prmValues.ts';

/** A person's Impartner prospects (those whose `CrmId` is the person's id), none when it has none. */
export type ProspectsOf = (personId: string) => readonly PrmRecord[];

/** The run's Impartner prospects by the CRM person they share, grouped once per check (a scan per person is quadratic). */
export function prospectsByCrmId(run: RunRecord): ProspectsOf {
  const byCrmId = new Map<unknown, PrmRecord[]>();
  for (const p of run.world.impartner.records('Prospect')) {
    const list = byCrmId.get(p['CrmId']);
    if (list) list.push(p);
    else byCrmId.set(p['CrmId'], [p]);
  }
  return (personId) => byCrmId.get(personId) ?? [];
}
