import { availableParallelism } from 'node:os';
import { generateWorkload } from '../simulation/workload.ts';
import type { RunMeasurement } from './measureRun.ts';
import { measureRunInProcess } from './measureRunProcess.ts';
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
  /**
   * Measured runs of each lane (default 2), in rounds that rotate the lanes' order; each lane reports its fastest
   * run (least wall time), the one least disturbed by other processes on the cores.
   */
  readonly rounds?: number;
  /** Spawns of each CLI start-up measurement (default 10; 0 skips them). */
  readonly startupRuns?: number;
  /** Lead counts of the scaling section, each a whole `simulate` in a process of its own (default 1k, 10k, 30k; [] skips it). */
  readonly scaling?: readonly number[];
  /** Called as each lane's warm-up and each measured run starts and ends. */
  readonly onLane?: (lane: BenchLane, phase: 'warm-up' | 'measure' | 'done') => void;
  /** Called as each scaling run starts. */
  readonly onScaling?: (leads: number) => void;
}

/** The scaling section's default lead counts: a day, a week and a month of a 50-SDR org. */
export const SCALING_LEADS: readonly number[] = [1_000, 10_000, 30_000];

/** What `leadsim bench` measured. */
export interface BenchReport {
  readonly node: string;
  readonly cores: number;
  readonly seed: number;
  readonly leads: number;
  /** Measured runs of each lane; `results` holds each lane's fastest. */
  readonly rounds: number;
  readonly results: readonly LaneResult[];
  /** Every lane left the same traces in every run: the transports behave the same, only their speed differs. */
  readonly sameResults: boolean;
  /** Peak resident set size of the process, MB. */
  readonly peakRssMb: number;
  /** The built CLI's start-up (`--version`, `--help`, `simulate --leads 100`); undefined when skipped or not built. */
  readonly startup?: readonly StartupResult[];
  /** Whole simulations of growing size, each in its own process; undefined when skipped or not built. */
  readonly scaling?: readonly RunMeasurement[];
}

/**
 * Runs one generated workload through the pipeline over each lane, side by side in this process: every lane's
 * warm-up on a small workload first (JIT, caches, module loading; before any measurement, so the first lane measured
 * does not pay for compiling the code the others share), then `rounds` measured runs of each lane in rotating order,
 * keeping each lane's fastest. Deterministic in `seed`. Then the
 * built CLI's start-up ({@link measureStartup}) and the scaling section (whole simulations of 1k, 10k and 30k leads,
 * each in a process of its own: wall, CPU, peak RSS, heap bytes per person beyond the records).
 */
export async function runBench(options: RunBenchOptions = {}): Promise<BenchReport> {
  const seed = options.seed ?? 42;
  const leads = options.leads ?? 1000;
  const lanes = options.lanes ?? (['msw', 'dispatch', 'loopback', 'direct'] as const);
  const warmupLeads = options.warmupLeads ?? 100;
  const warmup = warmupLeads > 0 ? generateWorkload({ seed: seed + 1, leads: warmupLeads }) : undefined;
  const rounds = options.rounds ?? 2;
  const workload = generateWorkload({ seed, leads });
  if (warmup) {
    for (const lane of lanes) {
      options.onLane?.(lane, 'warm-up');
      await runLane(warmup, lane);
    }
  }
  const best = new Map<BenchLane, LaneResult>();
  const fingerprints = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[(i + round) % lanes.length] as BenchLane;
      options.onLane?.(lane, 'measure');
      const result = await runLane(workload, lane);
      fingerprints.add(result.fingerprint);
      const before = best.get(lane);
      if (!before || result.ms < before.ms) best.set(lane, result);
      options.onLane?.(lane, 'done');
    }
  }
  const results = lanes.flatMap((lane) => best.get(lane) ?? []);
  const startup = (options.startupRuns ?? 10) > 0 ? measureStartup(options.startupRuns ?? 10) : undefined;
  const scaling: RunMeasurement[] = [];
  for (const size of options.scaling ?? SCALING_LEADS) {
    options.onScaling?.(size);
    const measured = measureRunInProcess(size, seed);
    if (measured) scaling.push(measured);
  }
  return {
    ...(startup ? { startup } : {}),
    ...(scaling.length > 0 ? { scaling } : {}),
    node: process.version,
    cores: availableParallelism(),
    seed,
    leads,
    rounds,
    results,
    sameResults: fingerprints.size <= 1,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
