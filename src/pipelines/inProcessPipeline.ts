import { LeadsimError } from '../core/errors.ts';
import { SIM_ORIGINS } from '../world/credentials.ts';
import { interceptInProcess } from './inProcessInterception.ts';
import { answerOfResult, type PipelineHandle } from './pipelineContract.ts';
import { pipelineEnv } from './pipelineEnv.ts';
import { answerOrFailure, contractDelivery, type PipelineUnderTest } from './pipelineUnderTest.ts';

/** Options of {@link inProcessPipeline}. */
export interface InProcessPipelineOptions {
  /** How reports name it (default `your pipeline`). */
  readonly label?: string;
  /** The CLI options that select it again, for replay lines (default none). */
  readonly replayArgs?: readonly string[];
  /** Wall-clock ms one delivery may take before it counts as failed with no answer (default 30 000). */
  readonly timeoutMs?: number;
  /** Simulated ms each request of the pipeline takes (default 40, as the reference pipeline's calls do). */
  readonly callLatencyMs?: number;
}

/**
 * Your pipeline in this process: `handle(delivery, env)` is called for each delivery, one at a time, and its own
 * HTTP clients (jsforce 3.10.16, fetch, node-fetch, axios) reach the simulated APIs through msw's `setupServer`, on
 * the simulated vendors' own hosts (`env`). What it returns is its answer (`{ rejected: reason }`, or done); what it
 * throws fails the delivery, which leadsim delivers again later. A request to a host no simulated API answers fails
 * the run, naming the request: nothing leaves the process.
 */
export function inProcessPipeline(handle: PipelineHandle, options: InProcessPipelineOptions = {}): PipelineUnderTest {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const latency = options.callLatencyMs ?? 40;
  return {
    label: options.label ?? 'your pipeline',
    replayArgs: options.replayArgs ?? [],
    async attach(world, { worldNumber }) {
      const env = pipelineEnv(world, SIM_ORIGINS, worldNumber);
      const interception = interceptInProcess(world.handlers, () => world.clock.advance(latency));
      return {
        env,
        async handle(delivery) {
          const handling = world.deliveries.beginDelivery(delivery);
          let answer = await answerOrFailure(async () => {
            const result = answerOfResult(await withTimeout(Promise.resolve(handle(contractDelivery(delivery, handling.attempt), env)), timeoutMs));
            // Requests a pipeline started without awaiting them finish before the next delivery.
            await new Promise((resolve) => setImmediate(resolve));
            return result;
          });
          const unhandled = interception.takeUnhandled();
          if (unhandled.length > 0) answer = { kind: 'failed', error: `requests no simulated API answers: ${unhandled.map((r) => `${r.method} ${r.url}`).join(', ')}` };
          world.deliveries.end(handling, answer);
          if (unhandled.length > 0) {
            throw new LeadsimError(
              'UNHANDLED_REQUEST',
              `Failed to run delivery ${delivery.id} (${delivery.entryPoint}) through ${options.label ?? 'your pipeline'}: it sent ${unhandled.map((r) => `${r.method} ${r.url}`).join(', ')}, which no simulated API answers (nothing leaves the process). Address the systems through env: env.salesforce.instanceUrl (or loginUrl for OAuth), env.marketo.baseUrl and identityUrl, env.impartner.baseUrl; see the README's endpoint list.`,
            );
          }
          return answer;
        },
        close: async () => interception.close(),
      };
    },
  };
}

/** The promise, or a rejection when it takes longer than `ms` of wall-clock time (the edge of the run, not the simulation). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
