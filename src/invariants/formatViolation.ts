import type { Violation } from './violation.ts';

/** Options of {@link formatViolation}. */
export interface FormatViolationOptions {
  /** Longest evidence summary, in characters (default 400); longer JSON is cut with "…". */
  readonly maxEvidence?: number;
}

/**
 * One paragraph for people: the invariant, the person and the event it is about, the message (what happened and
 * what was expected), and a summary of the evidence as compact JSON.
 * @example
 * formatViolation(v) // 'no-duplicates — person 00Q…, event evt-000012: 2 live people share the email … Evidence: [...]'
 */
export function formatViolation(violation: Violation, options: FormatViolationOptions = {}): string {
  const max = options.maxEvidence ?? 400;
  const about = [violation.personId ? `person ${violation.personId}` : undefined, violation.eventId ? `event ${violation.eventId}` : undefined].filter(Boolean).join(', ');
  const json = JSON.stringify(violation.evidence) ?? 'none';
  const evidence = json.length > max ? `${json.slice(0, max)}…` : json;
  return `${violation.invariant}${about ? ` — ${about}` : ''}: ${violation.message} Evidence: ${evidence}`;
}
