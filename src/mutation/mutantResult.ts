import type { MutationInput } from './mutationInput.ts';
import type { ScenarioInput } from '../scenarios/scenarioSchema.ts';
import type { MutationOperator } from './mutant.ts';

/** How one mutant fared against the suite. */
export interface MutantResult {
  readonly id: string;
  readonly operator: MutationOperator;
  readonly node: string;
  readonly change: string;
  /** `killed`: an input failed; `survived`: none did though it behaves differently; `equivalent`: it behaves the same on the whole bounded input space. */
  readonly status: 'killed' | 'survived' | 'equivalent';
  /** Inputs whose routing passed a node the mutant changed. */
  readonly reached: number;
  /** Inputs where a routing decision came out differently under the mutant. */
  readonly changed: number;
  readonly killedBy?: { readonly input: string; readonly kind: MutationInput['kind']; readonly reason: string };
  /** The equivalence search over the bounded input space (survivors only). */
  readonly search?: { readonly verdict: 'equivalent' | 'distinct' | 'undecided'; readonly runs: number };
  /** A context where the mutant decides differently, and both decisions. */
  readonly example?: { readonly context: Readonly<Record<string, unknown>>; readonly original: string; readonly mutant: string };
  /** Why it survived, for people. */
  readonly explanation?: string;
  /**
   * A small scenario that reaches a context where the mutant decides differently, with the original graph's decision
   * as its expectation; `catches` when replaying it with the mutant fails (survivors, and with `regressions` the
   * mutants only the property suite killed).
   */
  readonly suggestion?: { readonly catches: boolean; readonly passes: boolean; readonly person: string; readonly scenario: ScenarioInput };
}

/** Why a mutant survived, in a sentence or two. */
export function explainSurvivor(r: Omit<MutantResult, 'explanation'> & { readonly firstChanged?: string | undefined }): string {
  const search = r.search;
  if (r.status === 'equivalent') return `Equivalent: it routes all ${search?.runs ?? 0} distinct cases of the bounded input space (the graph's literals and their near misses) as the original does, and no input of the suite decided differently.`;
  const where = r.example ? ` It differs when ${describeContext(r.example.context)}: the original gives ${r.example.original}; the mutant gives ${r.example.mutant}.` : '';
  if (r.changed > 0) return `Changed the routing decision in ${r.changed} input${r.changed === 1 ? '' : 's'} of the suite (first: ${r.firstChanged}), but no invariant and no scenario expectation noticed: nothing pins what ${r.node === 'settings' ? 'that setting' : r.node} decides there.${where}`;
  if (search?.verdict === 'undecided') return `No input decided differently, and the bounded search gave up after ${search.runs} cases without finding a difference: probably equivalent.`;
  if (r.reached > 0) return `Reached by ${r.reached} input${r.reached === 1 ? '' : 's'}, but none brought the case where it decides differently.${where}`;
  return `No input of the suite passed ${r.node}.${where}`;
}

/** A context as `field = value` pairs (defaults left out). */
export function describeContext(context: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(context).map(([k, v]) => `${k} = ${JSON.stringify(v)}`);
  return parts.length === 0 ? 'everything is at its default' : parts.join(', ');
}
