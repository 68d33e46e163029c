import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../core/packagePath.ts';
import { measureRun, type RunMeasurement } from './measureRun.ts';

/** The built entry that runs one measurement in a process of its own (see {@link measureRunInProcess}). */
const ENTRY = packagePath('dist', 'src', 'bench', 'measureRunProcess.js');

/**
 * Runs {@link measureRun} for `leads` in a fresh Node process (started with --expose-gc, so the bytes beyond the
 * records are weighed, and alone, so its peak RSS is that run's). Needs the build (`npm run build`): undefined without
 * it. Throws when the process fails, with its stderr.
 */
export function measureRunInProcess(leads: number, seed: number): RunMeasurement | undefined {
  if (!existsSync(ENTRY)) return undefined;
  const result = spawnSync(process.execPath, ['--expose-gc', ENTRY, String(leads), String(seed)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`Failed to measure a run of ${leads} leads in its own process (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}. Run "node --expose-gc ${ENTRY} ${leads} ${seed}" to see why.`);
  return JSON.parse(result.stdout) as RunMeasurement;
}

// Run as a script (node --expose-gc measureRunProcess.js LEADS SEED): one measurement, printed as JSON.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [leads, seed] = process.argv.slice(2).map(Number);
  process.stdout.write(`${JSON.stringify(await measureRun(leads!, seed!))}\n`);
}
