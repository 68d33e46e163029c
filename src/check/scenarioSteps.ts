import type { ParsedPayload } from '../entrypoints/registry.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { LeadsimHarness } from '../simulation/createHarness.ts';

/** One step of a counterexample in the scenario file format (src/scenarios/scenarioSchema.ts, `events`). */
export type ScenarioStep = Readonly<Record<string, unknown>> & { readonly kind: string };

/** The scenario key of a CRM person: its org key when seeded, else `person-<id>` (the key its inbound event names). */
export function personKey(h: LeadsimHarness, personId: string): string {
  for (const [key, ref] of h.world.ids.personIds) if (ref.id === personId) return key;
  return `person-${personId}`;
}

/** The org key of a seeded record (user, campaign), or its id when it was created during the run. */
export function orgKey(ids: ReadonlyMap<string, string>, id: string): string {
  for (const [key, value] of ids) if (value === id) return key;
  return id;
}

/** An inbound step: the delivery id, the payload, and the key of the person its trace created or merged into. */
export function inboundStep(h: LeadsimHarness, id: string, event: ParsedPayload, traces: readonly EventTrace[]): ScenarioStep {
  const o = traces[0]?.outcome;
  const person = o && (o.kind === 'created' || o.kind === 'merged') ? personKey(h, o.personId) : undefined;
  return { kind: 'inbound', id, entryPoint: event.entryPoint, payload: event.payload, ...(person ? { person } : {}) };
}
