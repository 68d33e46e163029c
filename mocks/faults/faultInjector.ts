import type { SimClock } from '../../src/core/clock.ts';
import type { Rng } from '../../src/core/random.ts';
import { FaultPlanSchema, systemOf, type FaultKind, type FaultPlan, type FaultPlanInput, type SystemName } from './faultPlan.ts';

/** One fault the injector decided on, kept in its journal so a run can report and replay it. */
export interface InjectedFault {
  readonly seq: number;
  readonly system: SystemName;
  readonly kind: FaultKind;
  readonly method: string;
  readonly path: string;
  readonly at: number;
}

/** A fault aimed at one request to come: the first request `match` accepts after skipping `skip` of them. */
export interface AimedFault {
  readonly kind: FaultKind;
  /** How many matching requests to let through first (0: the next one). */
  readonly skip: number;
  /** Which requests count. */
  readonly match: (request: Request, system: SystemName) => boolean;
}

/**
 * Decides, per request and from its own seeded stream, whether the HTTP layer injects a fault. The decision
 * depends only on the seed and the order of requests, so the same run injects the same faults.
 */
export class FaultInjector {
  readonly plan: FaultPlan;
  readonly journal: InjectedFault[] = [];
  readonly #rng: Rng;
  readonly #clock: SimClock;
  readonly #aimed: { kind: FaultKind; skip: number; match: AimedFault['match'] }[] = [];
  #enabled = true;

  constructor(plan: FaultPlanInput, rng: Rng, clock: SimClock) {
    this.plan = FaultPlanSchema.parse(plan);
    this.#rng = rng;
    this.#clock = clock;
  }

  /** Turns injection off (e.g. while seeding or checking invariants) or back on. */
  setEnabled(enabled: boolean): void {
    this.#enabled = enabled;
  }

  /**
   * Aims a fault at one request to come, whatever the plan's probabilities (a property test aims at the pipeline's
   * second Salesforce write this way): it stays aimed until a matching request comes.
   */
  aim(fault: AimedFault): void {
    this.#aimed.push({ ...fault });
  }

  /** The fault to inject for this request, or undefined to let it through. */
  decide(request: Request): { system: SystemName; kind: FaultKind } | undefined {
    if (!this.#enabled) return undefined;
    const url = new URL(request.url);
    const system = systemOf(url);
    if (!system || !this.plan.systems.includes(system)) return undefined;
    // Token endpoints never fail: a fault there would only test the client's auth code, not the pipeline.
    if (url.pathname.endsWith('/oauth2/token') || url.pathname.endsWith('/oauth/token')) return undefined;
    const aimed = this.#aimed.findIndex((a) => a.match(request, system));
    if (aimed >= 0) {
      const fault = this.#aimed[aimed]!;
      if (fault.skip > 0) fault.skip -= 1;
      else {
        this.#aimed.splice(aimed, 1);
        return this.#inject(fault.kind, system, request, url);
      }
    }
    const roll = this.#rng.float();
    let edge = 0;
    for (const kind of ['serverError', 'rateLimit', 'timeout', 'lostResponse'] as const) {
      edge += this.plan[kind];
      if (roll < edge) return this.#inject(kind, system, request, url);
    }
    return undefined;
  }

  #inject(kind: FaultKind, system: SystemName, request: Request, url: URL): { system: SystemName; kind: FaultKind } {
    this.journal.push({ seq: this.journal.length + 1, system, kind, method: request.method, path: url.pathname, at: this.#clock.now() });
    if (kind === 'timeout') this.#clock.advance(this.plan.timeoutMs);
    return { system, kind };
  }
}
