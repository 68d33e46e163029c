import fc from 'fast-check';
import { witnessEventArbitrary } from '../generators/graph/witnessEventArbitrary.ts';
import type { WorldHints } from '../generators/worldHints.ts';
import { CountryChangeRerunCommand, InboundEventCommand, SEQUENCE_COMMAND_KINDS, type SequenceCommandKind } from './commands/index.ts';
import type { SequenceCommand } from './sequenceModel.ts';

/**
 * Commands aimed at the routing witnesses of the graph under test (graph-aware generation), added to the model-based
 * check's own: inbound events that reach a witness (see `witnessEventArbitrary`), and country changes with a routing
 * re-run on the lead a re-run witness needs. Only for the kinds asked for (inbound, countryChangeRerun).
 */
export function witnessCommandArbitraries(hints: WorldHints, kinds: readonly SequenceCommandKind[] = SEQUENCE_COMMAND_KINDS): fc.Arbitrary<SequenceCommand>[] {
  const out: fc.Arbitrary<SequenceCommand>[] = [];
  const inbound = witnessEventArbitrary(hints);
  if (inbound && kinds.includes('inbound')) out.push(inbound.map((event) => new InboundEventCommand(event)));
  const reruns = (hints.witnesses ?? []).filter((w) => w.kind === 'rerun' && w.leadIndex !== undefined);
  if (reruns.length > 0 && kinds.includes('countryChangeRerun')) out.push(fc.constantFrom(...reruns).map((w) => new CountryChangeRerunCommand(w.leadIndex as number, w.country ?? 'US')));
  return out;
}
