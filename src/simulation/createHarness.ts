import type { FaultPlanInput } from '../../mocks/faults/faultPlan.ts';
import { Rng } from '../core/random.ts';
import type { ParsedPayload } from '../entrypoints/registry.ts';
import type { WorldHints } from '../generators/worldHints.ts';
import { generateOrg } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { createPipeline } from '../pipeline/createPipeline.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import type { PipelineContext } from '../pipeline/pipelineContext.ts';
import type { PipelineJob } from '../pipeline/pipelineJob.ts';
import { DEFAULT_JOBS } from '../pipeline/jobs/index.ts';
import { routeByAssignmentRules } from '../pipeline/jobs/routeByAssignmentRules.ts';
import { PARKED_RETRY, retryParked, type RetryParkedOptions } from '../pipeline/retryParked.ts';
import { rerunRouting, type RerunResult, type RerunRoutingOptions, type RerunTarget } from '../pipeline/rerunRouting.ts';
import { summarizeTrace, type TraceRetention } from '../pipeline/summarizedTrace.ts';
import { TraceStore } from '../pipeline/traceStore.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { deliver as deliverAction } from './deliver.ts';
import { resubmit } from './resubmit.ts';
import { IdTable } from '../core/idTable.ts';
import { ActionLog } from './actionLog.ts';
import type { BlockedAction, RunRecord } from './runRecord.ts';
import { responseJson } from '../core/inProcessBody.ts';
import { openDirectTransport } from '../transport/directTransport.ts';
import { guardNetwork } from '../transport/networkGuard.ts';
import { jsonRequest } from '../transport/jsonRequest.ts';
import { openTransport } from '../transport/openTransport.ts';
import type { Transport, TransportKind } from '../transport/transport.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { createWorld, type World } from '../world/world.ts';
import { worldHintsOf } from '../world/worldHints.ts';
import type { DeliveryAnswer, Handling } from '../evidence/deliveryLog.ts';
import { readDelivery } from '../evidence/deliveryReading.ts';
import type { PersonRef } from '../evidence/runEvidence.ts';
import { asPipelineUnderTest, type PipelineChoice } from '../pipelines/asPipelineUnderTest.ts';
import { nextWorldNumber, type AttachedPipeline } from '../pipelines/pipelineUnderTest.ts';
import type { OrgSettingsInput } from '../systems/crm/orgSettings.ts';

/** Options of {@link createHarness}. */
export interface HarnessOptions {
  /** The seed of the world (and of the org when none is given); the same seed gives the same world. */
  readonly seed: number;
  /** The org to seed (default: `generateOrg` from the seed, as `simulate` does). */
  readonly org?: OrgSpec;
  /** The routing graph (default: scenarios/graphs/default.json). */
  readonly graph?: Graph;
  /** Replace the pipeline's jobs (to test a changed pipeline, or to break it on purpose). */
  readonly jobs?: readonly PipelineJob[];
  /**
   * Who routes: `graph` (default), the pipeline's route job with the routing graph; or `assignment-rules`, the CRM's
   * active lead assignment rule (the org's `assignmentRules` file), which the route step asks Salesforce to run.
   */
  readonly routing?: Routing;
  /** Native integration switches (all off by default). */
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  /** A fault plan for the simulated APIs (none by default). */
  readonly faults?: FaultPlanInput;
  /** How requests reach the simulated APIs (default `dispatch`: no sockets, fastest; `direct`: no HTTP at all). */
  readonly transport?: TransportKind | 'direct';
  /** Wraps the opened transport (the benchmark counts calls this way). */
  readonly wrapTransport?: (transport: Transport) => Transport;
  /** Simulated start time, epoch ms (default 2026-01-05 09:00 UTC). */
  readonly start?: number;
  /** Simulated ms the clock moves before each delivery (default 60 000). */
  readonly gapMs?: number;
  /** Told of every routing decision the pipeline makes (the mutation runner records them). */
  readonly onRoute?: PipelineContext['onRoute'];
  /**
   * How much of each finished trace to keep (default `full`); `summary` keeps what the invariants and reports read
   * (src/pipeline/summarizedTrace.ts), and in full the first created trace of each entry point (the audit's example).
   */
  readonly traces?: TraceRetention;
  /** Called with every finished trace in full, before it is summarized (to stream traces to a file). */
  readonly onTrace?: (trace: EventTrace) => void;
  /**
   * A pipeline of yours instead of the reference pipeline: your module (an object with `handle`), its `handle`
   * function, or a pipeline reached another way (`remotePipeline(url)`). It receives every delivery, repeats
   * included (it deduplicates by id itself), and talks to the simulated APIs with its own clients; `graph`, `jobs`
   * and `onRoute` are the reference pipeline's and do not apply. Ids of the world's deliveries are prefixed with the
   * world's number (`w3-evt-000001`), so they never repeat across worlds.
   */
  readonly pipeline?: PipelineChoice;
  /**
   * The Salesforce org's settings (default: the CRM's: duplicate rules block). For a pipeline of yours the rules do
   * not apply to its own credential, the integration user (an exempt integration profile): deduplication is its job,
   * while reps' duplicates are still refused.
   */
  readonly orgSettings?: OrgSettingsInput;
}

/** One handling a delivery caused: the id, how the pipeline answered, and the person its email names after it. */
export interface HandledDelivery {
  readonly id: string;
  readonly entryPoint: string;
  readonly answer: DeliveryAnswer;
  readonly person?: PersonRef;
}

/** Who routes leads: the pipeline's routing graph, or Salesforce's assignment rules. */
export type Routing = 'graph' | 'assignment-rules';

/** An inbound action to deliver: an entry point's payload, with an idempotency key when the test wants its own. */
export type HarnessEvent = ParsedPayload & { readonly id?: string };

/** What one delivery did: the id it was delivered with, the refusal when a system refused it, the traces it caused. */
export interface Delivery {
  readonly id: string;
  readonly blocked?: BlockedAction;
  /** The traces of the events the delivery put on the intake (a rep's lead or a partner registration has its own id); none for a pipeline of yours. */
  readonly traces: readonly EventTrace[];
  /** What the pipeline (the reference or yours) answered for each event the delivery put on the intake. */
  readonly handled: readonly HandledDelivery[];
}

/**
 * A seeded world, a transport and a pipeline for one test: deliver inbound actions the way production does, make
 * the changes people make between them, and hand the run to the invariants. Create one per test (or per property
 * run) and close it.
 * @example
 * const h = await createHarness({ seed: 7 });
 * await h.deliver({ entryPoint: 'chat', payload });
 * expectInvariants(h.record());
 * await h.close();
 */
export interface LeadsimHarness {
  readonly seed: number;
  readonly world: World;
  readonly transport: Transport;
  /** The reference pipeline (it processes the deliveries unless a pipeline of yours does: {@link underTest}). */
  readonly pipeline: Pipeline;
  /** Your pipeline, attached to this world, when `pipeline` was given. */
  readonly underTest: AttachedPipeline | undefined;
  readonly graph: Graph;
  /** The simulated time the run started (after seeding), epoch ms. */
  readonly startedAt: number;
  /** What the generators may know about this world (campaigns, partners, domains, existing people, reps). */
  readonly hints: WorldHints;
  /** Every trace so far, in processing order. */
  readonly traces: readonly EventTrace[];
  /** The traces of routing re-runs (rule 7); not inbound events, so not in {@link record}'s traces. */
  readonly reruns: readonly EventTrace[];
  /** A fresh idempotency key (`evt-000001`, `evt-000002`, …); deliveries without an id take the next one. */
  nextEventId(): string;
  /** Delivers one action (advancing the clock by `gapMs` first) and processes everything the intake queued. */
  deliver(event: HarnessEvent, options?: { readonly repeat?: boolean }): Promise<Delivery>;
  /** Delivers one action without processing it: it waits on the intake until {@link drain}. */
  send(event: HarnessEvent): Promise<{ readonly id: string; readonly blocked?: BlockedAction }>;
  /** Processes every event waiting on the intake, in arrival order; returns their traces (none for a pipeline of yours). */
  drain(): Promise<EventTrace[]>;
  /**
   * Posts an accepted webhook to the intake again with the same idempotency key and payload (an at-least-once
   * webhook), then drains. `id` is the id {@link deliver} returned (the key) or the intake's event id.
   */
  redeliver(id: string): Promise<EventTrace[]>;
  /**
   * Tries parked events again, as the end of a simulation does: after a pause of simulated time, every parked event
   * runs through the pipeline once more (its jobs are safe to run again); while some stay parked, up to `rounds`
   * rounds (default `PARKED_RETRY.rounds`), each pause twice the last. Returns the traces tried, once each.
   */
  retryParked(options?: RetryParkedOptions): Promise<EventTrace[]>;
  /**
   * Routes a person again (see `rerunRouting`): rule 7 for a person whose `Rerun_Routing__c` is set, or with trigger
   * `recall` a lead recalled from its partner; `id` names the trace, which joins {@link reruns}.
   */
  rerun(target: RerunTarget, options?: RerunRoutingOptions): Promise<RerunResult>;
  /** The run so far, for the invariants and reports. */
  record(): RunRecord;
  /** Closes the transport and releases the network guard (connections off loopback are refused until then). */
  close(): Promise<void>;
}

/** Builds a {@link LeadsimHarness}. Deterministic: the same options and the same calls give the same run. */
export async function createHarness(options: HarnessOptions): Promise<LeadsimHarness> {
  const org = options.org ?? generateOrg(new Rng(options.seed).fork('org'));
  const underTest = options.pipeline === undefined ? undefined : asPipelineUnderTest(options.pipeline);
  const worldNumber = underTest ? nextWorldNumber() : 0;
  const world = createWorld({
    seed: options.seed,
    org,
    ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}),
    // A pipeline of yours always gets a fault injector (all zero by default) that a check can aim at one answer.
    ...(options.faults || underTest ? { faults: options.faults ?? {} } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
    ...(underTest ? { forwardRepeats: true, deliveryIdPrefix: `w${worldNumber}-` } : {}),
    ...(options.orgSettings ? { orgSettings: options.orgSettings } : {}),
  });
  if (underTest && options.orgSettings?.duplicateRuleBypassUsers === undefined) world.crm.configure({ duplicateRuleBypassUsers: [world.crm.integrationUserId] });
  const graph = options.graph ?? loadDefaultGraph();
  const kind = options.transport ?? 'dispatch';
  const opened = kind === 'direct' ? openDirectTransport(world) : await openTransport(kind, world.handlers);
  // Nothing leaves the process while the harness is open, also from clients msw does not intercept (undici).
  const network = guardNetwork();
  const transport = options.wrapTransport ? options.wrapTransport(opened) : opened;
  const rulesRoute = options.routing === 'assignment-rules' ? routeByAssignmentRules : undefined;
  const jobs = rulesRoute ? (options.jobs ?? DEFAULT_JOBS).map((job) => (job.name === 'route' ? rulesRoute : job)) : options.jobs;
  const pipeline = createPipeline(world, transport, { graph, ...(jobs ? { jobs } : {}), ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  const attached = underTest ? await underTest.attach(world, { worldNumber }) : undefined;
  const startedAt = world.clock.now();
  const gapMs = options.gapMs ?? 60_000;
  const traces: EventTrace[] = [];
  const reruns: EventTrace[] = [];
  const blocked: BlockedAction[] = [];
  const actions = new ActionLog();
  /** The events the intake accepted during the action being delivered. */
  const acceptedNow: string[] = [];
  world.intake.onAccept((e) => acceptedNow.push(e.id));
  const redelivered: string[] = [];
  /**
   * The entry point each key was delivered to (keys are scoped to their entry point): keys shaped like the ones
   * {@link nextEventId} makes, by their number (an array slot each rather than a map entry and a string); others by key.
   */
  const sentTo = new Map<string, string>();
  const sentToNumbered = new IdTable<string>();
  const numberedPrefix = `${world.deliveryIdPrefix}evt-`;
  const numberOf = (id: string): number | undefined => {
    const n = id.startsWith(numberedPrefix) ? Number(id.slice(numberedPrefix.length)) : NaN;
    return Number.isSafeInteger(n) && n >= 1 && id === `${numberedPrefix}${String(n).padStart(6, '0')}` ? n : undefined;
  };
  const entryPointSentTo = (id: string): string | undefined => {
    const n = numberOf(id);
    return n === undefined ? sentTo.get(id) : sentToNumbered.get(n);
  };
  let next = 1;

  const nextEventId = () => `${numberedPrefix}${String(next++).padStart(6, '0')}`;
  const send = async (event: HarnessEvent) => {
    const id = event.id ?? nextEventId();
    world.clock.advance(gapMs);
    const n = numberOf(id);
    if (n === undefined) sentTo.set(id, event.entryPoint);
    else sentToNumbered.set(n, event.entryPoint);
    const refusedBefore = world.intake.refused.length;
    acceptedNow.length = 0;
    const heard = await deliverAction(world, transport, { ...event, id } as ParsedPayload & { id: string });
    const eventIds = [...acceptedNow];
    // What reached the intake counts, not what the sender heard: a rep's create whose answer was lost made its lead.
    const atDoor = eventIds.length === 0 ? world.intake.refused.slice(refusedBefore)[0] : undefined;
    const refused = eventIds.length > 0 ? undefined : (heard ?? (atDoor && { entryPoint: event.entryPoint, reason: `intake refused the payload: ${atDoor.error.message}`, at: atDoor.at }));
    if (refused) blocked.push(refused);
    const outcome = eventIds.length > 0 ? 'accepted' : atDoor ? 'refused' : refused ? 'blocked' : 'native';
    actions.add({ entryPoint: event.entryPoint, outcome, eventIds, at: world.clock.now() });
    return { id, ...(refused ? { blocked: refused } : {}) };
  };
  const examples = new Set<string>();
  let store: TraceStore | undefined;
  /** A finished trace as the run keeps it: whole, or summarized (an entry point's first created trace stays whole). */
  const keep = (trace: EventTrace): EventTrace => {
    if (trace.outcome?.kind !== 'parked') options.onTrace?.(trace);
    if (options.traces !== 'summary') return trace;
    if (trace.outcome?.kind === 'created' && !examples.has(trace.entryPoint)) {
      examples.add(trace.entryPoint);
      return trace;
    }
    return summarizeTrace(trace, (store ??= new TraceStore()));
  };
  const drain = async () => {
    const done: EventTrace[] = [];
    for (let event = world.intake.take(); event; event = world.intake.take()) {
      if (attached) {
        await attached.handle(world.deliveries.delivery(event.delivery!)!);
        continue;
      }
      const trace = keep(await pipeline.process(event));
      traces.push(trace);
      done.push(trace);
    }
    return done;
  };
  /** What the handlings since `mark` answered, with the person each one's email names now. */
  const handledSince = (mark: number, done: readonly EventTrace[]): HandledDelivery[] =>
    world.deliveries.handlingsAfter(mark).flatMap((h: Handling): HandledDelivery[] => {
      if (h.kind !== 'delivery' || h.answer === undefined || h.delivery === undefined) return [];
      const outcome = done.find((t) => t.eventId === h.id)?.outcome;
      const person = outcome && 'personId' in outcome && outcome.personId ? { type: outcome.personId.startsWith('003') ? ('Contact' as const) : ('Lead' as const), id: outcome.personId } : attached ? personByEmail(world, readDelivery(h.delivery).email) : undefined;
      return [{ id: h.id, entryPoint: h.delivery.entryPoint, answer: h.answer, ...(person ? { person } : {}) }];
    });

  return {
    seed: options.seed,
    world,
    transport,
    pipeline,
    graph,
    startedAt,
    hints: worldHintsOf(world),
    traces,
    reruns,
    underTest: attached,
    nextEventId,
    send,
    drain,
    async deliver(event, deliverOptions = {}) {
      const mark = world.deliveries.handlingCount;
      const sent = await send(event);
      if (deliverOptions.repeat && accepted(sent.id)) await postAgain(sent.id);
      const done = await drain();
      return { ...sent, traces: done, handled: handledSince(mark, done) };
    },
    async redeliver(id) {
      await postAgain(id);
      return drain();
    },
    async retryParked(retryOptions = {}) {
      if (attached) {
        world.clock.advance(PARKED_RETRY.firstPauseMs);
        const lastAnswers = new Map<string, Handling['answer']>();
        for (const h of world.deliveries.handlings) if (h.kind === 'delivery') lastAnswers.set(h.id, h.answer);
        for (const delivery of world.deliveries.deliveries) {
          if (!delivery.repeat && lastAnswers.get(delivery.id)?.kind === 'failed') await attached.handle(delivery);
        }
        return [];
      }
      const retried = await retryParked(pipeline, world.intake, traces, world.clock, retryOptions);
      return retried.map((trace) => {
        const kept = keep(trace);
        traces[traces.indexOf(trace)] = kept;
        return kept;
      });
    },
    async rerun(target, rerunOptions = {}) {
      if (attached) return { kind: 'skipped', reason: `routing again (${rerunOptions.trigger ?? 'rerun'}) is the reference pipeline's own job: leadsim does not ask ${underTest!.label} to route ${target.id} again` };
      const result = await rerunRouting(pipeline, target, { ...rerunOptions, ...(rulesRoute ? { route: rulesRoute } : {}) });
      if (result.kind !== 'skipped') reruns.push(keep(result.trace));
      return result;
    },
    record() {
      const count = actions.length;
      // The actions so far, made again on each read: a run of many leads keeps them by column, not as objects.
      return { seed: options.seed, world, graph, traces: [...traces], reruns: [...reruns], blocked: [...blocked], get actions() { return actions.list(count); }, redelivered: [...redelivered], startedAt, ...(underTest ? { pipelineUnderTest: underTest.label } : {}) };
    },
    async close() {
      network.release();
      await attached?.close();
      await opened.close();
    },
  };

  /** The event a delivery id (its key) or an event id names, if the intake accepted it. */
  function accepted(id: string) {
    const entryPoint = entryPointSentTo(id);
    return (entryPoint === undefined ? undefined : world.intake.find(entryPoint, id)) ?? world.intake.received.get(id);
  }

  async function postAgain(id: string): Promise<void> {
    const event = accepted(id);
    if (event?.key === undefined) throw new RangeError(`Failed to redeliver "${id}": the intake never accepted a keyed delivery with this id. Redeliver an id from an earlier delivery.`);
    redelivered.push(event.id);
    const response = await resubmit(world, () =>
      transport.send(jsonRequest(transport, `${transport.origins.intake}/intake/${event.entryPoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': event.key! } }, world.intake.deliveredPayload(event.id) ?? event.payload)),
    );
    if (response.type === 'error' || response.status >= 400) throw new Error(`Failed to redeliver "${id}": the intake answered ${response.status} ${JSON.stringify(await responseJson(response))}. This is a bug in leadsim.`);
  }
}

/** The live person (a contact first, else a lead not converted) whose email is `email`, from the CRM's email index. */
function personByEmail(world: World, email: string | undefined): PersonRef | undefined {
  if (email === undefined) return undefined;
  for (const type of ['Contact', 'Lead'] as const) {
    for (const record of world.crm.lookup(type, 'Email', email) ?? []) {
      if (record['IsConverted'] !== true && record['IsDeleted'] !== true) return { type, id: record.Id };
    }
  }
  return undefined;
}
