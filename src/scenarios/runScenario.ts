import { parsePayload } from '../entrypoints/registry.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { createHarness, type LeadsimHarness } from '../simulation/createHarness.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import { standardizeCountry } from '../standardize/country.ts';
import type { World } from '../world/world.ts';
import type { LoadedScenario, TimedEvent } from './loadScenario.ts';
import { resolveRef, substituteRefs } from './orgRef.ts';
import { actingRep, restAsRep } from '../simulation/repActions.ts';

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
}

/**
 * Runs a loaded scenario: seeds its org in a fresh world, builds the pipeline with the given graph (else the
 * scenario's, else the default), applies its events in time order the production way (inbound payloads delivered
 * through their vendor's path and processed as they arrive; rep edits, country changes with re-run routing,
 * recalls, campaign member updates and conversions through the CRM API as a rep), retries parked events once, and
 * returns the run. Deterministic: the same scenario and graph give the same run.
 */
export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const { scenario } = loaded;
  const fallback = typeof options.defaultGraph === 'function' ? options.defaultGraph : () => (options.defaultGraph as Graph | undefined) ?? loadDefaultGraph();
  const graph = options.graph ?? loaded.graph ?? fallback();
  const harness = await createHarness({ seed: scenario.seed, org: scenario.org, start: loaded.start, graph, gapMs: 0 });
  const state: RunState = { harness, world: harness.world, people: new Map(), rejections: new Map(), personTraces: new Map(), problems: [] };
  for (const [key, p] of harness.world.ids.personIds) state.people.set(key, p);
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
  return { loaded, graph, run: harness.record(), people: state.people, rejections: state.rejections, traces: state.personTraces, problems: state.problems };
}

interface RunState {
  readonly harness: LeadsimHarness;
  readonly world: World;
  readonly people: Map<string, ScenarioPerson>;
  readonly rejections: Map<string, string>;
  readonly personTraces: Map<string, EventTrace[]>;
  readonly problems: EventProblem[];
}

async function applyEvent(state: RunState, { index, event }: TimedEvent): Promise<void> {
  const { world, harness } = state;
  const transport = harness.transport;
  const problem = (message: string) => state.problems.push({ index, kind: event.kind, message });
  const resolve = (kind: Parameters<typeof resolveRef>[2], key: string) => resolveRef(world.ids, state.people, kind, key);
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
    for (const trace of delivery.traces) {
      const list = state.personTraces.get(key) ?? [];
      list.push(trace);
      state.personTraces.set(key, list);
      noteOutcome(state, key, trace);
    }
    return;
  }
  const person = state.people.get(event.person);
  if (person === undefined) return void problem(`person "${event.person}" does not exist in the CRM at this point (its inbound event was rejected or has not happened yet)`);
  const record = world.crm.get(person.type, person.id);
  if (record === undefined) return void problem(`person "${event.person}" (${person.type} ${person.id}) is no longer in the CRM`);
  const rep = actingRep(world, record['OwnerId'], event.as);
  const patch = async (type: string, id: string, fields: Record<string, unknown>, what: string) => {
    const result = await restAsRep(world, transport, rep, 'PATCH', `sobjects/${type}/${id}`, fields);
    if (!result.ok) problem(`the CRM refused ${what}: ${result.message}`);
    return result.ok;
  };
  switch (event.kind) {
    case 'repEdit':
      await patch(person.type, person.id, substituteRefs(event.fields, resolve), "the rep's edit");
      harness.pipeline.ctx.directory.invalidate();
      return;
    case 'countryChange': {
      const code = standardizeCountry(event.country);
      const [countryField, codeField] = person.type === 'Lead' ? ['Country', 'CountryCode'] : ['MailingCountry', 'MailingCountryCode'];
      const fields: Record<string, unknown> = { [countryField]: event.country, ...(code.ok ? { [codeField]: code.code } : {}), ...(event.rerun ? { Rerun_Routing__c: true } : {}) };
      if (!(await patch(person.type, person.id, fields, 'the country change')) || !event.rerun) return;
      const result = await harness.rerun(person, { id: `rerun-${String(harness.reruns.length + 1).padStart(4, '0')}` });
      if (result.kind === 'skipped') return void problem(`re-run routing was skipped: ${result.reason}`);
      if (result.kind === 'failed') problem(`re-run routing failed: ${result.reason}`);
      const trace = result.trace;
      const list = state.personTraces.get(event.person) ?? [];
      list.push(trace);
      state.personTraces.set(event.person, list);
      return;
    }
    case 'recall': {
      await patch(person.type, person.id, { Partner_Recalled__c: true, Partner_Recalled_Date__c: world.clock.iso() }, 'the recall');
      for (const prospect of world.impartner.records('Prospect')) {
        if (prospect['CrmId'] !== person.id || !['Pending', 'Accepted'].includes(String(prospect['ShareStatus']))) continue;
        const recalled = world.impartner.recall(prospect.Id as number);
        if (!recalled.ok) problem(`the PRM refused the recall: ${recalled.message}`);
      }
      return;
    }
    case 'memberStatus': {
      const campaignId = world.ids.campaignIds.get(event.campaign)!;
      const link = person.type === 'Lead' ? 'LeadId' : 'ContactId';
      const member = [...world.crm.records('CampaignMember')].find((m) => m['CampaignId'] === campaignId && m[link] === person.id);
      if (member) await patch('CampaignMember', member.Id, { Status: event.status }, 'the member status');
      else {
        const created = await restAsRep(world, transport, rep, 'POST', 'sobjects/CampaignMember', { CampaignId: campaignId, [link]: person.id, Status: event.status });
        if (!created.ok) problem(`the CRM refused the campaign member: ${created.message}`);
      }
      return;
    }
    case 'convert': {
      if (person.type !== 'Lead') return void problem(`person "${event.person}" is a contact already; only leads convert`);
      const ownerIsUser = typeof record['OwnerId'] === 'string' && world.crm.get('User', record['OwnerId']) !== undefined;
      const result = world.crm.convertLead({ leadId: person.id, convertedStatus: 'Converted', doNotCreateOpportunity: true, ...(ownerIsUser ? {} : { ownerId: rep }) }, { userId: rep });
      if (!result.success || result.contactId === null) return void problem(`the CRM refused the conversion: ${result.errors.map((e) => e.message).join('; ')}`);
      state.people.set(event.person, { type: 'Contact', id: result.contactId });
      return;
    }
  }
}

/** Records what a person key's latest inbound trace ended as. */
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
