/**
 * Marketo REST error codes and their messages, as documented for the lead database, static lists and programs.
 * Codes are quoted strings on the wire (`"601"`), so they are strings here too.
 */
export const MARKETO_MESSAGES = {
  '600': 'Access token empty',
  '601': 'Access token invalid',
  '602': 'Access token expired',
  '605': 'HTTP Method not supported',
  '606': "Max rate limit '%s' exceeded with in '%s' secs",
  '607': 'Daily quota reached',
  '609': 'Invalid JSON',
  '610': 'Requested resource not found',
  '701': '%s cannot be blank',
  '702': 'No data found for given search scenario',
  '709': 'Business Rule Violation',
  '710': 'Parent Folder Not Found',
  '711': 'Incompatible Folder Type',
  '1001': "Invalid value '%s'. Required of type '%s'",
  '1002': "Missing value for required parameter '%s'",
  '1003': 'Invalid data',
  '1004': 'Lead not found',
  '1005': 'Lead already exists',
  '1006': "Field '%s' not found",
  '1007': 'Multiple leads match the lookup criteria',
  '1011': "Field '%s' not supported",
  '1013': 'Object not found',
  '1015': 'Lead not in list',
} as const;

/** A Marketo error code the simulator can return. */
export type MarketoErrorCode = keyof typeof MARKETO_MESSAGES;

/** One entry of `errors[]` (response level) or `reasons[]` (record level). */
export interface MarketoError {
  readonly code: MarketoErrorCode;
  readonly message: string;
}

/**
 * Builds an error with the documented message, filling each `%s` in order.
 * @example marketoError('1006', 'shoeSize') // { code: '1006', message: "Field 'shoeSize' not found" }
 */
export function marketoError(code: MarketoErrorCode, ...args: readonly (string | number)[]): MarketoError {
  let i = 0;
  const message = MARKETO_MESSAGES[code].replace(/%s/g, () => String(args[i++] ?? ''));
  return { code, message };
}

/** `1003 Invalid data` with a more specific message, the way Marketo words its record-level 1003s. */
export function invalidData(message: string): MarketoError {
  return { code: '1003', message };
}

/**
 * The outcome of a Marketo operation before it is wrapped in the REST envelope: a result page, or response-level
 * errors (`success:false`).
 */
export type MarketoResult<T> =
  | { readonly ok: true; readonly result: readonly T[]; readonly nextPageToken?: string; readonly moreResult?: boolean; readonly warnings?: readonly string[] }
  | { readonly ok: false; readonly errors: readonly MarketoError[] };

/** Shorthand for a failed {@link MarketoResult}. */
export function failure(error: MarketoError): { readonly ok: false; readonly errors: readonly MarketoError[] } {
  return { ok: false, errors: [error] };
}
