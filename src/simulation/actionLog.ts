import { CompactLog } from '../core/compactLog.ts';
import type { ActionRecord } from './runRecord.ts';

/** How an action is stored: its event ids as the one id (nearly every accepted action), an array of several, or undefined for none. */
interface StoredAction {
  readonly entryPoint: string;
  readonly outcome: ActionRecord['outcome'];
  readonly eventIds: string | readonly string[] | undefined;
  readonly at: number;
}

/**
 * The entry-point actions a harness delivered, in order, stored by column (src/core/compactLog.ts): an action a
 * lead, where an {@link ActionRecord} object with its array of event ids cost about 120 bytes. {@link list} makes
 * the records again.
 */
export class ActionLog {
  readonly #log = new CompactLog<StoredAction>({ entryPoint: 'code', outcome: 'code', eventIds: 'value', at: 'number' });

  /** Number of actions so far. */
  get length(): number {
    return this.#log.length;
  }

  /** Records an action. */
  add(action: ActionRecord): void {
    const ids = action.eventIds;
    this.#log.append({ entryPoint: action.entryPoint, outcome: action.outcome, eventIds: ids.length === 0 ? undefined : ids.length === 1 ? ids[0] : [...ids], at: action.at });
  }

  /** The first `count` actions (all by default), oldest first, as new objects. */
  list(count = this.#log.length): ActionRecord[] {
    const out: ActionRecord[] = [];
    for (let i = 0; i < Math.min(count, this.#log.length); i++) {
      const { entryPoint, outcome, eventIds, at } = this.#log.at(i);
      out.push({ entryPoint, outcome, eventIds: eventIds === undefined ? [] : typeof eventIds === 'string' ? [eventIds] : [...eventIds], at });
    }
    return out;
  }
}
