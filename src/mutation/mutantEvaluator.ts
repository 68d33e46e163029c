import { Worker } from 'node:worker_threads';
import { loadScenario } from '../scenarios/loadScenario.ts';
import { graphMutants } from './graphMutants.ts';
import type { MutantResult } from './mutantResult.ts';
import { MutationSuite, type MutationSuiteOptions } from './mutationSuite.ts';

/** What a worker needs to build the same suite as every other: plain data only (scenarios by file). */
export type SuiteSpec = Omit<MutationSuiteOptions, 'scenarios'> & { readonly scenarioFiles: readonly string[] };

/** An input the original graph already fails (left out of the judging). */
export interface FailingInput {
  readonly input: string;
  readonly reason: string;
}

/** Judges mutants by their index in `graphMutants(spec.graph).mutants`, in this thread or in a worker thread. */
export interface MutantEvaluator {
  /** Resolves once the suite ran with the original graph, with the inputs that already fail. */
  readonly ready: Promise<readonly FailingInput[]>;
  evaluate(index: number): Promise<MutantResult>;
  close(): Promise<void>;
}

/** Builds the suite of a spec (loading its scenarios) and judges mutants in this thread. */
export function localEvaluator(spec: SuiteSpec): MutantEvaluator {
  const mutants = graphMutants(spec.graph).mutants;
  const { scenarioFiles, ...options } = spec;
  const suite = MutationSuite.build({ ...options, scenarios: scenarioFiles.map(loadScenario) });
  return {
    ready: suite.then((s) => s.failing().map((f) => ({ input: f.input.label, reason: f.reason ?? '' }))),
    async evaluate(index) {
      return (await suite).evaluate(mutants[index] as (typeof mutants)[number]);
    },
    close: async () => {},
  };
}

/**
 * The same in a worker thread (node:worker_threads): the worker builds its own copy of the suite from the seed
 * (inputs are drawn, not sent), then judges one mutant at a time.
 */
export function workerEvaluator(spec: SuiteSpec): MutantEvaluator {
  // Under tsx (sources) the worker registers tsx first; the build runs the compiled worker directly.
  const entry = import.meta.url.endsWith('.ts') ? './mutationWorkerBoot.js' : './mutationWorker.js';
  const worker = new Worker(new URL(entry, import.meta.url), { workerData: spec });
  let pending: { resolve: (r: MutantResult) => void; reject: (e: Error) => void } | undefined;
  let failed: Error | undefined;
  let onReady: { resolve: (f: readonly FailingInput[]) => void; reject: (e: Error) => void } | undefined;
  const ready = new Promise<readonly FailingInput[]>((resolve, reject) => {
    onReady = { resolve, reject };
  });
  const fail = (error: Error) => {
    failed = error;
    onReady?.reject(error);
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (message: { ready?: readonly FailingInput[]; result?: MutantResult; error?: string }) => {
    if (message.ready) onReady?.resolve(message.ready);
    else if (message.error !== undefined) fail(new Error(message.error));
    else if (message.result && pending) {
      const done = pending;
      pending = undefined;
      done.resolve(message.result);
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`The mutation worker exited with code ${code}.`));
  });
  return {
    ready,
    evaluate(index) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage({ evaluate: index });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
