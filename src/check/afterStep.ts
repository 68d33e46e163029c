import { normalizedEmail } from '../invariants/noDuplicates.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import { assertStepHolds } from './invariantFailure.ts';
import type { SequenceModel, SequenceReal } from './sequenceModel.ts';

/**
 * Ends every command: logs what it did, moves the model on with the traces it caused, compares model and world
 * (every accepted event once, an email's person stays its person), then checks the invariants.
 */
export function afterStep(model: SequenceModel, real: SequenceReal, line: string, traces: readonly EventTrace[] = []): void {
  real.log.push(line);
  if (real.harness.underTest) return afterDeliveryStep(real, line);
  const crm = real.harness.world.crm;
  for (const trace of traces) {
    if (model.accepted.includes(trace.eventId)) throw new Error(`After step ${real.log.length} (${line}): event ${trace.eventId} was processed again; expected each accepted event to be processed once.`);
    model.accepted.push(trace.eventId);
    const o = trace.outcome;
    if (o === undefined || (o.kind !== 'created' && o.kind !== 'merged')) continue;
    const email = normalizedEmail(crm.get(o.personType, o.personId)?.['Email']);
    if (email === undefined) continue;
    const before = model.people.get(email);
    if (before !== undefined && before !== o.personId && isLive(real, before)) {
      throw new Error(`After step ${real.log.length} (${line}): event ${trace.eventId} for ${email} ${o.kind} ${o.personType} ${o.personId}, but ${before} is that email's person; expected the pipeline to find it.`);
    }
    model.people.set(email, o.personId);
  }
  const received = real.harness.world.intake.received;
  if (received.size !== model.accepted.length || model.accepted.some((id) => !received.has(id))) {
    throw new Error(`After step ${real.log.length} (${line}): the intake accepted ${received.size} events and ${model.accepted.length} were processed; expected every accepted event to be processed once.`);
  }
  assertStepHolds(real);
}

/**
 * The model of a pipeline of yours, which leaves no traces: every event the intake accepted was handed to it and
 * answered (the invariants judge the rest from the evidence), then the invariants.
 */
function afterDeliveryStep(real: SequenceReal, line: string): void {
  const world = real.harness.world;
  const answered = new Set(world.deliveries.handlings.filter((h) => h.answer !== undefined).map((h) => h.id));
  const waiting = [...world.intake.received.keys()].filter((id) => !answered.has(id));
  if (waiting.length > 0) throw new Error(`After step ${real.log.length} (${line}): events ${waiting.join(', ')} were accepted and never handed to the pipeline; expected every accepted event to be delivered.`);
  assertStepHolds(real);
}

/** Whether `personId` is still a live person (not converted, not deleted). */
function isLive(real: SequenceReal, personId: string): boolean {
  const found = real.harness.world.crm.byId(personId);
  return found !== undefined && found.record['IsDeleted'] !== true && found.record['IsConverted'] !== true;
}
