// A mutation worker thread: builds the suite of its spec, then judges the mutants the main thread asks for.
import { parentPort, workerData } from 'node:worker_threads';
import { localEvaluator, type SuiteSpec } from './mutantEvaluator.ts';

const port = parentPort;
if (port === null) throw new Error('Failed to start the mutation worker: it must run in a worker thread. Start it through workerEvaluator.');
const evaluator = localEvaluator(workerData as SuiteSpec);
try {
  port.postMessage({ ready: await evaluator.ready });
  port.on('message', (message: { evaluate: number }) => {
    evaluator.evaluate(message.evaluate).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
