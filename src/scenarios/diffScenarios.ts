import type { PipelineUnderTest } from '../pipelines/pipelineUnderTest.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { findAllowance, type AllowEntry } from './allowList.ts';
import { loadScenario } from './loadScenario.ts';
import { personOutcomes, type PersonOutcome } from './personOutcome.ts';
import { showValue } from './personState.ts';
import { runScenario, type RunScenarioOptions } from './runScenario.ts';

/** One way a person's outcome differs between the baseline and the candidate graph. */
export interface OutcomeDifference {
  readonly scenario: string;
  readonly file: string;
  readonly person: string;
  /** `owner`, `fields.<Field>`, `sharedToPrm` or `rejected`. */
  readonly field: string;
  readonly baseline: string;
  readonly candidate: string;
  readonly baselinePaths: readonly string[];
  readonly candidatePaths: readonly string[];
  /** The allow-list's reason, when the difference is expected. */
  readonly allowed?: string;
}

/** The diff of several scenarios under two graphs. `ok` when every difference is allowed. */
export interface DiffReport {
  readonly ok: boolean;
  readonly baselineGraph: string;
  readonly candidateGraph: string;
  readonly scenarios: readonly { readonly file: string; readonly name: string; readonly people: number; readonly changedPeople: number }[];
  readonly differences: readonly OutcomeDifference[];
  /** Allow-list entries that matched no difference (stale; worth removing). */
  readonly unusedAllowances: readonly AllowEntry[];
  readonly counts: { readonly scenarios: number; readonly people: number; readonly changedPeople: number; readonly differences: number; readonly allowed: number; readonly unexpected: number };
}

/**
 * What routes one side of a diff: a routing graph, a Salesforce assignment rules file (`{ assignmentRules: path }`)
 * whose active rule the CRM runs, or a pipeline of yours (`{ pipeline }`) that handles the inbound events itself.
 */
export type DiffRouting = Graph | { readonly assignmentRules: string; readonly name: string } | { readonly pipeline: PipelineUnderTest; readonly name: string };

/** Options of {@link diffScenarios}. */
export interface DiffOptions {
  /** The live routing (e.g. the graph exported from production, or the deployed Lead.assignmentRules-meta.xml). */
  readonly baseline: DiffRouting;
  /** The edited routing to upload or deploy. */
  readonly candidate: DiffRouting;
  /** Expected differences. */
  readonly allow?: readonly AllowEntry[];
}

/**
 * Replays each scenario under the baseline and the candidate routing (graphs, or assignment rules files run by the
 * CRM) and reports, person by person, every outcome that differs (owner or queue, field updates routing made, PRM
 * share, rejection), with the path each run took. Every file is loaded before anything runs.
 */
export async function diffScenarios(files: readonly string[], options: DiffOptions): Promise<DiffReport> {
  const loaded = files.map(loadScenario);
  const allow = options.allow ?? [];
  const used = new Set<AllowEntry>();
  const scenarios: DiffReport['scenarios'][number][] = [];
  const differences: OutcomeDifference[] = [];
  for (const l of loaded) {
    // A pipeline of yours leaves no route steps: both sides are then read from the records.
    const fromRecords = 'pipeline' in options.baseline || 'pipeline' in options.candidate;
    const before = personOutcomes(await runScenario(l, runOptions(options.baseline)), { fromRecords });
    const after = personOutcomes(await runScenario(l, runOptions(options.candidate)), { fromRecords });
    const changed = new Set<string>();
    for (const person of new Set([...before.keys(), ...after.keys()])) {
      for (const d of compareOutcomes(before.get(person), after.get(person))) {
        const where = { scenario: l.scenario.name, file: l.file, person, field: d.field };
        const allowance = findAllowance(allow, where);
        if (allowance) used.add(allowance);
        changed.add(person);
        differences.push({ ...where, baseline: d.baseline, candidate: d.candidate, baselinePaths: before.get(person)?.paths ?? [], candidatePaths: after.get(person)?.paths ?? [], ...(allowance ? { allowed: allowance.reason } : {}) });
      }
    }
    scenarios.push({ file: l.file, name: l.scenario.name, people: new Set([...before.keys(), ...after.keys()]).size, changedPeople: changed.size });
  }
  const allowed = differences.filter((d) => d.allowed !== undefined).length;
  return {
    ok: allowed === differences.length,
    baselineGraph: options.baseline.name,
    candidateGraph: options.candidate.name,
    scenarios,
    differences,
    unusedAllowances: allow.filter((e) => !used.has(e)),
    counts: {
      scenarios: scenarios.length,
      people: scenarios.reduce((n, s) => n + s.people, 0),
      changedPeople: scenarios.reduce((n, s) => n + s.changedPeople, 0),
      differences: differences.length,
      allowed,
      unexpected: differences.length - allowed,
    },
  };
}

function runOptions(routing: DiffRouting): RunScenarioOptions {
  if ('pipeline' in routing) return { pipeline: routing.pipeline };
  return 'assignmentRules' in routing ? { assignmentRules: routing.assignmentRules } : { graph: routing };
}

/** The outcome fields that differ between two outcomes of one person. */
export function compareOutcomes(a: PersonOutcome | undefined, b: PersonOutcome | undefined): { field: string; baseline: string; candidate: string }[] {
  const out: { field: string; baseline: string; candidate: string }[] = [];
  const push = (field: string, x: unknown, y: unknown) => {
    const [sx, sy] = [showValue(x), showValue(y)];
    if (sx !== sy) out.push({ field, baseline: sx, candidate: sy });
  };
  push('owner', a?.owner, b?.owner);
  for (const field of new Set([...Object.keys(a?.fields ?? {}), ...Object.keys(b?.fields ?? {})])) push(`fields.${field}`, a?.fields[field], b?.fields[field]);
  push('sharedToPrm', a?.sharedToPrm ?? false, b?.sharedToPrm ?? false);
  push('rejected', a?.rejected, b?.rejected);
  return out;
}
