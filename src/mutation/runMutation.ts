import { availableParallelism } from 'node:os';
import { InputError } from '../core/errors.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { loadScenario } from '../scenarios/loadScenario.ts';
import { graphMutants } from './graphMutants.ts';
import { localEvaluator, workerEvaluator, type FailingInput, type MutantEvaluator, type SuiteSpec } from './mutantEvaluator.ts';
import type { MutantResult } from './mutantResult.ts';

/** Options of {@link runMutation}. */
export interface RunMutationOptions {
  /** The graph under test (default: the default graph). */
  readonly graph?: Graph;
  /** The org generated inputs start from (default: the org `simulate` generates for the seed). */
  readonly org?: OrgSpec;
  /** Native integration switches of the generated runs' worlds. */
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  /** Scenario files to run against every mutant; those routed with another graph of their own are skipped. */
  readonly scenarioFiles?: readonly string[];
  /** The seed of the generated inputs (default 42). */
  readonly seed?: number;
  /** Generated inputs per property, batch and sequence (default 100, `leadsim check`'s budget). */
  readonly runs?: number;
  readonly maxEvents?: number;
  readonly maxCommands?: number;
  /** Worker threads (default: the machine's cores, at most 4); 1 judges in this thread. */
  readonly workers?: number;
  /** Most routing contexts the equivalence search compares per survivor (default 100 000). */
  readonly equivalenceBudget?: number;
  /** Also suggest a catching scenario for each mutant only the property suite killed (default: survivors only). */
  readonly regressions?: boolean;
  /** Judge only the mutants with these ids (default: all); an unknown id is bad input. */
  readonly only?: readonly string[];
  /** Told of each mutant as it is judged. */
  readonly onProgress?: (done: number, total: number, result: MutantResult) => void;
  /** Told once the suite ran with the original graph (before the first mutant). */
  readonly onReady?: (mutants: number) => void;
}

/** What {@link runMutation} found. */
export interface MutationReport {
  readonly graph: string;
  readonly seed: number;
  readonly runs: number;
  readonly workers: number;
  /** Every mutant's result, in the order `graphMutants` makes them. */
  readonly mutants: readonly MutantResult[];
  /** Careless edits graph lint refuses (not judged: CI's lint step catches them). */
  readonly refusedByLint: number;
  readonly scenarios: { readonly used: readonly string[]; readonly skipped: readonly string[] };
  /** Inputs the original graph already fails (left out of the judging). */
  readonly failing: readonly FailingInput[];
  readonly counts: { readonly mutants: number; readonly killed: number; readonly survived: number; readonly equivalent: number; readonly killedByScenarios: number; readonly killedByProperties: number };
  /** Killed mutants in percent of the non-equivalent ones (0–100, one decimal). */
  readonly score: number;
}

/**
 * The mutation score of a routing graph: makes every careless edit of it (see `graphMutants`), runs the property
 * suite's generated inputs (drawn once from the seed, shared by every mutant) and the given scenarios against each,
 * and reports which mutants the suite kills, which survive (with why, and a context where they differ), and which
 * are equivalent to the original. Scenario files are loaded first: a bad one throws before anything runs.
 * @example
 * const report = await runMutation({ scenarioFiles: findScenarioFiles(['scenarios/']) });
 * console.log(report.score);
 */
export async function runMutation(options: RunMutationOptions = {}): Promise<MutationReport> {
  const graph = options.graph ?? loadDefaultGraph();
  const loaded = (options.scenarioFiles ?? []).map(loadScenario);
  // A scenario routed in Salesforce (its assignment rules) or with another graph of its own does not test this graph.
  const routesWith = (l: (typeof loaded)[number]) => l.scenario.routing !== 'assignment-rules' && (l.graph === undefined || JSON.stringify(l.graph) === JSON.stringify(graph));
  const used = loaded.filter(routesWith).map((l) => l.file);
  const skipped = loaded.filter((l) => !routesWith(l)).map((l) => l.file);
  const spec: SuiteSpec = {
    graph,
    ...(options.org ? { org: options.org } : {}),
    ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}),
    scenarioFiles: used,
    seed: options.seed ?? 42,
    runs: options.runs ?? 100,
    ...(options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}),
    ...(options.maxCommands !== undefined ? { maxCommands: options.maxCommands } : {}),
    ...(options.equivalenceBudget !== undefined ? { equivalenceBudget: options.equivalenceBudget } : {}),
    ...(options.regressions ? { regressions: true } : {}),
  };
  const { mutants: all, refusedByLint } = graphMutants(graph);
  const unknown = (options.only ?? []).filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new InputError('INVALID_ARGUMENT', {
      action: 'judge the mutants asked for',
      file: 'leadsim mutate',
      issues: unknown.map((id) => ({ path: ['only'], message: `no mutant of graph "${graph.name}" has the id ${JSON.stringify(id)}`, expected: 'an id from a leadsim mutate report, e.g. negate-condition:isMql', got: JSON.stringify(id) })),
    });
  }
  const chosen = all.map((m, index) => ({ m, index })).filter(({ m }) => options.only === undefined || options.only.includes(m.id));
  const mutants = chosen.map(({ m }) => m);
  const workers = Math.max(1, Math.min(options.workers ?? Math.min(4, availableParallelism()), mutants.length || 1));
  const evaluators: MutantEvaluator[] = workers === 1 ? [localEvaluator(spec)] : Array.from({ length: workers }, () => workerEvaluator(spec));
  const results: MutantResult[] = [];
  let failing: readonly FailingInput[] = [];
  try {
    failing = (await Promise.all(evaluators.map((e) => e.ready)))[0] ?? [];
    options.onReady?.(mutants.length);
    let next = 0;
    let done = 0;
    await Promise.all(
      evaluators.map(async (evaluator) => {
        for (let index = next++; index < mutants.length; index = next++) {
          const result = await evaluator.evaluate((chosen[index] as { index: number }).index);
          results[index] = result;
          options.onProgress?.(++done, mutants.length, result);
        }
      }),
    );
  } finally {
    await Promise.all(evaluators.map((e) => e.close()));
  }
  const count = (status: MutantResult['status']) => results.filter((r) => r.status === status).length;
  const killed = count('killed');
  const equivalent = count('equivalent');
  const judged = results.length - equivalent;
  return {
    graph: graph.name,
    seed: spec.seed,
    runs: spec.runs,
    workers,
    mutants: results,
    refusedByLint,
    scenarios: { used, skipped },
    failing,
    counts: {
      mutants: results.length,
      killed,
      survived: count('survived'),
      equivalent,
      killedByScenarios: results.filter((r) => r.killedBy?.kind === 'scenario').length,
      killedByProperties: results.filter((r) => r.killedBy !== undefined && r.killedBy.kind !== 'scenario').length,
    },
    score: judged === 0 ? 100 : Math.floor((1000 * killed) / judged) / 10,
  };
}
