import type { ParsedPayload } from '../../entrypoints/registry.ts';
import { keyedEventId } from '../../pipeline/intake.ts';
import { afterStep } from '../afterStep.ts';
import { inboundStep, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';
import { describeEvent } from './describeEvent.ts';

/**
 * Two webhooks queued in order (the first gets the earlier idempotency key) and delivered in reverse: the second
 * arrives and is processed first.
 */
export class OutOfOrderDeliveryCommand implements SequenceCommand {
  constructor(
    readonly first: ParsedPayload,
    readonly second: ParsedPayload,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const firstId = h.nextEventId();
    const secondId = h.nextEventId();
    await h.send({ ...this.second, id: secondId } as ParsedPayload & { id: string });
    await h.send({ ...this.first, id: firstId } as ParsedPayload & { id: string });
    const traces = await h.drain();
    const of = (event: ParsedPayload, id: string) => traces.filter((t) => t.eventId === keyedEventId(event.entryPoint, id));
    real.steps.push(inboundStep(h, secondId, this.second, of(this.second, secondId), at));
    real.steps.push(inboundStep(h, firstId, this.first, of(this.first, firstId), at));
    afterStep(model, real, `${this.toString()} → ${secondId} then ${firstId}: ${traces.map((t) => `${t.eventId} ${t.outcome?.kind ?? 'no outcome'}`).join(', ')}`, traces);
  }

  toString(): string {
    return `outOfOrder(${describeEvent(this.first)}, ${describeEvent(this.second)})`;
  }
}
