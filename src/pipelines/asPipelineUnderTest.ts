import { inProcessPipeline } from './inProcessPipeline.ts';
import type { PipelineHandle, PipelineModule } from './pipelineContract.ts';
import type { PipelineUnderTest } from './pipelineUnderTest.ts';

/** How a pipeline of yours can be given: its module (`{ handle }`), its `handle`, or a {@link PipelineUnderTest}. */
export type PipelineChoice = PipelineUnderTest | PipelineModule | PipelineHandle;

/** The {@link PipelineUnderTest} a choice names: a module or a function runs in process. */
export function asPipelineUnderTest(choice: PipelineChoice): PipelineUnderTest {
  if (typeof choice === 'function') return inProcessPipeline(choice);
  if ('attach' in choice && typeof choice.attach === 'function') return choice;
  const handle = (choice as PipelineModule).handle;
  if (typeof handle !== 'function') throw new TypeError('Failed to use the pipeline: it has no handle(delivery, env) function. Pass your module (import * as pipeline from "./my-pipeline.ts"), its handle, or remotePipeline(url).');
  return inProcessPipeline(handle);
}
