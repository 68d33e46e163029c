import fc from 'fast-check';
import type { Violation } from '../invariants/violation.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { batchProperty } from './batchProperty.ts';
import { checkWorld, type CheckWorld } from './checkWorld.ts';
import { counterexampleData, describeCounterexample } from './describeCounterexample.ts';
import { InvariantFailure } from './invariantFailure.ts';
import type { ScenarioStep } from './scenarioSteps.ts';
import { sequenceProperty } from './sequenceProperty.ts';

/** The properties of the suite: plain inbound batches, and model-based command sequences. */
export const CHECK_PROPERTIES = ['batch', 'sequence'] as const;
export type CheckPropertyName = (typeof CHECK_PROPERTIES)[number];

/** What each property checks, for reports. */
export const PROPERTY_TITLES: Readonly<Record<CheckPropertyName, string>> = {
  batch: 'inbound batches from every entry point hold every invariant',
  sequence: 'model-based sequences (events, rep edits, re-runs, recalls, member status, conversions, duplicate and out-of-order deliveries, admin changes to reps, campaigns and account BDRs) hold every invariant after every step',
};

/** Options of {@link runCheck}. */
export interface RunCheckOptions {
  /** The seed: fixes the org and every generated case. */
  readonly seed: number;
  /** Runs per property (default 100). */
  readonly runs?: number;
  /** The routing graph (default: the default graph). */
  readonly graph?: Graph;
  /** The graph's file, for the replay command. */
  readonly graphFile?: string;
  /** Most commands per sequence (default 15). */
  readonly maxCommands?: number;
  /** Most events per batch (default 12). */
  readonly maxEvents?: number;
  /** Run only this property (default: all). */
  readonly property?: CheckPropertyName;
  /** Replay one case: fast-check's path of a reported failure (needs `property`). */
  readonly path?: string;
  /** Replay one sequence: the commands' replay path of a reported failure (with `path`). */
  readonly replayPath?: string;
  /** Replace the pipeline's jobs (tests break the pipeline on purpose). */
  readonly jobs?: readonly PipelineJob[];
  /** The org every run starts from (default: the org `simulate` generates for the seed). */
  readonly org?: OrgSpec;
  /** The org's file, for the replay command. */
  readonly orgFile?: string;
  /** Native integrations that are on (all off by default; any one on breaks "one process"). */
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  /** Told of every property run before its world is closed (e.g. to count routing coverage). */
  readonly onRun?: (run: RunRecord) => void;
}

/** A property that failed: the shrunk counterexample, how to replay it, and what broke. */
export interface CheckFailure {
  readonly property: CheckPropertyName;
  /** The first violated invariant (undefined when the run threw something other than an invariant failure). */
  readonly invariant: string | undefined;
  /** Every violated invariant, in suite order. */
  readonly invariants: readonly string[];
  /** The shrunk counterexample, one step per line. */
  readonly counterexample: string;
  /** The shrunk counterexample as data (events, or commands with their parameters). */
  readonly counterexampleValue: unknown;
  readonly path: string;
  /** The one command that replays exactly this case. */
  readonly replay: string;
  readonly violations: readonly Violation[];
  /** Where in the run it broke. */
  readonly at: string;
  /** The failing event's trace, compact. */
  readonly trace: string | undefined;
  /** The counterexample's steps in the scenario file format (events of src/scenarios/scenarioSchema.ts). */
  readonly steps: readonly ScenarioStep[];
  /** The error message (the whole report for an invariant failure). */
  readonly error: string;
  readonly numRuns: number;
  readonly numShrinks: number;
}

/** One property's result. */
export interface PropertyOutcome {
  readonly property: CheckPropertyName;
  readonly ok: boolean;
  readonly numRuns: number;
  readonly failure?: CheckFailure;
}

/** What {@link runCheck} found. */
export interface CheckReport {
  readonly seed: number;
  /** The org every run started from (the seed's, with what the graph's literals need: see `checkWorld`). */
  readonly org: OrgSpec;
  readonly runs: number;
  readonly ok: boolean;
  readonly properties: readonly PropertyOutcome[];
  readonly failures: readonly CheckFailure[];
}

/**
 * Runs the property suite with `fc.check`: plain inbound batches and model-based command sequences, each against a
 * fresh world of the seed's org, the invariants checked after every batch and after every command. A failure is
 * shrunk and reported with its path and the `leadsim check` command that replays exactly it.
 * @example
 * const report = await runCheck({ seed: 42, runs: 50 });
 * if (!report.ok) console.log(report.failures[0]!.replay);
 */
export async function runCheck(options: RunCheckOptions): Promise<CheckReport> {
  const runs = options.runs ?? 100;
  const world = checkWorld(options.seed, {
    ...(options.graph ? { graph: options.graph } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.org ? { org: options.org } : {}),
    ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}),
    ...(options.onRun ? { observe: options.onRun } : {}),
  });
  const chosen = options.property ? [options.property] : CHECK_PROPERTIES;
  const properties: PropertyOutcome[] = [];
  for (const property of chosen) properties.push(await checkProperty(property, world, runs, options));
  const failures = properties.flatMap((p) => (p.failure ? [p.failure] : []));
  return { seed: options.seed, org: world.org, runs, ok: failures.length === 0, properties, failures };
}

async function checkProperty(property: CheckPropertyName, world: CheckWorld, runs: number, options: RunCheckOptions): Promise<PropertyOutcome> {
  const params = { seed: options.seed, numRuns: runs, ...(options.path !== undefined ? { path: options.path } : {}) };
  const details =
    property === 'batch'
      ? await fc.check(batchProperty(world, options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}), params)
      : await fc.check(
          sequenceProperty(world, { ...(options.maxCommands !== undefined ? { maxCommands: options.maxCommands } : {}), ...(options.replayPath ? { replayPath: options.replayPath } : {}) }),
          params,
        );
  if (!details.failed) return { property, ok: true, numRuns: details.numRuns };
  const error = details.errorInstance;
  const invariantFailure = error instanceof InvariantFailure ? error : undefined;
  const violations = invariantFailure?.violations ?? [];
  const path = details.counterexamplePath ?? '';
  const value = details.counterexample?.[0];
  const replayPath = property === 'sequence' ? commandsReplayPath(value) : undefined;
  return {
    property,
    ok: false,
    numRuns: details.numRuns,
    failure: {
      property,
      invariant: violations[0]?.invariant,
      invariants: [...new Set(violations.map((v) => v.invariant))],
      counterexample: describeCounterexample(value),
      counterexampleValue: counterexampleData(value),
      path,
      replay: replayCommand(options, runs, property, path, replayPath),
      violations,
      at: invariantFailure?.at ?? 'while running',
      trace: invariantFailure?.trace,
      steps: invariantFailure?.steps ?? [],
      error: error instanceof Error ? error.message : String(error),
      numRuns: details.numRuns,
      numShrinks: details.numShrinks,
    },
  };
}

/** `npx leadsim check --seed N --runs R --property P --path X [--graph F] [--org F] …`: replays exactly one reported case. */
export function replayCommand(options: RunCheckOptions, runs: number, property: CheckPropertyName, path: string, replayPath?: string): string {
  const nativeOn = Object.entries(options.nativeIntegrations ?? {}).flatMap(([name, on]) => (on ? [name] : []));
  return [
    'npx leadsim check',
    `--seed ${options.seed}`,
    `--runs ${runs}`,
    `--property ${property}`,
    `--path ${path}`,
    ...(replayPath ? [`--replay-path ${replayPath}`] : []),
    ...(options.graphFile ? [`--graph ${options.graphFile}`] : []),
    ...(options.orgFile ? [`--org ${options.orgFile}`] : []),
    ...(nativeOn.length ? [`--native ${nativeOn.join(',')}`] : []),
    ...(options.maxCommands !== undefined ? [`--max-commands ${options.maxCommands}`] : []),
    ...(options.maxEvents !== undefined ? [`--max-events ${options.maxEvents}`] : []),
  ].join(' ');
}

/** The replay path fast-check prints after a command sequence (a `replayPath="…"` comment), needed to replay it. */
function commandsReplayPath(value: unknown): string | undefined {
  const match = /\/\*replayPath="([^"]*)"\*\//.exec(String(value));
  return match?.[1] || undefined;
}
