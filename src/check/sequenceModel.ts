import type fc from 'fast-check';
import type { InvariantId } from '../invariants/violation.ts';
import type { LeadsimHarness } from '../simulation/createHarness.ts';
import type { ScenarioStep } from './scenarioSteps.ts';

/**
 * What the model-based check keeps beside the real world: the ids of the events the intake accepted (every one
 * must stay accepted exactly once) and, per normalized email, the person the pipeline created or merged into.
 */
export interface SequenceModel {
  /** Event ids the intake accepted, in order. */
  readonly accepted: string[];
  /** Normalized email → the CRM person the pipeline last created or merged for it. */
  readonly people: Map<string, string>;
}

/** The real side of a step: the harness, the invariants to check after each step, and a log of what happened. */
export interface SequenceReal {
  readonly harness: LeadsimHarness;
  /** The invariants checked after every step (default: all). */
  readonly only?: readonly InvariantId[];
  /** One line per command: what it actually did (the target it picked, or why it did nothing). */
  readonly log: string[];
  /** What the commands did, as scenario steps (so a counterexample can be saved as a regression scenario). */
  readonly steps: ScenarioStep[];
}

/** A command of the model-based check. */
export type SequenceCommand = fc.AsyncCommand<SequenceModel, SequenceReal>;

/** A model with nothing delivered yet. */
export function emptyModel(): SequenceModel {
  return { accepted: [], people: new Map() };
}
