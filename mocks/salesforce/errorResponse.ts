import { HttpResponse } from 'msw';
import type { CrmError } from '../../src/systems/crm/crmError.ts';

/** One element of Salesforce's top-level REST error array. */
export interface SfRestError {
  readonly message: string;
  readonly errorCode: string;
  readonly fields?: readonly string[];
  /** DUPLICATES_DETECTED only; Salesforce's REST body really spells it this way. */
  readonly duplicateResut?: unknown;
}

/** The JSON error array body: `[{ message, errorCode, fields? }]`. */
export function sfErrorBody(errorCode: string, message: string, fields?: readonly string[]): SfRestError[] {
  return [{ message, errorCode, ...(fields === undefined ? {} : { fields }) }];
}

/**
 * A Salesforce REST error response: `status` with the JSON array body.
 * @example sfErrorResponse(404, 'NOT_FOUND', 'The requested resource does not exist')
 */
export function sfErrorResponse(status: number, errorCode: string, message: string, fields?: readonly string[], headers?: Record<string, string>): HttpResponse<SfRestError[]> {
  return HttpResponse.json(sfErrorBody(errorCode, message, fields), { status, ...(headers === undefined ? {} : { headers }) });
}

/** CRM errors as the single-record REST body (`errorCode`, plus `duplicateResut` for DUPLICATES_DETECTED). */
export function restErrorsFromCrm(errors: readonly CrmError[]): SfRestError[] {
  return errors.map((e) => ({
    ...(e.duplicateResult === undefined ? {} : { duplicateResut: e.duplicateResult }),
    errorCode: e.statusCode,
    message: e.message,
    fields: e.fields,
  }));
}

/** CRM errors as per-record errors of the composite collections (`statusCode`, not `errorCode`). */
export function collectionErrorsFromCrm(errors: readonly CrmError[]): Record<string, unknown>[] {
  return errors.map((e) => ({
    statusCode: e.statusCode === 'NOT_FOUND' ? 'INVALID_CROSS_REFERENCE_KEY' : e.statusCode,
    message: e.statusCode === 'NOT_FOUND' ? 'invalid cross reference id' : e.message,
    fields: e.fields,
    ...(e.duplicateResult === undefined ? {} : { duplicateResut: e.duplicateResult }),
  }));
}

/** The HTTP status Salesforce answers a single-record write failure with. */
export function statusForCrmErrors(errors: readonly CrmError[]): number {
  const code = errors[0]?.statusCode;
  if (code === 'NOT_FOUND' || code === 'ENTITY_IS_DELETED') return 404;
  if (code === 'INSUFFICIENT_ACCESS_OR_READONLY') return 403;
  return 400;
}
