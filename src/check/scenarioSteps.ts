import type { ParsedPayload } from '../entrypoints/registry.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { LeadsimHarness } from '../simulation/createHarness.ts';
import { midRunCampaigns } from './midRunCampaigns.ts';

/** One step of a counterexample in the scenario file format (src/scenarios/scenarioSchema.ts, `events`). */
export type ScenarioStep = Readonly<Record<string, unknown>> & { readonly kind: string };

/** Simulated time between two steps of a property run (a scenario's default gap between events, too). */
export const STEP_GAP_MS = 60_000;

/**
 * Starts a step: moves the clock on by {@link STEP_GAP_MS} and returns the step's time as ms after the run's start,
 * the `at` of its scenario event, so a saved counterexample replays on the same timeline.
 */
export function stepTime(h: LeadsimHarness): number {
  h.world.clock.advance(STEP_GAP_MS);
  return h.world.clock.now() - h.startedAt;
}

/** The scenario key of a CRM person: its org key when seeded, else `person-<id>` (the key its inbound event names). */
export function personKey(h: LeadsimHarness, personId: string): string {
  for (const [key, ref] of h.world.ids.personIds) if (ref.id === personId) return key;
  return `person-${personId}`;
}

/** The org key of a seeded record (user, account), or its id when it was created during the run. */
export function orgKey(ids: ReadonlyMap<string, string>, id: string): string {
  for (const [key, value] of ids) if (value === id) return key;
  return id;
}

/** The key of a campaign: its org key when seeded, the key of the mid-run campaign with its name, else its id. */
export function campaignKey(h: LeadsimHarness, id: string): string {
  const seeded = orgKey(h.world.ids.campaignIds, id);
  if (seeded !== id) return seeded;
  const name = h.world.crm.get('Campaign', id)?.['Name'];
  return midRunCampaigns(h.world.org).find((c) => c.Name === name)?.key ?? id;
}

/** An inbound step at `at`: the delivery id, the payload, and the key of the person its trace created or merged into. */
export function inboundStep(h: LeadsimHarness, id: string, event: ParsedPayload, traces: readonly EventTrace[], at: number, handledPerson?: { readonly id: string }): ScenarioStep {
  const o = traces[0]?.outcome;
  const personId = o && (o.kind === 'created' || o.kind === 'merged') ? o.personId : handledPerson?.id;
  const person = personId ? personKey(h, personId) : undefined;
  return { at, kind: 'inbound', id, entryPoint: event.entryPoint, payload: event.payload, ...(person ? { person } : {}) };
}
