import type { Delivery, DeliveryAnswer } from '../evidence/deliveryLog.ts';
import type { World } from '../world/world.ts';
import type { PipelineDelivery, PipelineEnv } from './pipelineContract.ts';

/**
 * A pipeline leadsim did not write, as the harness drives it: attached to each fresh world, handed one delivery at a
 * time. In process (`inProcessPipeline`: your module's `handle`) or out of process (`remotePipeline`: a URL).
 */
export interface PipelineUnderTest {
  /** How reports name it: `./my-pipeline.ts`, `http://127.0.0.1:8080/leads`. */
  readonly label: string;
  /** The CLI options that select it again, for replay lines: `['--pipeline', './my-pipeline.ts']`. */
  readonly replayArgs: readonly string[];
  /** Connects it to a fresh world (the harness does, once per world). */
  attach(world: World, context: AttachContext): Promise<AttachedPipeline>;
}

/** What a pipeline learns when it is attached to a world. */
export interface AttachContext {
  /** The world's number in this process (1, 2, …): it changes with every fresh world. */
  readonly worldNumber: number;
}

/** A pipeline attached to one world. */
export interface AttachedPipeline {
  /** The environment it was given. */
  readonly env: PipelineEnv;
  /**
   * Hands it one delivery and records the handling, with its answer, in the world's delivery log. Throws (after
   * recording) when the pipeline broke the contract in a way no invariant judges (a request to a host nobody
   * simulates): the run fails with that message.
   */
  handle(delivery: Delivery): Promise<DeliveryAnswer>;
  close(): Promise<void>;
}

/** A delivery in the contract's shape, for the handling's attempt (a copy: the pipeline cannot change the log). */
export function contractDelivery(delivery: Delivery, attempt: number): PipelineDelivery {
  return {
    id: delivery.id,
    entryPoint: delivery.entryPoint,
    payload: structuredClone(delivery.payload),
    receivedAt: new Date(delivery.receivedAt).toISOString(),
    attempt,
    repeat: delivery.repeat,
  };
}

let worlds = 0;

/** The next world number of this process (worlds with a pipeline of yours are numbered 1, 2, … in creation order). */
export function nextWorldNumber(): number {
  return (worlds += 1);
}

/** An error's message for a delivery's answer: its name and first line. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message.split('\n')[0] || '(no message)'}`;
  return String(error) || '(no message)';
}

/** The answer `send` gives, or a failure with its error's text when it throws (the delivery is then tried again later). */
export async function answerOrFailure(send: () => Promise<DeliveryAnswer>): Promise<DeliveryAnswer> {
  try {
    return await send();
  } catch (error) {
    return { kind: 'failed', error: errorText(error) };
  }
}
