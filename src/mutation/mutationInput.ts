import fc from 'fast-check';
import { batchArbitrary, runBatch } from '../check/batchProperty.ts';
import type { CheckWorld } from '../check/checkWorld.ts';
import type { ScenarioStep } from '../check/scenarioSteps.ts';
import type { SequenceCommand } from '../check/sequenceModel.ts';
import { runSequence, sequenceArbitrary } from '../check/sequenceProperty.ts';
import type { ParsedPayload } from '../entrypoints/registry.ts';
import type { RouteCall } from '../pipeline/pipelineContext.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { LoadedScenario } from '../scenarios/loadScenario.ts';
import { replayScenario } from '../scenarios/replayScenarios.ts';

/** One input of the test suite a mutant runs against: a generated batch, a generated command sequence, or a scenario. */
export type MutationInput =
  | { readonly kind: 'batch'; readonly label: string; readonly events: readonly ParsedPayload[] }
  | { readonly kind: 'sequence'; readonly label: string; readonly commands: Iterable<SequenceCommand> }
  | { readonly kind: 'scenario'; readonly label: string; readonly loaded: LoadedScenario };

/** How one input went under one graph: it passed (with its steps, for a generated input), or why it failed. */
export type InputOutcome = { readonly ok: true; readonly steps: readonly ScenarioStep[] } | { readonly ok: false; readonly reason: string };

/** Options of {@link generatedInputs}. */
export interface GeneratedInputsOptions {
  readonly seed: number;
  /** Runs per property (batch and sequence). */
  readonly runs: number;
  readonly maxEvents?: number;
  readonly maxCommands?: number;
}

/**
 * The property suite's inputs, drawn once from the seed and shared by every mutant: `runs` batches and `runs`
 * command sequences of the check world (graph-aware for the graph under test). The same seed draws the same inputs
 * in every worker.
 */
export function generatedInputs(world: CheckWorld, options: GeneratedInputsOptions): MutationInput[] {
  const batches = fc.sample(batchArbitrary(world, options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}), { seed: options.seed, numRuns: options.runs });
  const sequences = fc.sample(sequenceArbitrary(world, options.maxCommands !== undefined ? { maxCommands: options.maxCommands } : {}), { seed: options.seed, numRuns: options.runs });
  return [
    ...batches.map((events, i): MutationInput => ({ kind: 'batch', label: `batch #${i + 1}`, events })),
    ...sequences.map((commands, i): MutationInput => ({ kind: 'sequence', label: `sequence #${i + 1}`, commands })),
  ];
}

/**
 * Runs one input with `graph` the way the suite does (a property run in a fresh world of the check world's org, or
 * a scenario replay with its expectations and the invariants), telling `onRoute` of each routing decision.
 */
export async function runMutationInput(input: MutationInput, world: CheckWorld, graph: Graph, onRoute?: (call: RouteCall) => void): Promise<InputOutcome> {
  const routed = onRoute ? { onRoute } : {};
  try {
    switch (input.kind) {
      case 'batch':
        return { ok: true, steps: await runBatch({ ...world, graph, ...routed }, input.events) };
      case 'sequence': {
        const commands = fc.hasCloneMethod(input.commands) ? (input.commands[fc.cloneMethod]() as Iterable<SequenceCommand>) : input.commands;
        return { ok: true, steps: await runSequence({ ...world, graph, ...routed }, commands) };
      }
      case 'scenario': {
        const report = await replayScenario(input.loaded, { graph, ...routed });
        if (report.ok) return { ok: true, steps: [] };
        const check = report.checks.find((c) => !c.ok);
        const invariant = report.invariants.find((r) => !r.ok);
        return { ok: false, reason: check ? `${check.person} ${check.what}: expected ${check.expected}, got ${check.actual}` : `invariant ${invariant?.id}: ${invariant?.violations[0]?.message ?? ''}` };
      }
    }
  } catch (error) {
    // A property's failure, or a run that crashed (a mutant can route into a state the pipeline cannot handle).
    return { ok: false, reason: firstLine(error instanceof Error ? error.message : String(error)) };
  }
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
