import { InputError, LeadsimError } from '../core/errors.ts';
import { checkInvariants, type InvariantResult } from '../invariants/index.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { checkExpectations, type ExpectationCheck } from './checkExpectations.ts';
import { loadScenario, pathBesideScenario, type LoadedScenario } from './loadScenario.ts';
import { runScenario, scenarioRouting, type RunScenarioOptions } from './runScenario.ts';
import { graphOrgIssues } from '../routing/graphOrgIssues.ts';

/** One scenario's replay: its expectation checks and every invariant's result. */
export interface ScenarioReport {
  readonly file: string;
  readonly name: string;
  readonly seed: number;
  /** The name of the graph it was routed with, or `assignment rules <file>`. */
  readonly graph: string;
  /** Where that graph came from: its file, `inline` (in the scenario), or undefined when not known. */
  readonly graphFile?: string;
  /** Where its org came from: the org spec file it names, or `inline`. */
  readonly org: string;
  readonly ok: boolean;
  readonly checks: readonly ExpectationCheck[];
  readonly invariants: readonly InvariantResult[];
}

/** A scenario file that could not be loaded (unreadable, malformed, or not the scenario format): nothing of it ran. */
export interface ScenarioLoadError {
  readonly file: string;
  /** The error's code (FILE_NOT_FOUND, INVALID_SCENARIO, UNSUPPORTED_VERSION, INVALID_ORG, …). */
  readonly code: string;
  /** The whole message: the file, each JSON path, what was expected and what was found. */
  readonly message: string;
}

/**
 * The replay of several scenarios. `ok` when every file loaded and every expectation and invariant held in every
 * one; `errors` lists the files that could not be loaded (the others still ran).
 */
export interface ReplayReport {
  readonly ok: boolean;
  readonly scenarios: readonly ScenarioReport[];
  readonly errors: readonly ScenarioLoadError[];
  readonly counts: { readonly scenarios: number; readonly failedScenarios: number; readonly errors: number; readonly checks: number; readonly failedChecks: number; readonly failedInvariants: number };
}

/** Options of {@link replayScenarios}. */
export interface ReplayOptions {
  /** Route every scenario with this graph (default: each scenario's own, else `defaultGraph`). */
  readonly graph?: Graph;
  /** The file of `graph`, for reports. */
  readonly graphFile?: string;
  /** Route scenarios that name no graph with this one, or the one this returns when first needed (default: the package's default graph). */
  readonly defaultGraph?: Graph | (() => Graph);
  /** The file of `defaultGraph`, for reports. */
  readonly defaultGraphFile?: string;
  /** Route every scenario with this Salesforce assignment rules file instead (its active rule, run by the CRM). */
  readonly assignmentRules?: string;
  /** Told of each scenario's run and the graph it routed with (e.g. to count routing coverage); not for runs routed in Salesforce. */
  readonly onRun?: (run: RunRecord, graph: Graph) => void;
  /** Told of every routing decision (the mutation runner records them to replay them on mutant graphs). */
  readonly onRoute?: RunScenarioOptions['onRoute'];
  /** A pipeline of yours handles every scenario's inbound events instead of the reference pipeline. */
  readonly pipeline?: RunScenarioOptions['pipeline'];
}

/** Replays one loaded scenario and checks its expectations and the invariants. */
export async function replayScenario(loaded: LoadedScenario, options: ReplayOptions = {}): Promise<ScenarioReport> {
  const result = await runScenario(loaded, {
    ...(options.graph ? { graph: options.graph } : {}),
    ...(options.defaultGraph ? { defaultGraph: options.defaultGraph } : {}),
    ...(options.assignmentRules ? { assignmentRules: options.assignmentRules } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
  });
  if (result.routing === 'graph' && !options.pipeline) options.onRun?.(result.run, result.graph);
  const checks = checkExpectations(result);
  const invariants = checkInvariants(result.run).results;
  const graphFile = result.routing !== 'graph' || options.pipeline ? undefined : graphFileOf(loaded, options);
  return {
    file: loaded.file,
    name: loaded.scenario.name,
    seed: loaded.scenario.seed,
    graph: result.routedBy,
    ...(graphFile !== undefined ? { graphFile } : {}),
    org: loaded.orgFile ?? 'inline',
    ok: checks.every((c) => c.ok) && invariants.every((r) => r.ok),
    checks,
    invariants,
  };
}

/**
 * Loads every scenario file, then replays each that loaded, in order. A file that cannot be loaded (a
 * {@link LeadsimError}: missing, malformed, not the format) is reported in `errors` and the others still run.
 * @example
 * const report = await replayScenarios(['scenarios/compliance/deutschland.json']);
 * process.exitCode = report.errors.length ? 2 : report.ok ? 0 : 1;
 */
export async function replayScenarios(files: readonly string[], options: ReplayOptions = {}): Promise<ReplayReport> {
  const loaded: LoadedScenario[] = [];
  const errors: ScenarioLoadError[] = [];
  for (const file of files) {
    try {
      loaded.push(loadScenario(file));
    } catch (error) {
      if (!(error instanceof LeadsimError)) throw error;
      errors.push({ file, code: error.code, message: error.message });
    }
  }
  const scenarios: ScenarioReport[] = [];
  for (const l of loaded) {
    const misfit = graphMisfit(l, options);
    if (misfit) errors.push(misfit);
    else scenarios.push(await replayScenario(l, options));
  }
  const checks = scenarios.flatMap((s) => s.checks);
  return {
    ok: errors.length === 0 && scenarios.every((s) => s.ok),
    scenarios,
    errors,
    counts: {
      scenarios: scenarios.length,
      failedScenarios: scenarios.filter((s) => !s.ok).length,
      errors: errors.length,
      checks: checks.length,
      failedChecks: checks.filter((c) => !c.ok).length,
      failedInvariants: scenarios.reduce((n, s) => n + s.invariants.filter((r) => !r.ok).length, 0),
    },
  };
}

/** The file of the graph a scenario routes with: the options' graph, its own (`inline` in the scenario), or the default. */
function graphFileOf(loaded: LoadedScenario, options: ReplayOptions): string | undefined {
  const own = loaded.scenario.graph;
  return options.graph ? options.graphFile : typeof own === 'string' ? pathBesideScenario(loaded.file, own) : own ? 'inline' : options.defaultGraphFile;
}

/**
 * The graph a scenario would route with checked against the scenario's org ({@link graphOrgIssues}): a queue, user
 * or pool the org lacks makes the scenario a file that cannot run (INVALID_GRAPH), reported before it runs.
 */
function graphMisfit(loaded: LoadedScenario, options: ReplayOptions): ScenarioLoadError | undefined {
  const { rules, graph } = scenarioRouting(loaded, options);
  if (rules !== undefined) return undefined;
  const issues = graphOrgIssues(graph, loaded.scenario.org);
  if (issues.length === 0) return undefined;
  const file = graphFileOf(loaded, options);
  const error = new InputError('INVALID_GRAPH', {
    action: `route the leads of "${loaded.file}" (org ${loaded.orgFile ?? 'inline'}) with the graph`,
    file: file === undefined || file === 'inline' ? `${loaded.file} $.graph` : file,
    issues,
    hint: "Name queues and users the scenario's org has, or add them to its org.",
  });
  return { file: loaded.file, code: error.code, message: error.message };
}
