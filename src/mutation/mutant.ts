import type { Graph } from '../routing/graphSchema.ts';

/** The kinds of careless edit a mutant makes to a routing graph. */
export const MUTATION_OPERATORS = [
  'negate-condition',
  'negate-test',
  'drop-test',
  'swap-and-or',
  'change-operator',
  'drop-value',
  'swap-conditions',
  'drop-update',
  'skip-node',
  'retarget',
] as const;
export type MutationOperator = (typeof MUTATION_OPERATORS)[number];

/** One mutant: a graph that differs from the original by one careless edit. */
export interface Mutant {
  /** Stable and unique within a graph's mutants, e.g. `negate-test:isMdfOrTrialCampaign[3]`. */
  readonly id: string;
  readonly operator: MutationOperator;
  /** The node the edit is in (`settings` for a settings list). */
  readonly node: string;
  /** The exact change, for people: `isMql: person.Status = "MQL" → person.Status starts with "MQL"`. */
  readonly change: string;
  readonly graph: Graph;
}
