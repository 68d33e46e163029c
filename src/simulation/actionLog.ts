import { CompactLog } from '../core/compactLog.ts';
import type { ActionRecord } from './runRecord.ts';

/**
 * The entry-point actions of a run, in order, with how each ended: one a lead for a month of traffic, so kept by
 * column (src/core/compactLog.ts) rather than as objects; {@link list} makes the records again.
 */
export class ActionLog {
  readonly #log = new CompactLog<ActionRecord>({ entryPoint: 'code', outcome: 'code', eventIds: 'value', at: 'number' });

  /** Records how an action ended. */
  append(action: ActionRecord): void {
    this.#log.append(action);
  }

  /** Number of actions so far. */
  get length(): number {
    return this.#log.length;
  }

  /** Every action so far, oldest first (new objects on every call). */
  list(): ActionRecord[] {
    return this.#log.slice();
  }
}
