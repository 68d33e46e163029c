import { z } from 'zod';
import { OptionError } from '../optionError.ts';
import { formatCheckReport } from '../../check/formatCheckReport.ts';
import { CHECK_PROPERTIES, runCheck } from '../../check/runCheck.ts';
import { saveCounterexample, saveRegressionCounterexample } from '../../check/saveCounterexample.ts';
import { RoutingCoverage } from '../../coverage/routingCoverage.ts';
import { assertWritablePath } from '../../io/writeFileAtomic.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { addCoverageOptions, CoverageOptionsShape, emitCoverage, wantsCoverage } from '../coverageOption.ts';
import { EXIT } from '../exitCodes.ts';
import { intOption, listOption, parseOptions, seedOption } from '../options.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { assertGraphFitsOrg } from '../../routing/graphOrgIssues.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { describeSetup } from '../describeSetup.ts';
import { addPipelineOptions, pipelineFromOptions, PipelineOptionsShape } from '../pipelineOption.ts';
import type { ConfigureCommand } from './index.ts';

const CheckOptionsSchema = z.strictObject({
  seed: seedOption.optional(),
  runs: intOption(1, 1_000_000).default(100),
  graph: z.string().optional(),
  org: z.string().optional(),
  native: listOption(z.enum(['marketo', 'impartner', 'chat'])).optional(),
  property: z.enum(CHECK_PROPERTIES).optional(),
  path: z.string().regex(/^\d+(:\d+)*$/, 'a fast-check path such as 12:1:0').optional(),
  replayPath: z.string().optional(),
  maxCommands: intOption(1, 1_000).optional(),
  maxEvents: intOption(1, 1_000).optional(),
  saveCounterexample: z.string().optional(),
  expectGraph: z.string().optional(),
  ...CoverageOptionsShape,
  ...PipelineOptionsShape,
});

/**
 * `leadsim check`: the property suite (inbound batches and model-based sequences) against a graph. Prints the
 * seed first, then PASS/FAIL per property with each violated invariant, the shrunk counterexample, the failing
 * event's trace and the replay command. Exit 0 when every property holds, 1 on a failure, 2 on bad options or a bad
 * graph file.
 */
export const configureCheck: ConfigureCommand = (command, { setExit }) => {
  command
    .option('--seed <n>', 'the seed; the same seed checks the same cases (default: the config\'s seed, else 42)')
    .option('--runs <n>', 'runs per property', '100')
    .option('--graph <file>', 'routing graph JSON (default: the config\'s graph, else scenarios/graphs/default.json)')
    .option('--org <file>', 'org spec JSON every run starts from (default: the config\'s org, else generated from the seed)')
    .option('--native <list>', 'native integrations that are on (comma list of marketo, impartner, chat; default: the config\'s)')
    .option('--property <name>', `run one property: ${CHECK_PROPERTIES.join(', ')}`)
    .option('--path <path>', 'replay one reported case (with --property and the reported seed)')
    .option('--replay-path <path>', 'the command sequence replay path of a reported sequence failure')
    .option('--max-commands <n>', 'most commands per sequence (default 15)')
    .option('--max-events <n>', 'most inbound events per batch (default 12)')
    .option('--save-counterexample <file>', 'write the first failure as a file that replays it as a regression test')
    .option('--expect-graph <file>', 'with --save-counterexample: write a regression scenario with the expectations of this (correct) graph');
  addPipelineOptions(addCoverageOptions(command)).action(async (raw: Record<string, unknown>) => {
    const o = parseOptions(CheckOptionsSchema, raw, 'check');
    if (o.path !== undefined && o.property === undefined) {
      throw new OptionError('check', [{ flag: '--property', message: "is required: --path replays one property's case", expected: CHECK_PROPERTIES.join(' or ') }]);
    }
    const config = loadProjectConfig();
    const seed = o.seed ?? config.seed;
    const graph = projectGraph(config, o.graph);
    const org = projectOrg(config, seed, o.org);
    assertGraphFitsOrg(graph.graph, graph.file, org.org, org.source);
    const native = o.native ?? (['marketo', 'impartner', 'chat'] as const).filter((n) => config.nativeIntegrations[n]);
    const pipeline = await pipelineFromOptions(o, 'check');
    const expectGraph = o.expectGraph ? loadGraph(o.expectGraph) : undefined;
    if (expectGraph && !o.saveCounterexample) {
      throw new OptionError('check', [{ flag: '--save-counterexample', message: 'is required: --expect-graph gives a saved counterexample its expectations', expected: '--save-counterexample FILE' }]);
    }
    if (o.coverageOut) assertWritablePath(o.coverageOut);
    const coverage = wantsCoverage(o) ? new RoutingCoverage(graph.graph) : undefined;
    process.stdout.write(`seed ${seed}\n${describeSetup(graph, org)}${pipeline ? `pipeline: ${pipeline.label} (it handles every delivery; the graph's settings only name partner-engagement statuses)\n` : ''}`);
    const report = await runCheck({
      ...(coverage ? { onRun: (run: RunRecord) => coverage.addRun(run) } : {}),
      seed,
      runs: o.runs,
      graph: graph.graph,
      graphFile: graph.file,
      org: org.org,
      ...(org.file ? { orgFile: org.file } : {}),
      ...(native.length ? { nativeIntegrations: Object.fromEntries(native.map((n) => [n, true])) } : {}),
      ...(o.property ? { property: o.property } : {}),
      ...(o.path !== undefined ? { path: o.path } : {}),
      ...(o.replayPath !== undefined ? { replayPath: o.replayPath } : {}),
      ...(o.maxCommands !== undefined ? { maxCommands: o.maxCommands } : {}),
      ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
      ...(pipeline ? { pipeline } : {}),
    });
    process.stdout.write(formatCheckReport(report));
    const first = report.failures[0];
    if (o.saveCounterexample && first && expectGraph) {
      const saved = await saveRegressionCounterexample(o.saveCounterexample, report, first, expectGraph, graph.graph);
      process.stdout.write(`\nRegression scenario saved to ${o.saveCounterexample} with the expectations of ${o.expectGraph}: it ${saved.passes ? 'replays green with that graph' : 'does not replay green with that graph (an event did not apply)'}, and replaying it with the checked graph ${saved.catchesCheckedGraph ? 'fails' : 'passes: the expectations do not see the failure, add one'}.\n`);
    } else if (o.saveCounterexample && first) {
      const saved = saveCounterexample(o.saveCounterexample, report, first, graph.file);
      process.stdout.write(`\nCounterexample saved to ${o.saveCounterexample} (${saved.format}).\n`);
    }
    const covered = coverage ? emitCoverage([{ report: coverage.report(), graph: graph.graph }], o) : true;
    setExit(report.ok && covered ? EXIT.ok : EXIT.failed);
  });
};
