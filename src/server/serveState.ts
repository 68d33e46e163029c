import { existsSync, readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { InputError, LeadsimError } from '../core/errors.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { RoundRobinState } from '../routing/roundRobin.ts';
import type { WorldSnapshot } from '../world/worldSnapshot.ts';

/** The format marker and version of a `leadsim serve --state` file; another version is refused, never guessed. */
const FORMAT = 'leadsim-serve-state';
const VERSION = 1;

/**
 * What `leadsim serve` keeps across a restart: the whole world (the three systems, the intake with what it accepted
 * and not yet processed), every trace (parked events among them), the round-robin turns, and simulated time.
 */
export interface ServeState {
  readonly seed: number;
  /** Simulated time when it was saved, epoch ms: the next start continues from there. */
  readonly savedAt: number;
  /** Simulated time the world was created (records before it were seeded). */
  readonly startedAt: number;
  readonly world: WorldSnapshot;
  readonly traces: readonly EventTrace[];
  readonly roundRobin: RoundRobinState;
}

/**
 * Writes a serve state file whole or not at all (a temporary file renamed over it). Node's structured serialization
 * (`v8.serialize`): the snapshot's maps and sets survive as they are.
 */
export function writeServeState(file: string, state: ServeState): void {
  writeFileAtomic(file, serialize({ format: FORMAT, version: VERSION, ...state }));
}

/**
 * Reads a serve state file, or undefined when there is none yet (the first start with `--state` creates it). A file
 * that is not a serve state of this version is bad input (InputError INVALID_INPUT naming the file), never a crash.
 */
export function readServeState(file: string): ServeState | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = deserialize(readFileSync(file));
  } catch (error) {
    throw stateError(file, `it cannot be read as a serve state (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const s = raw as Partial<ServeState & { format: unknown; version: unknown }> | null;
  if (typeof s !== 'object' || s === null || s.format !== FORMAT) throw stateError(file, 'it is not a leadsim serve state file');
  if (s.version !== VERSION) throw stateError(file, `it is a version ${String(s.version)} state; this leadsim reads version ${VERSION}`);
  if (typeof s.seed !== 'number' || typeof s.savedAt !== 'number' || typeof s.startedAt !== 'number' || !s.world || !Array.isArray(s.traces) || !s.roundRobin) {
    throw stateError(file, 'it is incomplete');
  }
  return { seed: s.seed, savedAt: s.savedAt, startedAt: s.startedAt, world: s.world, traces: s.traces, roundRobin: s.roundRobin };
}

function stateError(file: string, reason: string, cause?: unknown): LeadsimError {
  return new InputError('INVALID_INPUT', {
    action: 'resume from the serve state',
    file,
    issues: [{ path: [], message: reason, expected: `a file "leadsim serve --state ${file}" wrote` }],
    hint: 'Point --state at a state file serve wrote, or at a path that does not exist yet to start afresh.',
    ...(cause === undefined ? {} : { cause }),
  });
}
