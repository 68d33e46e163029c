import { Rng } from '../core/random.ts';
import { checkInvariants, type InvariantReport } from '../invariants/checkInvariants.ts';
import type { InvariantId } from '../invariants/violation.ts';
import { generateOrg } from '../org/generateOrg.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { createPipeline } from '../pipeline/createPipeline.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
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
  /** Simulated time the world was created (records before it were seeded). */
  readonly startedAt: number;
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

  /** Seeds the world and starts the pipeline. */
  static async start(options: ServeSessionOptions): Promise<ServeSession> {
    return new ServeSession(options, await ServeSession.#open(options, options.seed, options.org, options.orgSettings, undefined));
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

  async #drainNow(): Promise<EventTrace[]> {
    const done: EventTrace[] = [];
    const live = this.#live;
    this.clock.sync();
    for (let event = live.world.intake.take(); event; event = live.world.intake.take()) {
      const trace = await live.pipeline.process(event);
      live.traces.push(trace);
      done.push(trace);
      this.#options.onTrace?.(trace);
    }
    return done;
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
    this.#live = { ...live, pipeline, traces: [...snap.traces] };
    return true;
  }

  /** Forgets a snapshot; false when there is none. */
  deleteSnapshot(id: string): boolean {
    return this.#snapshots.delete(id);
  }

  /** The invariants over the world as it is now and every trace since the last reset. */
  invariants(only?: readonly InvariantId[]): InvariantReport {
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
    return { world, transport, pipeline, traces: [], startedAt: world.clock.now() };
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
