import type { DuplicateResult } from './duplicateRule.ts';

/** One error of a failed CRM operation, as Salesforce reports it (`statusCode` is the Salesforce error code). */
export interface CrmError {
  /** The Salesforce code, e.g. `REQUIRED_FIELD_MISSING`. */
  readonly statusCode: string;
  readonly message: string;
  readonly fields: readonly string[];
  /** Present on DUPLICATES_DETECTED: the duplicate rule's verdict (served as `duplicateResut` over REST). */
  readonly duplicateResult?: DuplicateResult;
}

/** The outcome of a CRM operation: the value, or the errors Salesforce would answer with. */
export type CrmResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly CrmError[] };

/** Builds a CrmError. */
export function crmError(statusCode: string, message: string, fields: readonly string[] = []): CrmError {
  return { statusCode, message, fields };
}

/** A failed CrmResult carrying one error. */
export function crmFailure<T>(statusCode: string, message: string, fields: readonly string[] = []): CrmResult<T> {
  return { ok: false, errors: [crmError(statusCode, message, fields)] };
}
