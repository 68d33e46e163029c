import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { afterStep } from '../afterStep.ts';
import { stepTime, type ScenarioStep } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** What an action did: the text its log line gives after the arrow, and the scenario step (without `at`) that replays it. */
export interface ActionOutcome {
  readonly detail: string;
  /** Absent when the action found nothing to act on or changed nothing a scenario replays. */
  readonly step?: ScenarioStep;
}

/**
 * A command of the model-based check that is a rep's or an admin's action, one of the actions scenarios replay
 * (src/simulation/actions): always applicable; it starts a step (the simulated clock moves on), acts, records the
 * scenario step at that time and ends with {@link afterStep}, logging `<command> → <detail>`.
 */
export abstract class ActionCommand implements SequenceCommand {
  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const at = stepTime(real.harness);
    const { detail, step } = await this.act(real.harness);
    if (step) real.steps.push({ at, ...step });
    afterStep(model, real, `${this.toString()} → ${detail}`);
  }

  /** Does the action. Throws (`refused`) when the systems refuse a change a rep or an admin may make. */
  protected abstract act(h: LeadsimHarness): Promise<ActionOutcome>;

  abstract toString(): string;
}
