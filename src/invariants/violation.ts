/** The ids of the invariants, in the order the suite runs them (the four of DOMAIN.md first). */
export const INVARIANT_IDS = [
  'no-duplicates',
  'one-process',
  'partner-queue',
  'country-before-compliance',
  'every-person-owned',
  'no-event-lost',
  'redelivery-idempotent',
  'round-robin-fair',
  'update-never-blanks',
  'fresh-routing-data',
] as const;

/** The id of one invariant. */
export type InvariantId = (typeof INVARIANT_IDS)[number];

/**
 * One breach of an invariant: which invariant, a message saying what was expected and what happened, the person
 * and the event it is about (when it is about one), and the evidence: the trace steps, records or field-history
 * entries that show it. Data first; {@link formatViolation} renders it.
 */
export interface Violation {
  readonly invariant: InvariantId;
  readonly message: string;
  readonly personId?: string;
  readonly eventId?: string;
  readonly evidence: unknown;
}
