import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { checkScenario } from '../scenarios/loadScenario.ts';
import { regressionScenario } from '../scenarios/regressionScenario.ts';
import { SCENARIO_VERSION } from '../scenarios/scenarioSchema.ts';
import type { CheckFailure, CheckReport } from './runCheck.ts';

/** What {@link saveCounterexample} wrote: a scenario file, or (when the steps do not make a valid scenario) JSON. */
export interface SavedCounterexample {
  readonly format: 'scenario' | 'counterexample JSON';
  /** Why the file is not a scenario, when it is not. */
  readonly reason?: string;
}

/**
 * Writes a failure as a scenario file (the `leadsim replay` format: the seed's org, the graph inline, the
 * counterexample's steps as events) so it becomes a regression test; add `expect` entries for what must hold.
 * When the steps do not load as a scenario, writes the counterexample as JSON instead (and says so).
 */
export function saveCounterexample(file: string, report: CheckReport, failure: CheckFailure, graphFile?: string): SavedCounterexample {
  const graph = graphFile ? (JSON.parse(readFileSync(graphFile, 'utf8')) as unknown) : undefined;
  const scenario = {
    version: SCENARIO_VERSION,
    name: `counterexample: ${failure.invariants.join(', ') || 'error'} (seed ${report.seed}, ${failure.property})`,
    description: `Found by leadsim check: ${failure.at}. Replay the search with: ${failure.replay}`,
    seed: report.seed,
    org: report.org,
    ...(graph ? { graph } : {}),
    events: failure.steps,
    expect: {},
  };
  try {
    checkScenario(scenario, file);
    writeFileAtomic(file, `${JSON.stringify(scenario, null, 2)}\n`);
    return { format: 'scenario' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const json = { format: 'leadsim-counterexample', seed: report.seed, property: failure.property, path: failure.path, replay: failure.replay, invariants: failure.invariants, at: failure.at, counterexample: failure.counterexampleValue, steps: failure.steps, notScenarioBecause: reason };
    writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
    return { format: 'counterexample JSON', reason };
  }
}

/** What {@link saveRegressionCounterexample} wrote. */
export interface SavedRegression {
  /** The scenario replays green with the correct graph. */
  readonly passes: boolean;
  /** Replaying it with the graph that failed the check fails too. */
  readonly catchesCheckedGraph: boolean;
}

/**
 * Writes a failure as a regression scenario with the expectations of the correct graph: the seed's org and the
 * counterexample's steps, replayed with `correct` to pin what every person must end as; the graph is left out when
 * it is the default graph, inline otherwise. Replaying the file with the checked graph (`--graph`) fails, so the
 * suite catches that mistake from now on. Throws an InputError when the steps do not make a scenario.
 */
export async function saveRegressionCounterexample(file: string, report: CheckReport, failure: CheckFailure, correct: Graph, checked: Graph): Promise<SavedRegression> {
  const made = await regressionScenario({
    name: `regression: ${failure.invariants.join(', ') || 'error'} (seed ${report.seed}, ${failure.property})`,
    description: `Found by leadsim check: ${failure.at}. Expectations are what the correct graph does. Replay the search with: ${failure.replay}`,
    seed: report.seed,
    org: report.org,
    events: failure.steps,
    graph: correct,
    wrong: checked,
  });
  writeFileAtomic(file, `${JSON.stringify(made.scenario, null, 2)}\n`);
  return { passes: made.passes, catchesCheckedGraph: made.catchesWrongGraph === true };
}
