import { isLiveProspect } from '../systems/prm/prospectRules.ts';
import type { World } from '../world/world.ts';

/**
 * How a scenario file names an owner: a user's org key, `queue:<name>` for a queue, else the raw id (a user the
 * org spec does not define, e.g. the integration user).
 */
export function ownerLabel(world: World, ownerId: unknown): string | null {
  if (typeof ownerId !== 'string' || ownerId === '') return null;
  for (const [key, id] of world.ids.userIds) if (id === ownerId) return key;
  for (const [name, id] of world.ids.queueIds) if (id === ownerId) return `queue:${name}`;
  return ownerId;
}

/** Whether the person ends shared with the partner portal: an Impartner prospect for it that was not recalled. */
export function isSharedToPrm(world: World, personId: string): boolean {
  return world.impartner.records('Prospect').some((p) => p['CrmId'] === personId && isLiveProspect(p));
}

/** Empty values (`undefined`, `null`, `""`) compare equal, as Salesforce shows them all as blank. */
export function sameFieldValue(expected: unknown, actual: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(expected) || blank(actual)) return blank(expected) && blank(actual);
  return expected === actual;
}

/** A value for a report line: JSON for strings, `blank` for empty. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'blank';
  return JSON.stringify(value);
}
