import { checkWorld, type CheckWorld } from '../check/checkWorld.ts';
import type { RouteCall } from '../pipeline/pipelineContext.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { route } from '../routing/route.ts';
import type { LoadedScenario } from '../scenarios/loadScenario.ts';
import { findDifference } from './findDifference.ts';
import type { Mutant } from './mutant.ts';
import { mutatedNodes } from './mutatedNodes.ts';
import { generatedInputs, runMutationInput, type MutationInput } from './mutationInput.ts';
import { explainSurvivor, type MutantResult } from './mutantResult.ts';
import { describeOutcome, routingOutcome } from './routingOutcome.ts';
import { suggestScenario } from './suggestScenario.ts';
import type { RoutingContext } from '../routing/routingContext.ts';

/** Options of {@link MutationSuite.build}. */
export interface MutationSuiteOptions {
  /** The graph under test (the original the mutants are made from). */
  readonly graph: Graph;
  /** The org generated inputs start from (default: the org `simulate` generates for the seed), as `leadsim check`. */
  readonly org?: OrgSpec;
  /** Native integration switches, as `leadsim check --native`. */
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  /** Scenarios routed with this graph (the suite's hand-written part). */
  readonly scenarios: readonly LoadedScenario[];
  /** The seed of the generated inputs. */
  readonly seed: number;
  /** Generated inputs per property (batch and sequence). */
  readonly runs: number;
  readonly maxEvents?: number;
  readonly maxCommands?: number;
  /** Most routing contexts the equivalence search compares per survivor (default 100 000). */
  readonly equivalenceBudget?: number;
  /** Also suggest a scenario for each mutant only the property suite killed (default: survivors only). */
  readonly regressions?: boolean;
}

/** One input's run with the original graph: whether it passed, and every routing decision it made. */
export interface BaselineRun {
  readonly input: MutationInput;
  readonly ok: boolean;
  readonly reason?: string;
  readonly calls: readonly RouteCall[];
  /** The nodes its routings passed. */
  readonly nodes: ReadonlySet<string>;
}

/**
 * The test suite a mutant runs against, run once with the original graph: the scenarios and the generated
 * property inputs, with every routing decision each made recorded. A mutant is then judged by replaying those
 * decisions' contexts through the mutant (pure and fast); only the inputs where a decision comes out differently are
 * run again in full, until one fails (the mutant is killed). A survivor is compared with the original on the
 * bounded input space of their literals to tell an equivalent mutant from a gap in the suite.
 */
export class MutationSuite {
  readonly graph: Graph;
  readonly world: CheckWorld;
  readonly baseline: readonly BaselineRun[];
  readonly #options: MutationSuiteOptions;

  private constructor(options: MutationSuiteOptions, world: CheckWorld, baseline: readonly BaselineRun[]) {
    this.graph = options.graph;
    this.world = world;
    this.baseline = baseline;
    this.#options = options;
  }

  /** Draws the generated inputs and runs every input with the original graph. */
  static async build(options: MutationSuiteOptions): Promise<MutationSuite> {
    const world = checkWorld(options.seed, { graph: options.graph, ...(options.org ? { org: options.org } : {}), ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}) });
    const inputs: MutationInput[] = [
      ...options.scenarios.map((loaded): MutationInput => ({ kind: 'scenario', label: loaded.file, loaded })),
      ...generatedInputs(world, { seed: options.seed, runs: options.runs, ...(options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}), ...(options.maxCommands !== undefined ? { maxCommands: options.maxCommands } : {}) }),
    ];
    const baseline: BaselineRun[] = [];
    for (const input of inputs) {
      const calls: RouteCall[] = [];
      const outcome = await runMutationInput(input, world, options.graph, (call) => calls.push(structuredClone(call)));
      const nodes = new Set(calls.flatMap((c) => c.decision.path.map((s) => s.node)));
      baseline.push({ input, ok: outcome.ok, ...(outcome.ok ? {} : { reason: outcome.reason }), calls, nodes });
    }
    return new MutationSuite(options, world, baseline);
  }

  /** Inputs that fail with the original graph already (left out of the judging: fix them first). */
  failing(): BaselineRun[] {
    return this.baseline.filter((b) => !b.ok);
  }

  /** Judges one mutant: killed (by which input, why), or survived / equivalent, with why. */
  async evaluate(mutant: Mutant): Promise<MutantResult> {
    const changedNodes = mutatedNodes(this.graph, mutant.graph);
    const settingsChanged = JSON.stringify(this.graph.settings) !== JSON.stringify(mutant.graph.settings);
    let reached = 0;
    let changed = 0;
    let firstChanged: { input: string; call: RouteCall } | undefined;
    let killedBy: MutantResult['killedBy'];
    let killerCall: RouteCall | undefined;
    for (const base of this.baseline) {
      if (!base.ok || ![...base.nodes].some((n) => changedNodes.has(n))) continue;
      reached++;
      const call = base.calls.find((c) => routingOutcome(route(mutant.graph, c.context, c.roundRobin), c.context.person) !== routingOutcome(c.decision, c.context.person));
      if (call === undefined && !settingsChanged) continue;
      if (call !== undefined) {
        changed++;
        firstChanged ??= { input: base.input.label, call };
      }
      if (killedBy !== undefined) continue;
      const outcome = await runMutationInput(base.input, this.world, mutant.graph);
      if (!outcome.ok) {
        killedBy = { input: base.input.label, kind: base.input.kind, reason: outcome.reason };
        killerCall = call;
      }
    }
    const common = { id: mutant.id, operator: mutant.operator, node: mutant.node, change: mutant.change, reached, changed };
    if (killedBy) {
      const suggestion = killedBy.kind !== 'scenario' && this.#options.regressions && killerCall ? await this.#suggest(mutant, killerCall.context, `Caught by ${killedBy.input} of the property suite: ${killedBy.reason}`) : undefined;
      return { ...common, status: 'killed', killedBy, ...(suggestion ? { suggestion } : {}) };
    }
    const difference = findDifference(this.graph, mutant.graph, this.#options.equivalenceBudget !== undefined ? { maxRuns: this.#options.equivalenceBudget } : {});
    const example =
      difference.verdict === 'distinct'
        ? { context: difference.assignment, original: describeOutcome(difference.original, difference.context.person), mutant: describeOutcome(difference.mutant, difference.context.person) }
        : firstChanged
          ? { context: { input: firstChanged.input }, original: describeOutcome(firstChanged.call.decision, firstChanged.call.context.person, firstChanged.call.roundRobin), mutant: describeOutcome(route(mutant.graph, firstChanged.call.context, firstChanged.call.roundRobin), firstChanged.call.context.person, firstChanged.call.roundRobin) }
          : undefined;
    const status = difference.verdict === 'equivalent' && changed === 0 ? 'equivalent' : 'survived';
    const result = { ...common, status, search: { verdict: difference.verdict, runs: difference.runs }, ...(example ? { example } : {}) } as const;
    const explanation = explainSurvivor({ ...result, firstChanged: firstChanged?.input });
    const context = difference.verdict === 'distinct' ? difference.context : firstChanged?.call.context;
    const suggestion = status === 'survived' && context ? await this.#suggest(mutant, context, explanation) : undefined;
    return { ...result, explanation, ...(suggestion ? { suggestion } : {}) };
  }

  /** A small scenario reaching `context`, with the original graph's decision as expectation (see `suggestScenario`). */
  async #suggest(mutant: Mutant, context: RoutingContext, why: string): Promise<MutantResult['suggestion']> {
    const s = await suggestScenario(context, this.graph, mutant.graph, `Mutant ${mutant.id}`, `Catches the careless edit ${mutant.change}. ${why} Made by leadsim mutate (seed ${this.#options.seed}).`);
    return { catches: s.catchesWrongGraph === true, passes: s.passes, person: s.person, scenario: s.scenario };
  }
}
