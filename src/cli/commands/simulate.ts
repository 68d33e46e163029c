import { z } from 'zod';
import { auditToMarkdown } from '../../audit/auditToMarkdown.ts';
import { leadFlowAudit } from '../../audit/leadFlowAudit.ts';
import { checkInvariants } from '../../invariants/index.ts';
import { ENTRY_POINTS, EntryPointSchema } from '../../model/entryPointId.ts';
import { resolve } from 'node:path';
import { assignmentRuleToGraph } from '../../assignmentRules/assignmentRuleToGraph.ts';
import { orgRuleDirectory } from '../../assignmentRules/orgRuleDirectory.ts';
import { readAssignmentRules } from '../../assignmentRules/readAssignmentRules.ts';
import { orgSchemaExtension } from '../../org/orgSpec.ts';
import { formatSimulationReport } from '../../report/formatSimulationReport.ts';
import { summarize } from '../../report/simulationSummary.ts';
import { FULL_TRACES_UP_TO, simulate } from '../../simulation/simulate.ts';
import { TRANSPORT_KINDS } from '../../transport/transport.ts';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { EXIT } from '../exitCodes.ts';
import { FaultPlanSchema } from '../../../mocks/faults/faultPlan.ts';
import { intOption, jsonOption, listOption, parseOptions, seedOption } from '../options.ts';
import { OptionError } from '../optionError.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { assertGraphFitsOrg } from '../../routing/graphOrgIssues.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { describeSetup } from '../describeSetup.ts';
import { progressBar } from '../progress.ts';
import { addPipelineOptions, pipelineFromOptions, PipelineOptionsShape } from '../pipelineOption.ts';
import type { ConfigureCommand } from './index.ts';

const NATIVE = ['marketo', 'impartner', 'chat'] as const;

const SimulateOptionsSchema = z.strictObject({
  seed: seedOption.optional(),
  leads: intOption(1, 1_000_000).default(500),
  graph: z.string().optional(),
  org: z.string().optional(),
  json: z.string().optional(),
  audit: z.string().optional(),
  transport: z.enum(TRANSPORT_KINDS).default('dispatch'),
  native: listOption(z.enum(NATIVE)).optional(),
  entryPoints: listOption(EntryPointSchema).optional(),
  faultRate: z.coerce.number().min(0).max(0.25).optional(),
  faults: jsonOption(FaultPlanSchema).optional(),
  assignmentRules: z.string().min(1).optional(),
  traces: z.enum(['auto', 'full', 'summary']).default('auto'),
  ...PipelineOptionsShape,
  config: z.boolean().default(true),
});

/**
 * `leadsim simulate`: the main job on an org (the project's org spec, else generated from the seed) and generated
 * leads across the entry points that are on. Defaults come from leadsim.config.json. Prints the seed, the graph file
 * and the org first; exit 0 when every invariant holds, 1 when one fails, 2 on bad input.
 */
export const configureSimulate: ConfigureCommand = (command, { setExit }) => {
  command
    .option('--seed <n>', 'the run seed; the same seed gives the same run (default: the config\'s seed, else 42)')
    .option('--leads <n>', 'how many leads to generate', '500')
    .option('--graph <file>', 'routing graph JSON (default: the config\'s graph, else scenarios/graphs/default.json)')
    .option('--org <file>', 'the org: an org spec JSON, or a scenario whose org to use (default: the config\'s org, else generated from the seed)')
    .option('--json <file>', 'also write the full report as JSON to this file')
    .option('--audit <file>', 'also write a lead-flow audit (Markdown with Mermaid diagrams): per entry point, which system changed which field, when')
    .option('--transport <kind>', `how requests reach the simulated APIs: ${TRANSPORT_KINDS.join(', ')}`, 'dispatch')
    .option('--native <list>', `switch native integrations on (comma list of ${NATIVE.join(', ')}); breaks "one process" (default: the config's)`)
    .option('--entry-points <list>', `the entry points that are on (comma list of ${ENTRY_POINTS.join(', ')}; default: the config's, else all)`)
    .option('--assignment-rules <file>', "route in Salesforce: the CRM runs this Lead.assignmentRules-meta.xml's active rule instead of the pipeline's routing graph (assignees must exist in the org: use --org)")
    .option('--traces <kind>', `how much of each event's trace the run keeps: full, summary (what the invariants and the report read; a few hundred bytes an event) or auto (full up to ${FULL_TRACES_UP_TO} leads)`, 'auto')
    .option('--fault-rate <p>', 'inject seeded faults: each request gets a 5xx, a rate limit, a timeout or a lost response with probability p each (0 to 0.25; default: the config\'s faults)')
    .option('--faults <json>', 'inject seeded faults by kind: a fault plan as JSON, as the config\'s "faults" (e.g. \'{"serverError":0.02,"timeout":0.01}\')')
    .option('--no-config', 'ignore leadsim.config.json: every default is the built-in one (printed replay lines use it, so they carry every input)')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(SimulateOptionsSchema, raw, 'simulate');
      if (o.faultRate !== undefined && o.faults !== undefined) throw new OptionError('simulate', [{ flag: '--fault-rate', got: String(o.faultRate), message: 'and --faults both set the faults', expected: 'one of them' }]);
      const config = loadProjectConfig(process.cwd(), { ignoreFile: !o.config });
      const seed = o.seed ?? config.seed;
      const graph = projectGraph(config, o.graph);
      const chosenOrg = projectOrg(config, seed, o.org);
      const org = o.assignmentRules === undefined ? chosenOrg : { ...chosenOrg, org: { ...chosenOrg.org, assignmentRules: resolve(o.assignmentRules) } };
      if (org.org.assignmentRules !== undefined) assignmentRuleToGraph(readAssignmentRules(org.org.assignmentRules), { directory: orgRuleDirectory(org.org), org: orgSchemaExtension(org.org) });
      else assertGraphFitsOrg(graph.graph, graph.file, org.org, org.source);
      const native = o.native ?? NATIVE.filter((n) => config.nativeIntegrations[n]);
      const entryPoints = o.entryPoints ?? config.entryPoints;
      const faults = o.faultRate !== undefined ? { serverError: o.faultRate, rateLimit: o.faultRate, timeout: o.faultRate, lostResponse: o.faultRate } : (o.faults ?? config.faults);
      for (const out of [o.json, o.audit]) if (out) assertWritablePath(out);
      const pipeline = await pipelineFromOptions(o, 'simulate');
      process.stdout.write(`seed ${seed}\n${describeSetup(graph, org)}${pipeline ? `pipeline: ${pipeline.label} (it handles every delivery; the graph's settings only name partner-engagement statuses)\n` : ''}`);
      const bar = progressBar(o.leads, 'simulating');
      const run = await simulate({
        seed,
        leads: o.leads,
        transport: o.transport,
        graph: graph.graph,
        org: org.org,
        ...(o.assignmentRules ? { routing: 'assignment-rules' as const } : {}),
        ...(native.length ? { nativeIntegrations: Object.fromEntries(native.map((n) => [n, true])) } : {}),
        ...(entryPoints.length < ENTRY_POINTS.length ? { entryPoints } : {}),
        ...(faults ? { faults } : {}),
        traces: o.traces,
        onProgress: (done) => bar.update(done),
        ...(pipeline ? { pipeline } : {}),
      });
      bar.stop();
      const summary = summarize(run);
      const invariants = checkInvariants(run);
      // The replay line carries every input that shaped the run, and ignores the config so that a changed or
      // removed leadsim.config.json replays the same run.
      const replay = [
        'npx leadsim simulate',
        '--no-config',
        `--seed ${seed}`,
        `--leads ${o.leads}`,
        `--graph ${graph.file}`,
        ...(org.file ? [`--org ${org.file}`] : []),
        ...(o.assignmentRules ? [`--assignment-rules ${o.assignmentRules}`] : []),
        ...(native.length ? [`--native ${native.join(',')}`] : []),
        ...(entryPoints.length < ENTRY_POINTS.length ? [`--entry-points ${entryPoints.join(',')}`] : []),
        ...(o.faultRate !== undefined ? [`--fault-rate ${o.faultRate}`] : faults ? [`--faults '${JSON.stringify(faults)}'`] : []),
        ...(o.transport !== 'dispatch' ? [`--transport ${o.transport}`] : []),
        ...(o.traces !== 'auto' ? [`--traces ${o.traces}`] : []),
        ...(pipeline ? pipeline.replayArgs : []),
      ].join(' ');
      process.stdout.write(formatSimulationReport(summary, invariants.results, { replayCommand: replay }));
      if (o.json) writeFileAtomic(o.json, JSON.stringify({ graph: graph.file, org: org.source, summary, invariants: invariants.results, replay }, null, 2) + '\n');
      if (o.audit) writeFileAtomic(o.audit, auditToMarkdown(leadFlowAudit(run), { seed, start: run.startedAt }));
      setExit(invariants.results.every((r) => r.ok) ? EXIT.ok : EXIT.failed);
    });
};
