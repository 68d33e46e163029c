import { resolve } from 'node:path';
import type { Graph } from '../routing/graphSchema.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { expectationsFromRun } from './expectationsFromRun.ts';
import { checkScenario } from './loadScenario.ts';
import { replayScenario } from './replayScenarios.ts';
import { runScenario, type ScenarioRun } from './runScenario.ts';
import { SCENARIO_VERSION, type Expectation, type ScenarioInput } from './scenarioSchema.ts';

/** Options of {@link regressionScenario}. */
export interface RegressionScenarioOptions {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly org: unknown;
  /** The events, in the scenario file format. */
  readonly events: readonly unknown[];
  /** The correct graph: the expectations are what it does. */
  readonly graph: Graph;
  /** A wrong graph the scenario should catch (a mutant). */
  readonly wrong?: Graph;
  /** Pin only these people (default: every person the events touch). */
  readonly people?: readonly string[];
}

/** A regression scenario, whether it passes with the correct graph, and whether replaying it with the wrong graph fails. */
export interface RegressionScenario {
  readonly scenario: ScenarioInput;
  /** It replays green with the correct graph (false when an event could not apply: the scenario needs a hand). */
  readonly passes: boolean;
  readonly catchesWrongGraph?: boolean;
}

/**
 * Turns events into a regression scenario with the expectations of the correct graph: replays them once with it and
 * pins what every person (or the given ones) ended as: owner, the golden fields and every field the graphs' updates
 * write (blank and false included, so a dropped update shows), PRM share, rejection. The graph is
 * left out when it is the default graph, written inline otherwise. With `wrong`, replays the finished scenario with
 * it too and says whether it fails there (so the scenario catches that mistake from now on).
 */
export async function regressionScenario(options: RegressionScenarioOptions): Promise<RegressionScenario> {
  const isDefault = JSON.stringify(options.graph) === JSON.stringify(loadDefaultGraph());
  const draft = { version: SCENARIO_VERSION, name: options.name, description: options.description, seed: options.seed, org: options.org, ...(isDefault ? {} : { graph: options.graph }), events: options.events, expect: {} };
  const file = resolve('regression-scenario.json');
  const run = await runScenario(checkScenario(draft, file), { graph: options.graph });
  const all = pinRoutingFields(expectationsFromRun(run), run, [options.graph, ...(options.wrong ? [options.wrong] : [])]);
  const expect = options.people ? Object.fromEntries(Object.entries(all).filter(([key]) => options.people?.includes(key))) : all;
  const scenario = { ...draft, expect } as unknown as ScenarioInput;
  const loaded = checkScenario(scenario, file);
  const passes = (await replayScenario(loaded, { graph: options.graph })).ok;
  if (options.wrong === undefined) return { scenario, passes };
  const replayed = await replayScenario(loaded, { graph: options.wrong });
  return { scenario, passes, catchesWrongGraph: passes && !replayed.ok };
}

/** The expectations with every field an update node of the graphs writes pinned too, blank and false included. */
function pinRoutingFields(expect: Record<string, Expectation>, run: ScenarioRun, graphs: readonly Graph[]): Record<string, Expectation> {
  const written = new Set(graphs.flatMap((g) => Object.values(g.nodes).flatMap((n) => (n.kind === 'update' ? Object.keys(n.fields) : []))));
  const out: Record<string, Expectation> = {};
  for (const [key, expectation] of Object.entries(expect)) {
    const person = run.people.get(key);
    const record = person ? run.run.world.crm.get(person.type, person.id) : undefined;
    if (!record || expectation.rejected !== undefined) {
      out[key] = expectation;
      continue;
    }
    const pinned = Object.fromEntries([...written].filter((f) => Object.hasOwn(record, f) || f in (expectation.fields ?? {})).map((f) => [f, (record[f] ?? null) as string | number | boolean | null]));
    out[key] = { ...expectation, fields: { ...pinned, ...expectation.fields } };
  }
  return out;
}
