import { DEFAULT_EPOCH } from '../core/clock.ts';
import { parsePayload, transformPayload } from '../entrypoints/registry.ts';
import type { EntryPoint } from '../model/entryPointId.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { simulate } from '../simulation/simulate.ts';
import { standardizeEmail } from '../standardize/email.ts';
import { expectationsFromRun } from './expectationsFromRun.ts';
import { checkScenario } from './loadScenario.ts';
import { refsById } from './orgRef.ts';
import { createPseudonymizer, pseudonymKey } from './pseudonymize.ts';
import type { TrafficEvent } from './readTraffic.ts';
import { runScenario } from './runScenario.ts';
import { SCENARIO_VERSION, type ScenarioInput } from './scenarioSchema.ts';
import { formatOffset } from './scenarioTime.ts';

/** Options of {@link recordScenario}. */
export interface RecordScenarioOptions {
  readonly name: string;
  readonly description?: string;
  readonly seed: number;
  readonly org: OrgSpec;
  readonly events: readonly TrafficEvent[];
  /** Route the recording with this graph (default: the default graph); the file does not name it. */
  readonly graph?: Graph;
  /**
   * Pseudonymize personal data in the payloads and in the org's people (default true), keeping every pipeline
   * decision: see {@link createPseudonymizer}.
   */
  readonly pseudonymize?: boolean;
  /** The secret key of the pseudonyms (see {@link pseudonymKey}); default: a random key that is not saved. */
  readonly pseudonymKey?: string | Uint8Array;
  /** Replace these CRM ids in payloads with `@kind:key` references (the recorded org's ids). */
  readonly refs?: ReadonlyMap<string, string>;
  /** `$schema` to point editors at. */
  readonly schemaRef?: string;
}

/**
 * Turns recorded inbound traffic into a scenario with a golden baseline: the events (pseudonymized with the org's
 * people unless told otherwise, each person keyed by its normalized email, timed as logged or a minute apart),
 * replayed once with the graph, and what every person ended as written as expectations. The result passes its own
 * checks, and a pseudonymized recording has the same outcomes as the raw one.
 */
export async function recordScenario(options: RecordScenarioOptions): Promise<ScenarioInput> {
  const pseudo = options.pseudonymize === false ? undefined : createPseudonymizer(options.pseudonymKey ?? pseudonymKey({ env: {} }).key);
  // The org's people first: a person already in the org gets the same pseudonym in the traffic, and still matches.
  const org = pseudo ? pseudo.org(options.org) : options.org;
  const times = options.events.flatMap((e) => (e.time !== undefined ? [e.time] : []));
  const start = times.length > 0 ? Math.floor(Math.min(...times) / 60_000) * 60_000 : DEFAULT_EPOCH;
  const keys = new Map<string, string>();
  let previous = start;
  const events = options.events.map((e, i) => {
    const payload = replaceIds(pseudo ? pseudo.payload(e.payload) : e.payload, options.refs);
    const time = e.time ?? previous + 60_000;
    previous = time;
    return { at: formatOffset(time - start), kind: 'inbound' as const, id: e.id ?? `evt-${String(i + 1).padStart(6, '0')}`, person: personKey(e.entryPoint, payload, keys, i), entryPoint: e.entryPoint, payload };
  });
  const scenario: ScenarioInput = {
    ...(options.schemaRef ? { $schema: options.schemaRef } : {}),
    version: SCENARIO_VERSION,
    name: options.name,
    ...(options.description ? { description: options.description } : {}),
    seed: options.seed,
    ...(start !== DEFAULT_EPOCH ? { start: new Date(start).toISOString() } : {}),
    org,
    events,
    expect: {},
  };
  const loaded = checkScenario(scenario, `recording "${options.name}"`);
  const run = await runScenario(loaded, options.graph ? { graph: options.graph } : {});
  return { ...scenario, expect: expectationsFromRun(run) };
}

/** Options of {@link recordSimulation}. */
export interface RecordSimulationOptions {
  readonly seed: number;
  /** How many generated leads (default 50: a baseline small enough to read). */
  readonly leads?: number;
  readonly graph?: Graph;
  /** The org (default: generated from the seed). */
  readonly org?: OrgSpec;
  /** The entry points the generated leads come from (default: all seven). */
  readonly entryPoints?: readonly EntryPoint[];
  readonly schemaRef?: string;
}

/**
 * A golden baseline from a seeded simulation: its generated org, every event its intake received (ids of org
 * records written as `@kind:key`), at the times they were received, and the outcomes as expectations.
 */
export async function recordSimulation(options: RecordSimulationOptions): Promise<ScenarioInput> {
  const leads = options.leads ?? 50;
  const run = await simulate({
    seed: options.seed,
    leads,
    redeliveryRate: 0,
    ...(options.graph ? { graph: options.graph } : {}),
    ...(options.org ? { org: options.org } : {}),
    ...(options.entryPoints ? { entryPoints: options.entryPoints } : {}),
  });
  const events = [...run.world.intake.received.values()].map((e) => ({ entryPoint: e.entryPoint, payload: e.payload, id: e.key ?? e.id, time: e.receivedAt }));
  return recordScenario({
    name: `Simulation seed ${options.seed}, ${leads} leads`,
    description: `Golden baseline recorded with "leadsim record --seed ${options.seed} --leads ${leads}": the generated org, every inbound event the intake received, and what each person ended as.`,
    seed: options.seed,
    org: run.world.org,
    events,
    pseudonymize: false,
    refs: refsById(run.world.ids),
    ...(options.graph ? { graph: options.graph } : {}),
    ...(options.schemaRef ? { schemaRef: options.schemaRef } : {}),
  });
}

/** The person key of an event: one per normalized email, in order of first appearance (`person-001`, …). */
function personKey(entryPoint: string, payload: unknown, keys: Map<string, string>, index: number): string {
  const parsed = parsePayload(entryPoint, payload);
  const raw = parsed.ok ? transformPayload(parsed, 0).person.email : undefined;
  const email = standardizeEmail(raw);
  const norm = email.ok ? email.email : `unusable-${index}`;
  let key = keys.get(norm);
  if (key === undefined) {
    key = `person-${String(keys.size + 1).padStart(3, '0')}`;
    keys.set(norm, key);
  }
  return key;
}

function replaceIds(value: unknown, refs: ReadonlyMap<string, string> | undefined): unknown {
  if (!refs) return value;
  if (typeof value === 'string') return refs.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => replaceIds(v, refs));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIds(v, refs)]));
  return value;
}
