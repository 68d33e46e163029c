import { z } from 'zod';
import { CoverageByGraph } from '../../coverage/coverageByGraph.ts';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import type { Graph } from '../../routing/graphSchema.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { addCoverageOptions, CoverageOptionsShape, emitCoverage, wantsCoverage } from '../coverageOption.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import { InputError } from '../../core/errors.ts';
import { findScenarioFiles } from '../../scenarios/findScenarioFiles.ts';
import { loadAssignmentRulesRouting } from '../../scenarios/loadRouting.ts';
import { formatReplayJunit } from '../../scenarios/formatReplayJunit.ts';
import { formatReplayText } from '../../scenarios/formatReplayText.ts';
import { replayScenarios, type ReplayReport } from '../../scenarios/replayScenarios.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';
import type { ConfigureCommand } from './index.ts';

const ReplayOptionsSchema = z.strictObject({
  graph: z.string().optional(),
  assignmentRules: z.string().min(1).optional(),
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
    .option('--assignment-rules <file>', 'route in Salesforce instead: the CRM runs the active rule of this Lead.assignmentRules-meta.xml')
    .option('--reporter <kind>', 'text, json or junit', 'text')
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--verbose', 'list passing checks too (text reporter)');
  addCoverageOptions(command).action(async (paths: string[], raw: Record<string, unknown>) => {
    const o = parseOptions(ReplayOptionsSchema, raw, 'replay');
    const graph = o.graph ? loadGraph(o.graph) : undefined;
    const rules = o.assignmentRules === undefined ? undefined : loadAssignmentRulesRouting(o.assignmentRules);
    if (graph && rules) throw new InputError('INVALID_ARGUMENT', { action: 'run "leadsim replay"', issues: [{ path: [], message: '--graph and --assignment-rules both say who routes', expected: 'one of them' }] });
    if (o.coverageOut) assertWritablePath(o.coverageOut);
    const coverage = wantsCoverage(o) ? new CoverageByGraph() : undefined;
    const report = await replayScenarios(findScenarioFiles(paths), {
      ...(graph ? { graph } : {}),
      ...(rules ? { assignmentRules: rules.assignmentRules } : {}),
      ...(coverage ? { onRun: (run: RunRecord, g: Graph) => coverage.add(run, g) } : {}),
    });
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
