import type { SRecord } from '../systems/crm/recordSource.ts';
import type { LeadsimHarness } from '../simulation/createHarness.ts';

/** Fails a command whose change a real org would accept: the simulator or the pipeline broke. */
export function refused(result: { readonly problem: string }): Error {
  return new Error(`Failed to make a valid change: ${result.problem}. A rep's or an admin's valid change must be accepted.`);
}

/** The `pick`-th lead that is not converted (wrapping around); undefined when there is none. */
export function pickOpenLead(h: LeadsimHarness, pick: number): SRecord | undefined {
  const leads = [...h.world.crm.records('Lead')].filter((l) => l['IsConverted'] !== true);
  return leads[pick % leads.length];
}
