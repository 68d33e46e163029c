import { LeadsimError } from '../core/errors.ts';
import type { SystemName } from '../../mocks/faults/faultPlan.ts';

/**
 * A vendor API answered with an error, or the call failed on the network. `vendorCode` is the vendor's own code
 * (`DUPLICATES_DETECTED`, `606`, ...); `retryable` says whether trying again later can succeed.
 */
export class ApiError extends LeadsimError {
  readonly system: SystemName;
  readonly status: number;
  readonly vendorCode: string;
  readonly retryable: boolean;
  readonly body: unknown;

  constructor(options: { system: SystemName; action: string; status: number; vendorCode: string; message: string; retryable: boolean; body?: unknown; cause?: unknown }) {
    super('API_ERROR', `Failed to ${options.action} on ${options.system}: ${options.vendorCode} ${options.message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.system = options.system;
    this.status = options.status;
    this.vendorCode = options.vendorCode;
    this.retryable = options.retryable;
    this.body = options.body;
  }
}

/** A request that never got an answer: a timeout or a lost response. Always retryable. */
export function networkError(system: SystemName, action: string, cause: unknown): ApiError {
  return new ApiError({ system, action, status: 0, vendorCode: 'NETWORK_ERROR', message: 'no response (timeout or connection lost)', retryable: true, cause });
}
