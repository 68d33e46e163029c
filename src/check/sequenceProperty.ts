import fc from 'fast-check';
import { sequenceCommandArbitraries, type SequenceCommandKind } from './commands/index.ts';
import { type CheckWorld, openCheckHarness } from './checkWorld.ts';
import type { ScenarioStep } from './scenarioSteps.ts';
import { emptyModel, type SequenceCommand, type SequenceReal } from './sequenceModel.ts';
import { witnessCommandArbitraries } from './witnessCommands.ts';

/** Options of {@link sequenceProperty}. */
export interface SequencePropertyOptions {
  /** Most commands per run (default 15). */
  readonly maxCommands?: number;
  /** The command kinds to draw from (default: all). */
  readonly kinds?: readonly SequenceCommandKind[];
  /** fast-check's replay path of a reported sequence (with the seed and path, replays exactly that case). */
  readonly replayPath?: string;
}

/**
 * The model-based property: a random sequence of inbound events, rep edits, country changes with re-runs,
 * recalls, member status changes, conversions, duplicate and out-of-order deliveries, and Sales Systems' mid-run
 * changes (a rep deactivated, active again, out of office or back; a new campaign; an account's BDR), run against a
 * fresh world with `fc.asyncModelRun`; the invariants (and the model) hold after every step. Every command acts
 * through the same action (src/simulation/actions) a scenario replays, and records its step with its time, so a
 * saved counterexample replays to the same violation.
 */
export function sequenceProperty(w: CheckWorld, options: SequencePropertyOptions = {}): fc.IAsyncProperty<[Iterable<SequenceCommand>]> {
  return fc.asyncProperty(sequenceArbitrary(w, options), async (cmds) => {
    await runSequence(w, cmds);
  });
}

/** The command sequences of the model-based property: the check's commands and those aimed at routing witnesses. */
export function sequenceArbitrary(w: CheckWorld, options: SequencePropertyOptions = {}): fc.Arbitrary<Iterable<SequenceCommand>> {
  return fc.commands([...sequenceCommandArbitraries(w.hints, options.kinds), ...witnessCommandArbitraries(w.hints, options.kinds)], { maxCommands: options.maxCommands ?? 15, ...(options.replayPath ? { replayPath: options.replayPath } : {}) });
}

/**
 * Runs one command sequence the way the property does, in a fresh world, checking the model and the invariants
 * after every step (throws when one breaks). Returns the steps the commands took, in the scenario file format.
 */
export async function runSequence(w: CheckWorld, cmds: Iterable<SequenceCommand>): Promise<ScenarioStep[]> {
  const harness = await openCheckHarness(w);
  const real: SequenceReal = { harness, log: [], steps: [], ...(w.only ? { only: w.only } : {}) };
  try {
    await fc.asyncModelRun(() => ({ model: emptyModel(), real }), cmds);
    return real.steps;
  } finally {
    w.observe?.(harness.record());
    await harness.close();
  }
}
