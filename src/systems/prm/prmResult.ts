/**
 * Outcome of an Impartner operation before it becomes HTTP: a value, or a failure with the HTTP status and the
 * message that goes into `{"success":false,"message":…}`. (Modelled on public integration code, not vendor-verified.)
 */
export type PrmResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: PrmErrorStatus; readonly message: string };

/** HTTP statuses the simulated Impartner fails with. */
export type PrmErrorStatus = 400 | 401 | 404 | 409;

/** A failed {@link PrmResult}. */
export function prmFailure(status: PrmErrorStatus, message: string): { readonly ok: false; readonly status: PrmErrorStatus; readonly message: string } {
  return { ok: false, status, message };
}

/** A successful {@link PrmResult}. */
export function prmOk<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
