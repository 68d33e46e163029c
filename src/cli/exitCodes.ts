/** Exit codes every leadsim command uses. */
export const EXIT = {
  /** Everything held. */
  ok: 0,
  /** The run completed and found a failure: an invariant, an expectation, an unexpected difference. */
  failed: 1,
  /** Bad input: a file, an argument or a payload could not be used. Nothing was run or written. */
  badInput: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
