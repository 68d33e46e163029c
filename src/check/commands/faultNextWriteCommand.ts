import type { SystemName } from '../../../mocks/faults/faultPlan.ts';
import { afterStep } from '../afterStep.ts';
import { stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** The faults a pipeline must survive on one of its writes: applied but unanswered, never applied, a 5xx. */
export const WRITE_FAULTS = ['lostResponse', 'timeout', 'serverError'] as const;
export type WriteFault = (typeof WRITE_FAULTS)[number];

const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Aims a fault at one of the pipeline's next writes to a system (its `nth` POST, PUT, PATCH or DELETE there while it
 * handles a delivery, 0 the first): the answer is lost after the write is applied, the request times out unapplied,
 * or the system answers with its 5xx. A pipeline that retries a lost create by creating again makes a second lead;
 * one that gives up loses the event. For pipelines of yours, whose retries leadsim cannot see from inside.
 */
export class FaultNextWriteCommand implements SequenceCommand {
  constructor(
    readonly kind: WriteFault,
    readonly system: SystemName,
    readonly nth: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    stepTime(h);
    const faults = h.world.faults;
    if (!faults) return afterStep(model, real, `${this.toString()} → no fault injector in this world`);
    faults.aim({ kind: this.kind, skip: this.nth, match: (request, system) => system === this.system && WRITES.has(request.method) && h.world.deliveries.current !== undefined });
    afterStep(model, real, `${this.toString()} → aimed`);
  }

  toString(): string {
    return `fault(${this.kind} on the pipeline's ${ordinal(this.nth + 1)} ${this.system} write from now)`;
  }
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
