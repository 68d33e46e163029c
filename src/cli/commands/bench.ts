import { z } from 'zod';
import { BENCH_LANES } from '../../bench/runLane.ts';
import { formatBench } from '../../bench/formatBench.ts';
import { runBench, SCALING_LEADS } from '../../bench/runBench.ts';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { EXIT } from '../exitCodes.ts';
import { listItems } from '../listItems.ts';
import { intItem, intOption, listOption, parseOptions, seedOption } from '../options.ts';
import type { ConfigureCommand } from './index.ts';

const BenchOptionsSchema = z.strictObject({
  leads: intOption(1, 1_000_000).default(1000),
  seed: seedOption.default(42),
  warmup: intOption(0, 100_000).default(100),
  rounds: intOption(1, 100).default(2),
  transports: listOption(z.enum(BENCH_LANES)).default([...BENCH_LANES]),
  json: z.string().optional(),
  startupRuns: intOption(0, 1000).default(10),
  scaling: z
    .string()
    .transform((s) => (s.trim() === 'none' ? [] : listItems(s)))
    .pipe(z.array(intItem(1, 1_000_000)))
    .default([...SCALING_LEADS]),
});

/** `leadsim bench`: the same generated workload through the pipeline over each transport, leads per second side by side. */
export const configureBench: ConfigureCommand = (command, { setExit }) => {
  command
    .option('--leads <n>', 'leads in the measured workload', '1000')
    .option('--seed <n>', 'workload seed', '42')
    .option('--warmup <n>', 'leads in each lane\'s unmeasured warm-up run (0: none)', '100')
    .option('--rounds <n>', 'measured runs of each lane, in rotating order; each lane reports its fastest', '2')
    .option('--transports <list>', `lanes to run, comma list of ${BENCH_LANES.join(', ')}`, BENCH_LANES.join(','))
    .option('--json <file>', 'also write the measurements as JSON to this file')
    .option('--startup-runs <n>', 'spawns of each CLI start-up measurement (--version, --help, simulate --leads 100; 0: none)', '10')
    .option('--scaling <list>', 'lead counts of the scaling section, each a whole simulate in its own process (comma list, or none)', SCALING_LEADS.join(','))
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(BenchOptionsSchema, raw, 'bench');
      if (o.json) assertWritablePath(o.json);
      const report = await runBench({
        leads: o.leads,
        seed: o.seed,
        lanes: o.transports,
        warmupLeads: o.warmup,
        rounds: o.rounds,
        startupRuns: o.startupRuns,
        scaling: o.scaling,
        onScaling: (leads) => process.stderr.write(`scaling: ${leads} leads…\n`),
        onLane: (lane, phase) => {
          if (phase !== 'done') process.stderr.write(`${lane}: ${phase}…\n`);
        },
      });
      process.stdout.write(formatBench(report));
      if (o.json) writeFileAtomic(o.json, JSON.stringify(report, null, 2) + '\n');
      setExit(report.sameResults ? EXIT.ok : EXIT.failed);
    });
};
