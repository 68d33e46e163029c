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
import { retryParked, type RetryParkedOptions } from '../pipeline/retryParked.ts';
import { rerunRouting, type RerunResult, type RerunRoutingOptions, type RerunTarget } from '../pipeline/rerunRouting.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadDefaultGraph } from '../routing/loadGraph.ts';
import { deliver as deliverAction } from './deliver.ts';
import { resubmit } from './resubmit.ts';
import type { ActionRecord, BlockedAction, RunRecord } from './runRecord.ts';
import { responseJson } from '../core/inProcessBody.ts';
import { openDirectTransport } from '../transport/directTransport.ts';
import { guardNetwork } from '../transport/networkGuard.ts';
import { jsonRequest } from '../transport/jsonRequest.ts';
import { openTransport } from '../transport/openTransport.ts';
import type { Transport, TransportKind } from '../transport/transport.ts';
import type { NativeIntegrations } from '../world/nativeIntegrations.ts';
import { createWorld, type World } from '../world/world.ts';
import { worldHintsOf } from '../world/worldHints.ts';

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
}

/** Who routes leads: the pipeline's routing graph, or Salesforce's assignment rules. */
export type Routing = 'graph' | 'assignment-rules';

/** An inbound action to deliver: an entry point's payload, with an idempotency key when the test wants its own. */
export type HarnessEvent = ParsedPayload & { readonly id?: string };

/** What one delivery did: the id it was delivered with, the refusal when a system refused it, the traces it caused. */
export interface Delivery {
  readonly id: string;
  readonly blocked?: BlockedAction;
  /** The traces of the events the delivery put on the intake (a rep's lead or a partner registration has its own id). */
  readonly traces: readonly EventTrace[];
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
  readonly pipeline: Pipeline;
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
  /** Processes every event waiting on the intake, in arrival order; returns their traces. */
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
  const world = createWorld({
    seed: options.seed,
    org,
    ...(options.nativeIntegrations ? { nativeIntegrations: options.nativeIntegrations } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
  });
  const graph = options.graph ?? loadDefaultGraph();
  const kind = options.transport ?? 'dispatch';
  const opened = kind === 'direct' ? openDirectTransport(world) : await openTransport(kind, world.handlers);
  // Nothing leaves the process while the harness is open, also from clients msw does not intercept (undici).
  const network = guardNetwork();
  const transport = options.wrapTransport ? options.wrapTransport(opened) : opened;
  const rulesRoute = options.routing === 'assignment-rules' ? routeByAssignmentRules : undefined;
  const jobs = rulesRoute ? (options.jobs ?? DEFAULT_JOBS).map((job) => (job.name === 'route' ? rulesRoute : job)) : options.jobs;
  const pipeline = createPipeline(world, transport, { graph, ...(jobs ? { jobs } : {}), ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  const startedAt = world.clock.now();
  const gapMs = options.gapMs ?? 60_000;
  const traces: EventTrace[] = [];
  const reruns: EventTrace[] = [];
  const blocked: BlockedAction[] = [];
  const actions: ActionRecord[] = [];
  /** The events the intake accepted during the action being delivered. */
  const acceptedNow: string[] = [];
  world.intake.onAccept((e) => acceptedNow.push(e.id));
  const redelivered: string[] = [];
  /** The entry point each key was delivered to: keys are scoped to their entry point. */
  const sentTo = new Map<string, string>();
  let next = 1;

  const nextEventId = () => `evt-${String(next++).padStart(6, '0')}`;
  const send = async (event: HarnessEvent) => {
    const id = event.id ?? nextEventId();
    world.clock.advance(gapMs);
    sentTo.set(id, event.entryPoint);
    const refusedBefore = world.intake.refused.length;
    acceptedNow.length = 0;
    const heard = await deliverAction(world, transport, { ...event, id } as ParsedPayload & { id: string });
    const eventIds = [...acceptedNow];
    // What reached the intake counts, not what the sender heard: a rep's create whose answer was lost made its lead.
    const atDoor = eventIds.length === 0 ? world.intake.refused.slice(refusedBefore)[0] : undefined;
    const refused = eventIds.length > 0 ? undefined : (heard ?? (atDoor && { entryPoint: event.entryPoint, reason: `intake refused the payload: ${atDoor.error.message}`, at: atDoor.at }));
    if (refused) blocked.push(refused);
    const outcome = eventIds.length > 0 ? 'accepted' : atDoor ? 'refused' : refused ? 'blocked' : 'native';
    actions.push({ entryPoint: event.entryPoint, outcome, eventIds, at: world.clock.now() });
    return { id, ...(refused ? { blocked: refused } : {}) };
  };
  const drain = async () => {
    const done: EventTrace[] = [];
    for (let event = world.intake.take(); event; event = world.intake.take()) {
      const trace = await pipeline.process(event);
      traces.push(trace);
      done.push(trace);
    }
    return done;
  };

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
    nextEventId,
    send,
    drain,
    async deliver(event, deliverOptions = {}) {
      const sent = await send(event);
      if (deliverOptions.repeat && accepted(sent.id)) await postAgain(sent.id);
      return { ...sent, traces: await drain() };
    },
    async redeliver(id) {
      await postAgain(id);
      return drain();
    },
    retryParked: (retryOptions = {}) => retryParked(pipeline, world.intake, traces, world.clock, retryOptions),
    async rerun(target, rerunOptions = {}) {
      const result = await rerunRouting(pipeline, target, { ...rerunOptions, ...(rulesRoute ? { route: rulesRoute } : {}) });
      if (result.kind !== 'skipped') reruns.push(result.trace);
      return result;
    },
    record() {
      return { seed: options.seed, world, graph, traces: [...traces], reruns: [...reruns], blocked: [...blocked], actions: [...actions], redelivered: [...redelivered], startedAt };
    },
    close: () => {
      network.release();
      return opened.close();
    },
  };

  /** The event a delivery id (its key) or an event id names, if the intake accepted it. */
  function accepted(id: string) {
    const entryPoint = sentTo.get(id);
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
