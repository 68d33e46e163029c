import { z } from 'zod';
import type { ReporterConfig } from '../../config/sections/reportersSection.ts';
import { CoverageByGraph } from '../../coverage/coverageByGraph.ts';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import type { Graph } from '../../routing/graphSchema.ts';
import { OptionError } from '../optionError.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import { findScenarioFiles } from '../../scenarios/findScenarioFiles.ts';
import { loadAssignmentRulesRouting } from '../../scenarios/loadRouting.ts';
import { formatReplayJunit } from '../../scenarios/formatReplayJunit.ts';
import { formatReplayText, type FormatReplayTextOptions } from '../../scenarios/formatReplayText.ts';
import { replayScenarios, type ReplayReport } from '../../scenarios/replayScenarios.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { addCoverageOptions, CoverageOptionsShape, emitCoverage, wantsCoverage } from '../coverageOption.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';
import { projectGraph, type GraphChoice } from '../../config/projectSetup.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { describeSetup } from '../describeSetup.ts';
import type { ConfigureCommand } from './index.ts';

const ReplayOptionsSchema = z.strictObject({
  graph: z.string().optional(),
  assignmentRules: z.string().min(1).optional(),
  reporter: z.enum(['text', 'json', 'junit']).optional(),
  out: z.string().optional(),
  verbose: z.boolean().optional(),
  ...CoverageOptionsShape,
});

/** Renders a replay report with the chosen reporter. */
export function renderReplayReport(report: ReplayReport, reporter: ReporterConfig['type'], options: FormatReplayTextOptions = {}): string {
  if (reporter === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (reporter === 'junit') return formatReplayJunit(report);
  return formatReplayText(report, options);
}

/**
 * `leadsim replay [PATH...] [--graph FILE] [--reporter text|json|junit] [--out FILE]`: replays scenario files (or
 * folders of them; default: the config's `scenarios`), checks their expectations and every invariant, and writes
 * the config's `reporters` unless given `--reporter`/`--out`. A scenario that names no graph routes with the
 * config's graph. Exit 0 when all pass, 1 when any fails, 2 when a file could not be loaded (the others still run
 * and are reported) or on bad options (nothing runs then).
 */
export const configureReplay: ConfigureCommand = (command, { setExit }) => {
  command
    .argument('[paths...]', "scenario files or folders of them (default: the config's scenarios, else scenarios/)")
    .option('--graph <file>', "route every scenario with this graph instead of its own (a scenario that names none routes with the config's graph)")
    .option('--assignment-rules <file>', 'route in Salesforce instead: the CRM runs the active rule of this Lead.assignmentRules-meta.xml')
    .option('--reporter <kind>', "text, json or junit (default: the config's reporters, else text)")
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--verbose', 'list passing checks too (text reporter)');
  addCoverageOptions(command).action(async (paths: string[], raw: Record<string, unknown>) => {
    const o = parseOptions(ReplayOptionsSchema, raw, 'replay');
    const config = loadProjectConfig();
    const reporters: readonly ReporterConfig[] = o.reporter !== undefined || o.out !== undefined ? [{ type: o.reporter ?? 'text', ...(o.out !== undefined ? { out: o.out } : {}) }] : config.reporters;
    for (const out of [...reporters.map((r) => r.out), o.coverageOut]) if (out !== undefined) assertWritablePath(out);
    const files = findScenarioFiles(paths.length ? paths : config.scenarios);
    const override = o.graph !== undefined ? { file: o.graph, graph: loadGraph(o.graph) } : undefined;
    const rules = o.assignmentRules === undefined ? undefined : loadAssignmentRulesRouting(o.assignmentRules);
    if (override && rules) throw new OptionError('replay', [{ flag: '--graph', got: JSON.stringify(o.graph), message: 'and --assignment-rules both say who routes', expected: 'one of them' }]);
    // The project's graph is read only if a scenario names none: a folder of self-contained scenarios needs no graph file.
    let fallback: GraphChoice | undefined;
    const defaultGraph = () => (fallback ??= projectGraph(config, undefined)).graph;
    const coverage = wantsCoverage(o) ? new CoverageByGraph() : undefined;
    const report = await replayScenarios(files, {
      ...(override ? { graph: override.graph, graphFile: override.file } : { defaultGraph, defaultGraphFile: config.graph }),
      ...(rules ? { assignmentRules: rules.assignmentRules } : {}),
      ...(coverage ? { onRun: (run: RunRecord, g: Graph) => coverage.add(run, g) } : {}),
    });
    const graphLine = rules ? `none: assignment rules ${o.assignmentRules} route every scenario` : override ? `${override.file} (--graph, every scenario)` : fallback ? `${fallback.file} ("${fallback.graph.name}", for scenarios that name no graph)` : "each scenario's own";
    const toStdout = reporters.find((r) => r.out === undefined);
    if (toStdout === undefined || toStdout.type === 'text') process.stdout.write(describeSetup(graphLine, "each scenario's own"));
    for (const r of reporters) {
      const text = renderReplayReport(report, r.type, { verbose: o.verbose ?? false, replayCommand: (file) => `npx leadsim replay ${file}${override ? ` --graph ${override.file}` : ''}${rules ? ` --assignment-rules ${o.assignmentRules}` : ''}` });
      if (r.out === undefined) process.stdout.write(text);
      else writeFileAtomic(r.out, text);
    }
    if (toStdout === undefined) {
      const c = report.counts;
      const errors = c.errors ? `, ${c.errors} could not be loaded` : '';
      process.stdout.write(`${report.ok ? 'PASS' : 'FAIL'}: ${c.scenarios} scenarios, ${c.failedScenarios} failed${errors} (${c.failedChecks} expectation checks, ${c.failedInvariants} invariants); ${reporters.map((r) => `${r.type} report in ${r.out}`).join(', ')}\n`);
    }
    for (const e of report.errors) process.stderr.write(`leadsim: ${e.message}\n`);
    const covered = coverage ? emitCoverage(coverage.reports(), o) : true;
    setExit(report.errors.length > 0 ? EXIT.badInput : report.ok && covered ? EXIT.ok : EXIT.failed);
  });
};
