import diff from 'microdiff';
import { describeValue } from '../core/errors.ts';

/** One place two payloads differ: the JSON path, and each side's value rendered on one line. */
export interface PayloadDifference {
  readonly path: readonly (string | number)[];
  /** The value in the payload received first (`nothing` when absent). */
  readonly first: string;
  /** The value in the delivery that repeated the key. */
  readonly now: string;
}

/**
 * Where two JSON payloads differ (key order does not matter), at most `limit` places. Empty when they are the same
 * payload. Both must be JSON values already limited in depth (the intake checks depth first).
 */
export function payloadDifferences(first: unknown, now: unknown, limit = 5): PayloadDifference[] {
  const container = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;
  if (!container(first) || !container(now) || Array.isArray(first) !== Array.isArray(now)) {
    return Object.is(first, now) ? [] : [{ path: [], first: describeValue(first), now: describeValue(now) }];
  }
  return diff(first, now)
    .slice(0, limit)
    .map((d) => ({
      path: d.path,
      first: d.type === 'CREATE' ? 'nothing' : describeValue(d.oldValue),
      now: d.type === 'REMOVE' ? 'nothing' : describeValue(d.value),
    }));
}
