import { availableParallelism } from 'node:os';
import { generateWorkload } from '../simulation/workload.ts';
import { measureStartup, type StartupResult } from './measureStartup.ts';
import { runLane, type BenchLane, type LaneResult } from './runLane.ts';

/** Options of {@link runBench}. */
export interface RunBenchOptions {
  /** Leads in the measured workload (default 1000). */
  readonly leads?: number;
  /** Workload seed (default 42). */
  readonly seed?: number;
  /** Lanes to run, in this order (default all four). */
  readonly lanes?: readonly BenchLane[];
  /** Leads in the warm-up run of each lane, not measured (default 100; 0 skips it). */
  readonly warmupLeads?: number;
  /** Spawns of each CLI start-up measurement (default 10; 0 skips them). */
  readonly startupRuns?: number;
  /** Called as each lane starts and ends. */
  readonly onLane?: (lane: BenchLane, phase: 'warm-up' | 'measure' | 'done') => void;
}

/** What `leadsim bench` measured. */
export interface BenchReport {
  readonly node: string;
  readonly cores: number;
  readonly seed: number;
  readonly leads: number;
  readonly results: readonly LaneResult[];
  /** Every lane left the same traces: the transports behave the same, only their speed differs. */
  readonly sameResults: boolean;
  /** Peak resident set size of the process, MB. */
  readonly peakRssMb: number;
  /** The built CLI's start-up (`--version`, `--help`); undefined when skipped or not built. */
  readonly startup?: readonly StartupResult[];
}

/**
 * Runs one generated workload through the pipeline over each lane, side by side in this process: a warm-up on a
 * small workload first (JIT, caches, module loading), then the measured run. Deterministic in `seed`. Then the
 * built CLI's start-up ({@link measureStartup}).
 */
export async function runBench(options: RunBenchOptions = {}): Promise<BenchReport> {
  const seed = options.seed ?? 42;
  const leads = options.leads ?? 1000;
  const lanes = options.lanes ?? (['msw', 'dispatch', 'loopback', 'direct'] as const);
  const warmupLeads = options.warmupLeads ?? 100;
  const warmup = warmupLeads > 0 ? generateWorkload({ seed: seed + 1, leads: warmupLeads }) : undefined;
  const workload = generateWorkload({ seed, leads });
  const results: LaneResult[] = [];
  for (const lane of lanes) {
    if (warmup) {
      options.onLane?.(lane, 'warm-up');
      await runLane(warmup, lane);
    }
    options.onLane?.(lane, 'measure');
    results.push(await runLane(workload, lane));
    options.onLane?.(lane, 'done');
  }
  const startup = (options.startupRuns ?? 10) > 0 ? measureStartup(options.startupRuns ?? 10) : undefined;
  return {
    ...(startup ? { startup } : {}),
    node: process.version,
    cores: availableParallelism(),
    seed,
    leads,
    results,
    sameResults: results.every((r) => r.fingerprint === results[0]?.fingerprint),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
