import { z } from 'zod';
import { CoverageByGraph } from '../../coverage/coverageByGraph.ts';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import type { Graph } from '../../routing/graphSchema.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { addCoverageOptions, CoverageOptionsShape, emitCoverage, wantsCoverage } from '../coverageOption.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import { findScenarioFiles } from '../../scenarios/findScenarioFiles.ts';
import { formatReplayJunit } from '../../scenarios/formatReplayJunit.ts';
import { formatReplayText } from '../../scenarios/formatReplayText.ts';
import { replayScenarios, type ReplayReport } from '../../scenarios/replayScenarios.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';
import type { ConfigureCommand } from './index.ts';

const ReplayOptionsSchema = z.strictObject({
  graph: z.string().optional(),
  reporter: z.enum(['text', 'json', 'junit']).default('text'),
  out: z.string().optional(),
  verbose: z.boolean().optional(),
  ...CoverageOptionsShape,
});

/** Renders a replay report with the chosen reporter. */
export function renderReplayReport(report: ReplayReport, reporter: 'text' | 'json' | 'junit', verbose = false): string {
  if (reporter === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (reporter === 'junit') return formatReplayJunit(report);
  return formatReplayText(report, { verbose });
}

/**
 * `leadsim replay PATH... [--graph FILE] [--reporter text|json|junit] [--out FILE]`: replays scenario files (or
 * folders of them), checks their expectations and every invariant. Exit 0 when all pass, 1 when any fails, 2 on
 * bad input (nothing runs then).
 */
export const configureReplay: ConfigureCommand = (command, { setExit }) => {
  command
    .argument('<paths...>', 'scenario files or folders of them (e.g. scenarios/)')
    .option('--graph <file>', "route with this graph instead of each scenario's own (or the default)")
    .option('--reporter <kind>', 'text, json or junit', 'text')
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--verbose', 'list passing checks too (text reporter)');
  addCoverageOptions(command).action(async (paths: string[], raw: Record<string, unknown>) => {
    const o = parseOptions(ReplayOptionsSchema, raw, 'replay');
    const graph = o.graph ? loadGraph(o.graph) : undefined;
    if (o.coverageOut) assertWritablePath(o.coverageOut);
    const coverage = wantsCoverage(o) ? new CoverageByGraph() : undefined;
    const report = await replayScenarios(findScenarioFiles(paths), { ...(graph ? { graph } : {}), ...(coverage ? { onRun: (run: RunRecord, g: Graph) => coverage.add(run, g) } : {}) });
    const text = renderReplayReport(report, o.reporter, o.verbose ?? false);
    if (o.out === undefined) process.stdout.write(text);
    else {
      writeFileAtomic(o.out, text);
      const c = report.counts;
      process.stdout.write(`${report.ok ? 'PASS' : 'FAIL'}: ${c.scenarios} scenarios, ${c.failedScenarios} failed (${c.failedChecks} expectation checks, ${c.failedInvariants} invariants); ${o.reporter} report in ${o.out}\n`);
    }
    const covered = coverage ? emitCoverage(coverage.reports(), o) : true;
    setExit(report.ok && covered ? EXIT.ok : EXIT.failed);
  });
};
