import type { Delivery, Handling } from '../../evidence/deliveryLog.ts';
import type { PersonRef, RunEvidence } from '../../evidence/runEvidence.ts';

/** How the pipeline last answered one delivery id, and the person its email names when that handling ended. */
export interface FinalAnswer {
  /** The first delivery made with the id. */
  readonly delivery: Delivery;
  /** The id's last handling that was not an acknowledged repeat (the first delivery's when every later one was). */
  readonly handling: Handling;
  /** The live person with the delivery's email at the end of that handling (undefined for an invalid email). */
  readonly person: PersonRef | undefined;
}

const cache = new WeakMap<RunEvidence, FinalAnswer[]>();

/** Every delivery id the pipeline handled, with its last answer, in delivery order (cached per run's evidence). */
export function finalAnswers(evidence: RunEvidence): readonly FinalAnswer[] {
  const known = cache.get(evidence);
  if (known) return known;
  const out: FinalAnswer[] = [];
  for (const delivery of evidence.firstDeliveries()) {
    const handlings = evidence.handlingsOfId(delivery.id).filter((h) => h.kind === 'delivery');
    const handling = [...handlings].reverse().find((h) => h.answer?.kind !== 'ignored') ?? handlings[handlings.length - 1];
    if (handling === undefined) continue;
    const email = evidence.readingOf(delivery).email;
    const person = email === undefined || handling.answer === undefined ? undefined : evidence.personAt(email, evidence.endOf(handling), handling);
    out.push({ delivery, handling, person });
  }
  cache.set(evidence, out);
  return out;
}

/**
 * Whether no handling of a delivery id wrote anything anywhere: a pipeline's rejection without a reason (its call,
 * not a lost event), which leaves its person as it was.
 */
export function wroteNothing(evidence: RunEvidence, id: string): boolean {
  return !evidence.handlingsOfId(id).some((h) => evidence.wroteAnything(h));
}
