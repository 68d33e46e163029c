import type { SimClock } from '../core/clock.ts';
import type { SalesforceClient } from '../clients/salesforceClient.ts';
import type { MarketoClient } from '../clients/marketoClient.ts';
import type { ImpartnerClient } from '../clients/impartnerClient.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { Decision } from '../routing/route.ts';
import type { RoundRobinState } from '../routing/roundRobin.ts';
import type { RoutingContext } from '../routing/routingContext.ts';
import type { Directory } from './directory.ts';

/** Retry policy for retryable API answers (5xx, rate limits, timeouts, lost responses). */
export interface RetryPolicy {
  /** Tries per job before the event is parked (default 4). */
  readonly maxAttempts: number;
  /** Backoff before try n (n ≥ 2) is `baseDelayMs × 2^(n-2)` of simulated time (default 1000). */
  readonly baseDelayMs: number;
}

/** Everything a job may use: the clock, the three API clients, the org directory and the routing graph. */
export interface PipelineContext {
  readonly clock: SimClock;
  readonly salesforce: SalesforceClient;
  readonly marketo: MarketoClient;
  readonly impartner: ImpartnerClient;
  readonly directory: Directory;
  readonly graph: Graph;
  /** Round-robin state, carried from one routing decision to the next. */
  roundRobin: RoundRobinState;
  readonly retry: RetryPolicy;
  /** Impartner account ids by CRM Account id, learned from the PRM as partners are first shared with. */
  readonly prmAccountIds: Map<string, number | string>;
  /** Told of every routing decision the route job makes (the mutation runner replays them on mutant graphs). */
  readonly onRoute?: (call: RouteCall) => void;
  /**
   * The CRM user the pipeline's session writes as (its integration user). Routing reads it as `currentUser.*`: it
   * is the user whose write runs routing, as Salesforce's "Current User" is when the pipeline's own write runs the
   * org's assignment rules. Without it, a graph's `currentUser.*` tests have no user to read.
   */
  readonly integrationUserId?: string;
}

/** One routing decision as the route job made it: the context it routed on, the round-robin state before, the decision. */
export interface RouteCall {
  readonly context: RoutingContext;
  readonly roundRobin: RoundRobinState;
  readonly decision: Decision;
}
