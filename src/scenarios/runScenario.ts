import { relative } from 'node:path';
import { parsePayload } from '../entrypoints/registry.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { createHarness, type HandledDelivery, type HarnessOptions, type LeadsimHarness } from '../simulation/createHarness.ts';
import type { PipelineUnderTest } from '../pipelines/pipelineUnderTest.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { World } from '../world/world.ts';
import type { LoadedScenario, TimedEvent } from './loadScenario.ts';
import { resolveRef, substituteRefs, type OrgRefKind } from './orgRef.ts';
import type { ScenarioEvent } from './scenarioSchema.ts';
import { changeCountry, convertPerson, createCampaign, editPerson, recallPerson, setAccountBdr, setMemberStatus, setUserStatus, type ActionResult } from '../simulation/actions/index.ts';

/** A person of a scenario run: the CRM record its key names now. */
export interface ScenarioPerson {
  readonly type: 'Lead' | 'Contact';
  readonly id: string;
}

/** Something an event could not do (a rep's edit the CRM refused, a person that does not exist yet). */
export interface EventProblem {
  readonly index: number;
  readonly kind: string;
  readonly message: string;
}

/** What a scenario run leaves: the run record for the invariants, and what each person key ended as. */
export interface ScenarioRun {
  readonly loaded: LoadedScenario;
  readonly graph: Graph;
  /** Who routed the run: the graph, or Salesforce's assignment rules. */
  readonly routing: 'graph' | 'assignment-rules';
  /** What routed the run: the graph's name, or `assignment rules <file>`. */
  readonly routedBy: string;
  readonly run: RunRecord;
  /** Person key → the CRM record it names at the end (inbound events without a person are keyed `event:<id>`). */
  readonly people: ReadonlyMap<string, ScenarioPerson>;
  /** Person key → why its last inbound event was rejected, parked or refused before the intake. */
  readonly rejections: ReadonlyMap<string, string>;
  /** Person key → the traces that routed it (inbound events and re-runs), in order. */
  readonly traces: ReadonlyMap<string, readonly EventTrace[]>;
  /** Events the run could not apply (a refused rep edit, an unknown person at that time, a merge into the wrong org person). */
  readonly problems: readonly EventProblem[];
}

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** Route with this graph instead of the scenario's (and instead of the default graph). */
  readonly graph?: Graph;
  /** Route a scenario that names no graph with this one, or the one this returns (default: the package's default graph). */
  readonly defaultGraph?: Graph | (() => Graph);
  /**
   * Route with the active rule of this Salesforce assignment rules file (a path) instead: the org deploys it and the
   * route step asks the CRM to run it. Default: the scenario's own `routing` and `org.assignmentRules`.
   */
  readonly assignmentRules?: string;
  /** Called with the harness before the first event (tests break the pipeline on purpose this way). */
  readonly prepare?: (harness: LeadsimHarness) => void;
  /** Told of every routing decision (the mutation runner records them to replay them on mutant graphs). */
  readonly onRoute?: HarnessOptions['onRoute'];
  /** A pipeline of yours handles the inbound events instead of the reference pipeline (its graph then only names the run). */
  readonly pipeline?: PipelineUnderTest;
}

/**
 * What routes a scenario's run: Salesforce's assignment rules (`rules`, a file) when the options or the scenario ask
 * for them, else `graph`: the options' graph, else the scenario's own, else the default graph.
 */
export function scenarioRouting(loaded: LoadedScenario, options: Pick<RunScenarioOptions, 'graph' | 'defaultGraph' | 'assignmentRules'> = {}): { readonly rules: string | undefined; readonly graph: Graph } {
  const { scenario } = loaded;
  const rules = options.assignmentRules ?? (options.graph === undefined && scenario.routing === 'assignment-rules' ? scenario.org.assignmentRules : undefined);
  const fallback = typeof options.defaultGraph === 'function' ? options.defaultGraph : () => (options.defaultGraph as Graph | undefined) ?? loadDefaultGraph();
  return { rules, graph: options.graph ?? loaded.graph ?? (rules === undefined ? fallback() : loadDefaultGraph()) };
}

/**
 * Runs a loaded scenario: seeds its org in a fresh world, builds the pipeline with the given graph (else the
 * scenario's, else the default), applies its events in time order the production way (inbound payloads delivered
 * through their vendor's path and processed as they arrive; rep edits, country changes with re-run routing,
 * recalls, campaign member updates, conversions and Sales Systems' admin changes with the one implementation of each
 * action in src/simulation/actions, which the model-based check uses too), retries parked events once, and
 * returns the run. Deterministic: the same scenario and graph give the same run.
 */
export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const { scenario } = loaded;
  const { rules, graph } = scenarioRouting(loaded, options);
  const org = rules === undefined ? scenario.org : { ...scenario.org, assignmentRules: rules };
  const harness = await createHarness({ seed: scenario.seed, org, start: loaded.start, graph, gapMs: 0, ...(rules === undefined ? {} : { routing: 'assignment-rules' as const }), ...(options.onRoute ? { onRoute: options.onRoute } : {}), ...(options.pipeline ? { pipeline: options.pipeline } : {}) });
  const state: RunState = { harness, world: harness.world, people: new Map(), campaigns: new Map(), index: 0, rejections: new Map(), personTraces: new Map(), problems: [] };
  for (const [key, p] of harness.world.ids.personIds) state.people.set(key, p);
  options.prepare?.(harness);
  try {
    for (const timed of loaded.events) {
      harness.world.clock.advanceTo(timed.time);
      await applyEvent(state, timed);
    }
    await harness.retryParked();
    for (const [key, traces] of state.personTraces) noteOutcome(state, key, traces.at(-1));
  } finally {
    await harness.close();
  }
  const routedBy = options.pipeline ? options.pipeline.label : rules === undefined ? graph.name : `assignment rules ${relative(process.cwd(), rules)}`;
  return { loaded, graph, routing: rules === undefined ? 'graph' : 'assignment-rules', routedBy, run: harness.record(), people: state.people, rejections: state.rejections, traces: state.personTraces, problems: state.problems };
}

interface RunState {
  readonly harness: LeadsimHarness;
  readonly world: World;
  readonly people: Map<string, ScenarioPerson>;
  /** Campaign key → CRM id of the campaigns `createCampaign` events made. */
  readonly campaigns: Map<string, string>;
  /** The index in the file of the event being applied. */
  index: number;
  readonly rejections: Map<string, string>;
  readonly personTraces: Map<string, EventTrace[]>;
  readonly problems: EventProblem[];
}

async function applyEvent(state: RunState, { index, event }: TimedEvent): Promise<void> {
  const { world, harness } = state;
  state.index = index;
  const problem = (message: string) => state.problems.push({ index, kind: event.kind, message });
  const resolve = (kind: OrgRefKind, key: string) => (kind === 'campaign' ? state.campaigns.get(key) : undefined) ?? resolveRef(world.ids, state.people, kind, key);
  if (event.kind === 'inbound') {
    const key = event.person ?? `event:${event.id}`;
    const parsed = parsePayload(event.entryPoint, substituteRefs(event.payload, resolve));
    if (!parsed.ok) return void problem(parsed.error.message);
    const { ok: _ok, ...payload } = parsed;
    const delivery = await harness.deliver({ ...payload, id: event.id }, { repeat: event.repeat ?? false });
    if (delivery.blocked) {
      state.rejections.set(key, delivery.blocked.reason);
      return;
    }
    for (const handled of delivery.traces.length === 0 ? delivery.handled : []) noteHandled(state, key, handled);
    for (const trace of delivery.traces) {
      const list = state.personTraces.get(key) ?? [];
      list.push(trace);
      state.personTraces.set(key, list);
      noteOutcome(state, key, trace);
    }
    return;
  }
  const result = await applyChange(state, event, resolve);
  if (result === undefined) return;
  if (!result.ok) problem(result.problem);
  if ('person' in event && result.traces.length > 0) state.personTraces.set(event.person, [...(state.personTraces.get(event.person) ?? []), ...result.traces]);
  if (result.ok && result.person && 'person' in event) state.people.set(event.person, result.person);
  if (result.ok && result.createdId && event.kind === 'createCampaign') state.campaigns.set(event.campaign.key, result.createdId);
}

/**
 * Applies a change event with the one implementation of its action (src/simulation/actions, shared with the
 * model-based check); undefined when its person does not exist (the problem is recorded).
 */
async function applyChange(state: RunState, event: Exclude<ScenarioEvent, { kind: 'inbound' }>, resolve: (kind: OrgRefKind, key: string) => string | undefined): Promise<ActionResult | undefined> {
  const h = state.harness;
  const user = (key: string) => state.world.ids.userIds.get(key)!;
  switch (event.kind) {
    case 'userStatus':
      return setUserStatus(h, user(event.user), event.status);
    case 'createCampaign':
      return createCampaign(h, event.campaign, event.campaign.partnerAccount === undefined ? undefined : resolve('account', event.campaign.partnerAccount));
    case 'accountBdr':
      return setAccountBdr(h, resolve('account', event.account)!, event.bdr === null ? null : user(event.bdr));
  }
  const person = state.people.get(event.person);
  const problem = (message: string) => void state.problems.push({ index: state.index, kind: event.kind, message });
  if (person === undefined) return problem(`person "${event.person}" does not exist in the CRM at this point (its inbound event was rejected or has not happened yet)`);
  if (state.world.crm.get(person.type, person.id) === undefined) return problem(`person "${event.person}" (${person.type} ${person.id}) is no longer in the CRM`);
  const options = event.as === undefined ? {} : { as: user(event.as) };
  switch (event.kind) {
    case 'repEdit':
      return editPerson(h, person, substituteRefs(event.fields, resolve), options);
    case 'countryChange':
      return changeCountry(h, person, event.country, { ...options, rerun: event.rerun });
    case 'recall':
      return recallPerson(h, person, options);
    case 'memberStatus':
      return setMemberStatus(h, person, resolve('campaign', event.campaign)!, event.status, options);
    case 'convert':
      return convertPerson(h, person, options);
  }
}

/** Records what a person key's latest inbound trace ended as. */
/** What a pipeline of yours did with an inbound event (it leaves no traces): its answer, and the person its email names after it. */
function noteHandled(state: RunState, key: string, handled: HandledDelivery): void {
  if (handled.answer.kind === 'rejected' || handled.answer.kind === 'failed') state.rejections.set(key, handled.answer.kind === 'rejected' ? `rejected by the pipeline: ${handled.answer.reason}` : `failed: ${handled.answer.error}`);
  else state.rejections.delete(key);
  if (handled.person) state.people.set(key, handled.person);
}

function noteOutcome(state: RunState, key: string, trace: EventTrace | undefined): void {
  const outcome = trace?.outcome;
  if (outcome === undefined || trace?.entryPoint === 'rerun') return;
  if (outcome.kind === 'created' || outcome.kind === 'merged') {
    state.rejections.delete(key);
    const seeded = state.world.ids.personIds.get(key);
    const current = state.people.get(key);
    if (seeded && current?.id === seeded.id && outcome.personId !== seeded.id) {
      state.problems.push({ index: -1, kind: 'inbound', message: `an inbound event for "${key}" ${outcome.kind} ${outcome.personType} ${outcome.personId}, not the org's "${key}" (${seeded.type} ${seeded.id})` });
    }
    state.people.set(key, { type: outcome.personType, id: outcome.personId });
    return;
  }
  state.rejections.set(key, `${outcome.kind} at ${outcome.job}: ${outcome.reason}`);
  if (outcome.kind === 'parked' && outcome.personId !== undefined && !state.people.has(key)) state.people.set(key, { type: outcome.personId.startsWith('003') ? 'Contact' : 'Lead', id: outcome.personId });
}
