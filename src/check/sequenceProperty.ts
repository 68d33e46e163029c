import fc from 'fast-check';
import { sequenceCommandArbitraries, type SequenceCommandKind } from './commands/index.ts';
import { type CheckWorld, openCheckHarness } from './checkWorld.ts';
import { emptyModel, type SequenceCommand } from './sequenceModel.ts';
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
  const commands = fc.commands([...sequenceCommandArbitraries(w.hints, options.kinds), ...witnessCommandArbitraries(w.hints, options.kinds)], { maxCommands: options.maxCommands ?? 15, ...(options.replayPath ? { replayPath: options.replayPath } : {}) });
  return fc.asyncProperty(commands, async (cmds) => {
    const harness = await openCheckHarness(w);
    try {
      await fc.asyncModelRun(() => ({ model: emptyModel(), real: { harness, log: [], steps: [], ...(w.only ? { only: w.only } : {}) } }), cmds);
    } finally {
      w.observe?.(harness.record());
      await harness.close();
    }
  });
}
