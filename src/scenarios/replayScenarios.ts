import { checkInvariants, type InvariantResult } from '../invariants/index.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { checkExpectations, type ExpectationCheck } from './checkExpectations.ts';
import { loadScenario, type LoadedScenario } from './loadScenario.ts';
import { runScenario, type RunScenarioOptions } from './runScenario.ts';

/** One scenario's replay: its expectation checks and every invariant's result. */
export interface ScenarioReport {
  readonly file: string;
  readonly name: string;
  readonly seed: number;
  /** The name of the graph it was routed with, or `assignment rules <file>`. */
  readonly graph: string;
  readonly ok: boolean;
  readonly checks: readonly ExpectationCheck[];
  readonly invariants: readonly InvariantResult[];
}

/** The replay of several scenarios. `ok` when every expectation and invariant held in every one. */
export interface ReplayReport {
  readonly ok: boolean;
  readonly scenarios: readonly ScenarioReport[];
  readonly counts: { readonly scenarios: number; readonly failedScenarios: number; readonly checks: number; readonly failedChecks: number; readonly failedInvariants: number };
}

/** Options of {@link replayScenarios}. */
export interface ReplayOptions {
  /** Route every scenario with this graph (default: each scenario's own, else the default graph). */
  readonly graph?: Graph;
  /** Route every scenario with this Salesforce assignment rules file instead (its active rule, run by the CRM). */
  readonly assignmentRules?: string;
  /** Told of each scenario's run and the graph it routed with (e.g. to count routing coverage); not for runs routed in Salesforce. */
  readonly onRun?: (run: RunRecord, graph: Graph) => void;
  /** Told of every routing decision (the mutation runner records them to replay them on mutant graphs). */
  readonly onRoute?: RunScenarioOptions['onRoute'];
}

/** Replays one loaded scenario and checks its expectations and the invariants. */
export async function replayScenario(loaded: LoadedScenario, options: ReplayOptions = {}): Promise<ScenarioReport> {
  const result = await runScenario(loaded, { ...(options.graph ? { graph: options.graph } : {}), ...(options.assignmentRules ? { assignmentRules: options.assignmentRules } : {}), ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  if (result.routing === 'graph') options.onRun?.(result.run, result.graph);
  const checks = checkExpectations(result);
  const invariants = checkInvariants(result.run).results;
  return { file: loaded.file, name: loaded.scenario.name, seed: loaded.scenario.seed, graph: result.routedBy, ok: checks.every((c) => c.ok) && invariants.every((r) => r.ok), checks, invariants };
}

/**
 * Loads every scenario file first (a bad one throws before anything runs), then replays each in order.
 * @example
 * const report = await replayScenarios(['scenarios/compliance/deutschland.json']);
 * process.exitCode = report.ok ? 0 : 1;
 */
export async function replayScenarios(files: readonly string[], options: ReplayOptions = {}): Promise<ReplayReport> {
  const loaded = files.map(loadScenario);
  const scenarios: ScenarioReport[] = [];
  for (const l of loaded) scenarios.push(await replayScenario(l, options));
  const checks = scenarios.flatMap((s) => s.checks);
  return {
    ok: scenarios.every((s) => s.ok),
    scenarios,
    counts: {
      scenarios: scenarios.length,
      failedScenarios: scenarios.filter((s) => !s.ok).length,
      checks: checks.length,
      failedChecks: checks.filter((c) => !c.ok).length,
      failedInvariants: scenarios.reduce((n, s) => n + s.invariants.filter((r) => !r.ok).length, 0),
    },
  };
}
