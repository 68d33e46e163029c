import fc from 'fast-check';
import type { ParsedPayload } from '../entrypoints/registry.ts';
import { ENTRY_POINTS, type EntryPoint } from '../model/entryPointId.ts';
import { payloadArbitrary } from './payloadArbitrary.ts';
import { SAMPLE_WORLD_HINTS, type WorldHints } from './worldHints.ts';

/** How often each entry point fires, relative to the others, in a generated inbound stream. */
export const ENTRY_POINT_WEIGHTS: Readonly<Record<EntryPoint, number>> = {
  'web-form': 30,
  chat: 10,
  'ad-vendor': 15,
  'list-upload': 15,
  'sales-created': 10,
  'partner-portal': 10,
  'trial-sign-up': 10,
};

/** Options of {@link inboundEventArbitrary}. */
export interface InboundEventOptions {
  /** Relative weights per entry point; an entry point with weight 0 (or left out of a partial map) never fires. */
  weights?: Partial<Record<EntryPoint, number>>;
}

/**
 * Inbound events across the seven entry points (weighted by {@link ENTRY_POINT_WEIGHTS} unless `options.weights`
 * says otherwise), each `{ entryPoint, payload }`, ready for `transformPayload` or for an event id and the intake.
 */
export function inboundEventArbitrary(world: WorldHints = SAMPLE_WORLD_HINTS, options: InboundEventOptions = {}): fc.Arbitrary<ParsedPayload> {
  const weights = options.weights ?? ENTRY_POINT_WEIGHTS;
  const choices = ENTRY_POINTS
    .filter((id) => (weights[id] ?? 0) > 0)
    .map((id) => ({ arbitrary: eventOf(id, world), weight: weights[id] ?? 0 }));
  if (choices.length === 0) throw new RangeError('Failed to generate inbound events: every entry point has weight 0. Give at least one a positive weight.');
  return fc.oneof(...choices);
}

function eventOf<K extends EntryPoint>(entryPoint: K, world: WorldHints): fc.Arbitrary<ParsedPayload> {
  return payloadArbitrary(entryPoint, world).map((payload) => ({ entryPoint, payload }) as ParsedPayload);
}
