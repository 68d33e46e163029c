import type { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { inProcessPipeline } from '../pipelines/inProcessPipeline.ts';
import { loadPipelineModule } from '../pipelines/loadPipelineModule.ts';
import type { PipelineUnderTest } from '../pipelines/pipelineUnderTest.ts';
import { remotePipeline } from '../server/remotePipeline.ts';

/** The options that put a pipeline of yours under test (validated with the command's own options). */
export const PipelineOptionsShape = {
  pipeline: z.string().min(1).optional(),
  pipelineUrl: z.string().min(1).optional(),
  pipelineTimeout: z.coerce.number().int().min(1).max(3_600_000).optional(),
};

/** What the pipeline options asked for. */
export interface PipelineOptions {
  readonly pipeline?: string | undefined;
  readonly pipelineUrl?: string | undefined;
  readonly pipelineTimeout?: number | undefined;
}

/** Adds `--pipeline FILE`, `--pipeline-url URL` and `--pipeline-timeout MS` to a command. */
export function addPipelineOptions(command: Command): Command {
  return command
    .option('--pipeline <file>', 'check your own pipeline instead of the reference one: a module exporting handle(delivery, env) (.ts, .mts, .js, .mjs)')
    .option('--pipeline-url <url>', 'check your own pipeline running as a service: leadsim POSTs each delivery to this loopback URL (http://127.0.0.1:PORT/path) and serves the simulated APIs on loopback')
    .option('--pipeline-timeout <ms>', 'wall-clock ms one delivery may take before it counts as failed (default 30000)');
}

/**
 * The pipeline the options name, loaded (exit 2 when the module cannot be loaded or exports no `handle`); undefined
 * for the reference pipeline. Replay lines name it again with the same path.
 */
export async function pipelineFromOptions(o: PipelineOptions, command: string): Promise<PipelineUnderTest | undefined> {
  const timeout = o.pipelineTimeout !== undefined ? ['--pipeline-timeout', String(o.pipelineTimeout)] : [];
  if (o.pipeline !== undefined && o.pipelineUrl !== undefined) throw new InputError('INVALID_ARGUMENT', { action: `run "leadsim ${command}" with these options`, file: `leadsim ${command}`, issues: [{ path: ['pipelineUrl'], message: '--pipeline and --pipeline-url both name the pipeline under test', expected: 'one of them', got: 'both' }] });
  if (o.pipelineUrl !== undefined) return remotePipeline(o.pipelineUrl, { replayArgs: ['--pipeline-url', o.pipelineUrl, ...timeout], ...(o.pipelineTimeout !== undefined ? { timeoutMs: o.pipelineTimeout } : {}) });
  if (o.pipeline === undefined) {
    if (o.pipelineTimeout !== undefined) throw new InputError('INVALID_ARGUMENT', { action: `run "leadsim ${command}" with these options`, file: `leadsim ${command}`, issues: [{ path: ['pipelineTimeout'], message: '--pipeline-timeout applies to a pipeline of yours', expected: '--pipeline FILE or --pipeline-url URL', got: 'nothing' }] });
    return undefined;
  }
  const module = await loadPipelineModule(o.pipeline);
  return inProcessPipeline(module.handle, { label: o.pipeline, replayArgs: ['--pipeline', o.pipeline, ...timeout], ...(o.pipelineTimeout !== undefined ? { timeoutMs: o.pipelineTimeout } : {}) });
}
