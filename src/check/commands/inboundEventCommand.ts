import type { ParsedPayload } from '../../entrypoints/registry.ts';
import { afterStep } from '../afterStep.ts';
import { inboundStep, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';
import { describeEvent } from './describeEvent.ts';

/** An inbound event from any entry point, delivered the production way and processed. */
export class InboundEventCommand implements SequenceCommand {
  readonly event: ParsedPayload;

  constructor(event: ParsedPayload) {
    this.event = event;
  }

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const at = stepTime(real.harness);
    const delivery = await real.harness.deliver(this.event);
    real.steps.push(inboundStep(real.harness, delivery.id, this.event, delivery.traces, at, delivery.handled[0]?.person));
    const outcome = delivery.blocked
      ? `blocked: ${delivery.blocked.reason}`
      : (delivery.traces.length > 0 ? delivery.traces.map((t) => `${t.eventId} ${t.outcome?.kind ?? 'no outcome'}`) : delivery.handled.map((d) => `${d.id} ${d.answer.kind}${d.person ? ` ${d.person.type} ${d.person.id}` : ''}`)).join(', ') || 'nothing queued';
    afterStep(model, real, `${this.toString()} → ${outcome}`, delivery.traces);
  }

  toString(): string {
    return `inbound(${describeEvent(this.event)})`;
  }
}
