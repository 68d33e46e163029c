import type { Decision } from '../routing/route.ts';
import type { RoundRobinState } from '../routing/roundRobin.ts';
import type { RoutingPerson } from '../routing/routingContext.ts';

/**
 * What a routing decision does to the world, as a canonical string: the owner, the field updates that change the
 * person, whether it is shared to the PRM and the round-robin turns; or that routing failed and why. Two decisions
 * with the same outcome leave the same world, whatever path they took.
 */
export function routingOutcome(decision: Decision, person: RoutingPerson): string {
  if (!decision.ok) return JSON.stringify({ failed: decision.reason });
  const updates = Object.entries(decision.fieldUpdates)
    .filter(([field, value]) => person[field] !== value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ owner: decision.owner.id, updates, sharePrm: decision.sharePrm, roundRobin: sortKeys(decision.roundRobin) });
}

/**
 * What a decision did, for people: `owner queue "Partner Queue", sets Partner_Share_Status__c = "Pending", shared to
 * the PRM`, and `a round-robin turn` when it took one (from the state `before`).
 */
export function describeOutcome(decision: Decision, person: RoutingPerson, before: RoundRobinState = {}): string {
  if (!decision.ok) return `routing fails (${decision.reason})`;
  const updates = Object.entries(decision.fieldUpdates).filter(([field, value]) => person[field] !== value);
  const turn = JSON.stringify(sortKeys(decision.roundRobin)) !== JSON.stringify(sortKeys(before));
  return [`owner ${decision.owner.kind} ${JSON.stringify(decision.owner.name)}${turn ? ' (a round-robin turn)' : ''}`, ...updates.map(([f, v]) => `sets ${f} = ${JSON.stringify(v)}`), ...(decision.sharePrm ? ['shared to the PRM'] : [])].join(', ');
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
}
