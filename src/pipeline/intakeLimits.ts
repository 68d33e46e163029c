import type { InputIssue } from '../core/errors.ts';

/**
 * What the intake accepts at the door; anything past these limits is refused there (4xx, nothing queued), never
 * accepted and then rejected later. README "The intake" documents them.
 */
export const INTAKE_LIMITS = {
  /**
   * Longest `Idempotency-Key`, in characters. The event id is `<source>:<key>` and is written to the lead's
   * `Pipeline_Event_Id__c` (a 255-character text field), so the longest source plus this must fit it (a test pins it).
   */
  maxKeyLength: 200,
  /** Deepest nesting of objects and arrays in a payload (the deepest vendor payload is 4 levels). */
  maxDepth: 32,
  /** Largest request body, in bytes: Marketo's REST limit (1 MB), which no single lead's payload comes near. */
  maxBodyBytes: 1_048_576,
} as const;

/** Printable ASCII, no leading or trailing space: what an HTTP header carries unchanged through every client. */
const KEY_PATTERN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The problem with an idempotency key, or undefined when the intake can store it. */
export function idempotencyKeyIssue(key: string): InputIssue | undefined {
  const expected = `1 to ${INTAKE_LIMITS.maxKeyLength} printable ASCII characters, not starting or ending with a space`;
  if (key.length > INTAKE_LIMITS.maxKeyLength) {
    return { path: [], message: `the Idempotency-Key is ${key.length} characters long, longer than the intake stores`, expected, got: `${key.slice(0, 20)}… (${key.length} characters)` };
  }
  if (!KEY_PATTERN.test(key)) return { path: [], message: 'the Idempotency-Key has characters the intake does not store', expected, got: JSON.stringify(key) };
  return undefined;
}
