import { join } from 'node:path';
import { z } from 'zod';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { formatMutationReport } from '../../mutation/formatMutationReport.ts';
import { runMutation } from '../../mutation/runMutation.ts';
import { saveRegressionScenarios } from '../../mutation/saveRegressionScenarios.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { assertGraphFitsOrg } from '../../routing/graphOrgIssues.ts';
import { findScenarioFiles } from '../../scenarios/findScenarioFiles.ts';
import { EXIT } from '../exitCodes.ts';
import { describeSetup } from '../describeSetup.ts';
import { intOption, listOption, parseOptions, seedOption } from '../options.ts';
import { interactive, progressBar } from '../progress.ts';
import type { ConfigureCommand } from './index.ts';

const MutateOptionsSchema = z.strictObject({
  graph: z.string().optional(),
  org: z.string().optional(),
  native: listOption(z.enum(['marketo', 'impartner', 'chat'])).optional(),
  scenarios: z.boolean().default(true),
  seed: seedOption.optional(),
  runs: intOption(1, 100_000).default(100),
  workers: intOption(1, 64).optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  json: z.string().optional(),
  save: z.string().optional(),
  maxEvents: intOption(1, 1_000).optional(),
  maxCommands: intOption(1, 1_000).optional(),
  only: z.string().optional(),
});

/**
 * `leadsim mutate [SCENARIOS...] [--graph FILE]`: the mutation score of a routing graph against the property suite
 * and the given scenarios. Prints the seed first, progress (a bar on a terminal, a line per mutant otherwise), then
 * the report. Exit 0, 1 below `--min-score` or when the original graph already fails an input, 2 on bad input.
 */
export const configureMutate: ConfigureCommand = (command, { setExit }) => {
  command
    .argument('[scenarios...]', "scenario files or folders to run against every mutant (default: the config's scenarios)")
    .option('--no-scenarios', 'judge with the property suite alone')
    .option('--graph <file>', "routing graph JSON to mutate (default: the config's graph, else scenarios/graphs/default.json)")
    .option('--org <file>', "org spec JSON the generated inputs start from (default: the config's org, else generated from the seed)")
    .option('--native <list>', "native integrations that are on (comma list of marketo, impartner, chat; default: the config's)")
    .option('--seed <n>', "the seed of the generated inputs (default: the config's seed, else 42)")
    .option('--runs <n>', 'generated inputs per property (batch and sequence), as leadsim check --runs', '100')
    .option('--workers <n>', 'worker threads (default: the cores, at most 4)')
    .option('--min-score <pct>', 'exit 1 when fewer than this percent of the non-equivalent mutants are killed')
    .option('--json <file>', 'also write the whole report as JSON (atomically)')
    .option('--save <dir>', 'write a regression scenario (expectations of the original graph) for each mutant the scenarios did not catch')
    .option('--max-events <n>', 'most inbound events per generated batch (default 12)')
    .option('--max-commands <n>', 'most commands per generated sequence (default 15)')
    .option('--only <ids>', 'judge only these mutants (ids from a report, comma-separated)')
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const o = parseOptions(MutateOptionsSchema, raw, 'mutate');
      const config = loadProjectConfig();
      const seed = o.seed ?? config.seed;
      const graph = projectGraph(config, o.graph);
      const org = projectOrg(config, seed, o.org);
      assertGraphFitsOrg(graph.graph, graph.file, org.org, org.source);
      const native = o.native ?? (['marketo', 'impartner', 'chat'] as const).filter((n) => config.nativeIntegrations[n]);
      const scenarioPaths = paths.length > 0 ? paths : o.scenarios ? config.scenarios : [];
      const scenarioFiles = scenarioPaths.length > 0 ? findScenarioFiles(scenarioPaths) : [];
      if (o.json) assertWritablePath(o.json);
      if (o.save) assertWritablePath(join(o.save, 'mutant.json'));
      process.stdout.write(`seed ${seed}\n${describeSetup(graph, org)}scenarios: ${scenarioPaths.length > 0 ? scenarioPaths.join(', ') : 'none (the property suite alone)'}\n`);
      const tty = interactive();
      let bar: ReturnType<typeof progressBar> | undefined;
      const started = performance.now();
      const report = await runMutation({
        graph: graph.graph,
        org: org.org,
        ...(native.length ? { nativeIntegrations: Object.fromEntries(native.map((n) => [n, true])) } : {}),
        scenarioFiles,
        seed,
        runs: o.runs,
        ...(o.workers !== undefined ? { workers: o.workers } : {}),
        ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
        ...(o.maxCommands !== undefined ? { maxCommands: o.maxCommands } : {}),
        ...(o.save ? { regressions: true } : {}),
        ...(o.only ? { only: o.only.split(',').map((id) => id.trim()).filter((id) => id !== '') } : {}),
        onReady: (total) => {
          bar = progressBar(total, 'mutants', 1);
          if (!tty) process.stderr.write(`The suite ran with the original graph; judging ${total} mutants.\n`);
        },
        onProgress: (done, total, result) => {
          bar?.update(done);
          if (!tty) process.stderr.write(`[${done}/${total}] ${result.status} ${result.id}${result.killedBy ? ` by ${result.killedBy.input}` : ''}\n`);
        },
      });
      bar?.stop();
      const replay = (id: string) => ['npx leadsim mutate', ...paths, ...(o.scenarios ? [] : ['--no-scenarios']), ...(o.graph ? [`--graph ${o.graph}`] : []), ...(o.org ? [`--org ${o.org}`] : []), ...(o.native ? [`--native ${o.native.join(',')}`] : []), `--seed ${seed}`, `--runs ${o.runs}`, ...(o.maxEvents ? [`--max-events ${o.maxEvents}`] : []), ...(o.maxCommands ? [`--max-commands ${o.maxCommands}`] : []), `--only '${id}'`, '--min-score 100'].join(' ');
      process.stdout.write(formatMutationReport(report, { replay }));
      process.stdout.write(`\nJudged in ${((performance.now() - started) / 1000).toFixed(1)} s (wall clock) with ${report.workers} worker${report.workers === 1 ? '' : 's'}.\n`);
      if (o.json) writeFileAtomic(o.json, `${JSON.stringify(report, null, 2)}\n`);
      if (o.save) {
        const files = saveRegressionScenarios(report, o.save);
        process.stdout.write(`\n${files.length} regression scenario${files.length === 1 ? '' : 's'} written to ${o.save}${files.length > 0 ? `: replay them with leadsim replay ${o.save}` : ''}.\n`);
      }
      const below = o.minScore !== undefined && report.score < o.minScore;
      if (below) process.stdout.write(`FAIL mutation score ${report.score}% is below --min-score ${o.minScore}%.\n`);
      setExit(below || report.failing.length > 0 ? EXIT.failed : EXIT.ok);
    });
};
