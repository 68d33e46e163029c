import { ImpartnerClient } from '../clients/impartnerClient.ts';
import { MarketoClient } from '../clients/marketoClient.ts';
import { SalesforceClient } from '../clients/salesforceClient.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { emptyRoundRobinState, type RoundRobinState } from '../routing/roundRobin.ts';
import type { Transport } from '../transport/transport.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT } from '../world/credentials.ts';
import type { World } from '../world/world.ts';
import { CallSink } from './callSink.ts';
import { Directory } from './directory.ts';
import { Pipeline } from './pipeline.ts';
import type { PipelineJob } from './pipelineJob.ts';
import type { PipelineContext, RetryPolicy } from './pipelineContext.ts';

/** Options of {@link createPipeline}. */
export interface CreatePipelineOptions {
  readonly graph: Graph;
  /** Round-robin state to start from (default: empty). */
  readonly roundRobin?: RoundRobinState;
  /** Retry policy (default 4 tries, 1 s base backoff in simulated time). */
  readonly retry?: Partial<RetryPolicy>;
  /** Replace the jobs (tests break the pipeline on purpose this way). */
  readonly jobs?: readonly PipelineJob[];
  /** Simulated ms each API call takes (default 40): speed to lead is measured in simulated time. */
  readonly callLatencyMs?: number;
  /** Told of every routing decision (see {@link PipelineContext.onRoute}). */
  readonly onRoute?: PipelineContext['onRoute'];
}

/**
 * Builds the pipeline for a world over a transport: API clients authenticated as the pipeline's integration
 * user, the org directory (kept fresh by the CRM's change events), the routing graph and round-robin state, and
 * the call sink that puts every API call in the trace of the job that made it.
 */
export function createPipeline(world: World, transport: Transport, options: CreatePipelineOptions): Pipeline {
  const calls = new CallSink();
  const latency = options.callLatencyMs ?? 40;
  const send: typeof transport.send = (request) => {
    world.clock.advance(latency);
    return transport.send(request);
  };
  const direct = transport.exchange;
  const exchange: typeof direct = direct
    ? (call) => {
        world.clock.advance(latency);
        return direct(call);
      }
    : undefined;
  const http = { send, clock: world.clock, onCall: calls.listener, ...(exchange ? { exchange } : {}), ...(transport.inProcessBodies ? { inProcessBodies: true } : {}) };
  const salesforce = new SalesforceClient({ ...http, instanceUrl: transport.origins.salesforce, accessToken: world.salesforceToken });
  const marketo = new MarketoClient({ ...http, baseUrl: `${transport.origins.marketo}/rest`, identityUrl: `${transport.origins.marketo}/identity`, ...MARKETO_CLIENT });
  const impartner = new ImpartnerClient({ ...http, baseUrl: transport.origins.impartner, ...IMPARTNER_KEY });
  return new Pipeline(
    {
      clock: world.clock,
      salesforce,
      marketo,
      impartner,
      directory: new Directory(salesforce, (listener) => world.crm.onChange(listener)),
      graph: options.graph,
      roundRobin: options.roundRobin ?? emptyRoundRobinState(),
      retry: { maxAttempts: 4, baseDelayMs: 1_000, ...options.retry },
      prmAccountIds: new Map(),
      ...(options.onRoute ? { onRoute: options.onRoute } : {}),
      integrationUserId: world.crm.integrationUserId,
    },
    { calls, ...(options.jobs ? { jobs: options.jobs } : {}) },
  );
}
