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

/**
 * Decides, per request and from its own seeded stream, whether the HTTP layer injects a fault. The decision
 * depends only on the seed and the order of requests, so the same run injects the same faults.
 */
export class FaultInjector {
  readonly plan: FaultPlan;
  readonly journal: InjectedFault[] = [];
  readonly #rng: Rng;
  readonly #clock: SimClock;
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

  /** The fault to inject for this request, or undefined to let it through. */
  decide(request: Request): { system: SystemName; kind: FaultKind } | undefined {
    if (!this.#enabled) return undefined;
    const url = new URL(request.url);
    const system = systemOf(url);
    if (!system || !this.plan.systems.includes(system)) return undefined;
    // Token endpoints never fail: a fault there would only test the client's auth code, not the pipeline.
    if (url.pathname.endsWith('/oauth2/token') || url.pathname.endsWith('/oauth/token')) return undefined;
    const roll = this.#rng.float();
    let edge = 0;
    for (const kind of ['serverError', 'rateLimit', 'timeout', 'lostResponse'] as const) {
      edge += this.plan[kind];
      if (roll < edge) {
        this.journal.push({ seq: this.journal.length + 1, system, kind, method: request.method, path: url.pathname, at: this.#clock.now() });
        if (kind === 'timeout') this.#clock.advance(this.plan.timeoutMs);
        return { system, kind };
      }
    }
    return undefined;
  }
}
