import { keyedEventId } from '../../pipeline/intake.ts';
import { afterStep } from '../afterStep.ts';
import { stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/**
 * A webhook delivered again with the same idempotency key (the `pick`-th accepted event): at-least-once delivery.
 * The intake must acknowledge and ignore it.
 */
export class DuplicateDeliveryCommand implements SequenceCommand {
  constructor(readonly pick: number) {}

  check(model: Readonly<SequenceModel>): boolean {
    return model.accepted.length > 0;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    stepTime(real.harness);
    const id = model.accepted[this.pick % model.accepted.length]!;
    const traces = await real.harness.redeliver(id);
    // A scenario delivers a webhook twice as one step: mark the original delivery as repeated.
    const index = real.steps.findIndex((s) => s.kind === 'inbound' && keyedEventId(String(s['entryPoint']), String(s['id'])) === id);
    if (index >= 0) real.steps[index] = { ...real.steps[index]!, repeat: true };
    afterStep(model, real, `${this.toString()} → ${id}`, traces);
  }

  toString(): string {
    return `duplicateDelivery(#${this.pick})`;
  }
}
