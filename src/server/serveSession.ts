import { Rng } from '../core/random.ts';
import { checkInvariants, type InvariantReport } from '../invariants/checkInvariants.ts';
import type { InvariantId } from '../invariants/violation.ts';
import { generateOrg } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { createPipeline } from '../pipeline/createPipeline.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import { PARKED_RETRY, retryParked } from '../pipeline/retryParked.ts';
import { summarizeTrace } from '../pipeline/summarizedTrace.ts';
import { TraceStore } from '../pipeline/traceStore.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { RoundRobinState } from '../routing/roundRobin.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { OrgSettings, OrgSettingsInput } from '../systems/crm/orgSettings.ts';
import { openTransport } from '../transport/openTransport.ts';
import type { Transport } from '../transport/transport.ts';
import { createWorld, type World } from '../world/world.ts';
import { restoreWorld, snapshotWorld, type WorldSnapshot } from '../world/worldSnapshot.ts';
import { RequestLog } from './requestLog.ts';
import type { ServeState } from './serveState.ts';
import { ServeClock, type ClockMode, type WallClock } from './serveClock.ts';

/** Options of {@link ServeSession.start}. */
export interface ServeSessionOptions {
  readonly seed: number;
  /** The routing graph events posted to the intake are routed with. */
  readonly graph: Graph;
  /** `wall` (default): simulated time follows the wall clock from the seeded start; `manual`: only when told. */
  readonly clock?: ClockMode;
  /**
   * The org (default: generated from the seed, as `simulate` does). A reset to another seed keeps a given org (the
   * seed changes only what is generated from it); a generated org is generated again from the new seed.
   */
  readonly org?: OrgSpec;
  /** Salesforce org settings (duplicate rules, state and country picklists). */
  readonly orgSettings?: OrgSettingsInput;
  /** The wall clock (tests pass a fake one). */
  readonly wall?: WallClock;
  /** Called with each event's trace once the pipeline has processed it. */
  readonly onTrace?: (trace: EventTrace) => void;
  /** A saved state to resume from (see serveState.ts): its world, traces, round-robin turns and simulated time. */
  readonly state?: ServeState;
  /**
   * How many of the latest traces are kept whole (default {@link FULL_TRACES_KEPT}); older finished ones are kept
   * summarized (src/pipeline/summarizedTrace.ts: jobs, times, outcome, routing and the evidence the invariants read),
   * so a long-running serve grows by a summary per event, not a whole trace. `Infinity` keeps every trace whole.
   */
  readonly fullTraces?: number;
}

/** Traces `serve` keeps whole by default: the latest 1,000 events (older ones summarized). */
export const FULL_TRACES_KEPT = 1_000;

/** What a shutdown left: events the pipeline finished, and accepted events it did not (queued, or still parked). */
export interface FinishReport {
  /** Events processed since the world was created (or resumed), each ended created, merged or rejected. */
  readonly done: number;
  /** Accepted events never taken off the intake. */
  readonly queued: number;
  /** Accepted events still parked after the retries. */
  readonly parked: number;
}

/** A snapshot the admin API holds, by id. */
export interface SessionSnapshot {
  readonly id: string;
  readonly name: string | undefined;
  /** Simulated time it was taken, ISO-8601. */
  readonly takenAt: string;
  readonly world: WorldSnapshot;
  readonly traces: readonly EventTrace[];
  readonly roundRobin: RoundRobinState;
}

/** Every access token issued so far, carried across resets and restores. */
interface Credentials {
  readonly sessions: ReturnType<World['crm']['sessions']['snapshot']>;
  readonly marketo: ReturnType<World['marketo']['tokens']>;
}

interface Live {
  readonly world: World;
  readonly transport: Transport;
  readonly pipeline: Pipeline;
  readonly traces: EventTrace[];
  /** The traces whose event is parked, waiting for its next try. */
  readonly parked: Set<EventTrace>;
  /** Where the world's summarized traces are kept (one store for all of them). */
  readonly store: TraceStore;
  /** Simulated time the world was created (records before it were seeded). */
  readonly startedAt: number;
}

function parkedOf(traces: readonly EventTrace[]): Set<EventTrace> {
  return new Set(traces.filter((t) => t.outcome?.kind === 'parked'));
}

/**
 * What `leadsim serve` serves: one live world (seeded org, clock, the three systems, the intake), the pipeline
 * that processes what is posted to the intake, and what the admin API (`/__leadsim`, adminHandlers.ts) does to them:
 * reset the world to a seed, move the clock, take and restore snapshots, check the invariants, read the request log.
 *
 * The pipeline reaches the simulated APIs in process (the `dispatch` transport), so its own calls cost no sockets
 * and never appear in the request log; clients' requests do. Credentials survive resets and restores: every access
 * token issued so far stays valid, so a test client never has to log in again.
 */
export class ServeSession {
  readonly clock: ServeClock;
  readonly requests = new RequestLog();
  readonly #options: ServeSessionOptions;
  readonly #snapshots = new Map<string, SessionSnapshot>();
  #snapshotCounter = 0;
  #live: Live;
  #draining: Promise<EventTrace[]> | undefined;

  private constructor(options: ServeSessionOptions, live: Live) {
    this.#options = options;
    this.#live = live;
    this.clock = new ServeClock(options.clock ?? 'wall', () => this.#live.world.clock, options.wall);
  }

  /** Seeds the world and starts the pipeline; with `options.state`, puts the saved world, traces and time back first. */
  static async start(options: ServeSessionOptions): Promise<ServeSession> {
    const state = options.state;
    const live = await ServeSession.#open(options, state?.seed ?? options.seed, state ? undefined : options.org, options.orgSettings, undefined);
    if (!state) return new ServeSession(options, live);
    restoreWorld(live.world, state.world);
    live.world.clock.advanceTo(state.savedAt);
    const pipeline = createPipeline(live.world, live.transport, { graph: options.graph, roundRobin: state.roundRobin, ...latencyOf(options) });
    return new ServeSession(options, { ...live, pipeline, traces: [...state.traces], parked: parkedOf(state.traces), startedAt: state.startedAt });
  }

  /** Everything needed to resume this session in another process (see serveState.ts). */
  state(): ServeState {
    const live = this.#live;
    return { seed: live.world.seed, savedAt: live.world.clock.now(), startedAt: live.startedAt, world: snapshotWorld(live.world), traces: [...live.traces], roundRobin: live.pipeline.ctx.roundRobin };
  }

  /**
   * Finishes what was accepted, as a shutdown does: waits for a running drain, processes everything on the intake,
   * then tries parked events again in rounds (`retryParked`). `stop` is asked before each event (a deadline); what is
   * left is counted in the report, for the caller to save or to fail on.
   */
  async finish(options: { readonly stop?: () => boolean } = {}): Promise<FinishReport> {
    await this.#draining;
    const stop = options.stop ?? (() => false);
    const run = this.#drainNow(stop).then(async () => {
      const live = this.#live;
      if (!stop()) await retryParked(live.pipeline, live.world.intake, live.traces, live.world.clock, { stop });
      for (const trace of [...live.parked]) if (trace.outcome?.kind !== 'parked') live.parked.delete(trace);
      return [];
    });
    this.#draining = run;
    await run;
    const live = this.#live;
    const parked = live.traces.filter((t) => t.outcome?.kind === 'parked').length;
    return { done: live.traces.length - parked, queued: live.world.intake.pending, parked };
  }

  /** The live world (a reset replaces it). */
  get world(): World {
    return this.#live.world;
  }

  /** The pipeline processing the intake. */
  get pipeline(): Pipeline {
    return this.#live.pipeline;
  }

  /** Every processed event's trace since the last reset, in processing order. */
  get traces(): readonly EventTrace[] {
    return this.#live.traces;
  }

  /** The seed of the live world. */
  get seed(): number {
    return this.#live.world.seed;
  }

  /** Runs every event waiting on the intake through the pipeline; returns their traces. One drain at a time. */
  drain(): Promise<EventTrace[]> {
    if (this.#draining) return this.#draining;
    const run = this.#drainNow();
    this.#draining = run;
    const clear = () => {
      if (this.#draining === run) this.#draining = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  async #drainNow(stop: () => boolean = () => false): Promise<EventTrace[]> {
    const done: EventTrace[] = [];
    const live = this.#live;
    this.clock.sync();
    for (let event = stop() ? undefined : live.world.intake.take(); event; event = stop() ? undefined : live.world.intake.take()) {
      const trace = await live.pipeline.process(event);
      live.traces.push(trace);
      if (trace.outcome?.kind === 'parked') live.parked.add(trace);
      done.push(trace);
      this.#options.onTrace?.(trace);
      this.#summarizeOld(live);
    }
    // A parked event is tried again once its pause has passed in simulated time: 15 min, then twice as long each run.
    for (const trace of [...live.parked]) {
      if (stop() || live.world.clock.now() < (trace.finishedAt ?? 0) + PARKED_RETRY.firstPauseMs * 2 ** (trace.runs - 1)) continue;
      const event = live.world.intake.received.get(trace.eventId);
      if (event) await live.pipeline.process(event, trace);
      if (trace.outcome?.kind !== 'parked') live.parked.delete(trace);
      done.push(trace);
      this.#options.onTrace?.(trace);
    }
    return done;
  }

  /** Summarizes the trace that just left the window of whole ones (a parked one stays whole: a retry continues it). */
  #summarizeOld(live: Live): void {
    const index = live.traces.length - 1 - (this.#options.fullTraces ?? FULL_TRACES_KEPT);
    if (index >= 0) live.traces[index] = summarizeTrace(live.traces[index]!, live.store);
  }

  /**
   * Replaces the world with a fresh one of `seed` (default: the current seed), as if serve had just started: the
   * org serve was given (or, without one, the org generated from `seed`), the seeded start time, no traces.
   * Snapshots are kept. Waits for a running drain first.
   */
  async reset(options: { seed?: number; orgSettings?: OrgSettingsInput } = {}): Promise<void> {
    await this.#draining;
    const old = this.#live;
    const seed = options.seed ?? old.world.seed;
    this.#live = await ServeSession.#open(this.#options, seed, this.#options.org, options.orgSettings ?? this.#options.orgSettings, old);
    this.clock.rebase();
    await old.transport.close();
  }

  /** Takes a snapshot of the world (and of the traces and round-robin turns that go with it). */
  snapshot(name?: string): SessionSnapshot {
    this.clock.sync();
    const id = `snap-${(this.#snapshotCounter += 1)}`;
    const snap: SessionSnapshot = {
      id,
      name,
      takenAt: this.world.clock.iso(),
      world: snapshotWorld(this.world),
      traces: [...this.#live.traces],
      roundRobin: this.#live.pipeline.ctx.roundRobin,
    };
    this.#snapshots.set(id, snap);
    return snap;
  }

  /** The snapshots held, oldest first. */
  snapshots(): SessionSnapshot[] {
    return [...this.#snapshots.values()];
  }

  /** Restores a snapshot by id: the world's state as it was (the clock keeps its time); false when there is none. */
  async restore(id: string): Promise<boolean> {
    const snap = this.#snapshots.get(id);
    if (!snap) return false;
    await this.#draining;
    if (snap.world.seed !== this.seed) await this.reset({ seed: snap.world.seed });
    const credentials = ServeSession.#credentials(this.world);
    restoreWorld(this.world, snap.world);
    ServeSession.#carry(credentials, this.world);
    const live = this.#live;
    const pipeline = createPipeline(live.world, live.transport, { graph: this.#options.graph, roundRobin: snap.roundRobin, ...latencyOf(this.#options) });
    this.#live = { ...live, pipeline, traces: [...snap.traces], parked: parkedOf(snap.traces) };
    return true;
  }

  /** Forgets a snapshot; false when there is none. */
  deleteSnapshot(id: string): boolean {
    return this.#snapshots.delete(id);
  }

  /**
   * The invariants over the world and every trace since the last reset, once the events the intake accepted are
   * processed (as {@link drain}): judged while still queued, they would read as lost.
   */
  async invariants(only?: readonly InvariantId[]): Promise<InvariantReport> {
    await this.drain();
    this.clock.sync();
    const live = this.#live;
    const run: RunRecord = {
      seed: live.world.seed,
      world: live.world,
      graph: this.#options.graph,
      traces: live.traces,
      reruns: [],
      blocked: [...live.world.connectorRefusals],
      redelivered: [],
      startedAt: live.startedAt,
    };
    return checkInvariants(run, only ? { only } : {});
  }

  /** Changes the org's settings; returns them. */
  configureOrg(settings: OrgSettingsInput): OrgSettings {
    return this.world.crm.configure(settings);
  }

  /** Stops the pipeline's transport. */
  async close(): Promise<void> {
    await this.#draining;
    await this.#live.transport.close();
  }

  static async #open(options: ServeSessionOptions, seed: number, org: OrgSpec | undefined, orgSettings: OrgSettingsInput | undefined, previous: Live | undefined): Promise<Live> {
    const world = createWorld({ seed, org: org ?? generateOrg(new Rng(seed).fork('org')), ...(orgSettings ? { orgSettings } : {}) });
    if (previous) ServeSession.#carry(ServeSession.#credentials(previous.world), world);
    const transport = await openTransport('dispatch', world.handlers);
    const pipeline = createPipeline(world, transport, { graph: options.graph, ...latencyOf(options) });
    return { world, transport, pipeline, traces: [], parked: new Set(), store: new TraceStore(), startedAt: world.clock.now() };
  }

  static #credentials(world: World): Credentials {
    return { sessions: world.crm.sessions.snapshot(), marketo: world.marketo.tokens() };
  }

  static #carry(credentials: Credentials, world: World): void {
    world.crm.sessions.restore(credentials.sessions);
    world.marketo.restoreTokens(credentials.marketo);
  }
}

/** Under the wall clock real time is the pipeline's latency: simulated latency would run simulated time ahead of it. */
function latencyOf(options: ServeSessionOptions): { callLatencyMs?: number } {
  return (options.clock ?? 'wall') === 'wall' ? { callLatencyMs: 0 } : {};
}
