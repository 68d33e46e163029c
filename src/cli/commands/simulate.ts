import { z } from 'zod';
import { auditToMarkdown } from '../../audit/auditToMarkdown.ts';
import { leadFlowAudit } from '../../audit/leadFlowAudit.ts';
import { checkInvariants } from '../../invariants/index.ts';
import { resolve } from 'node:path';
import { assignmentRuleToGraph } from '../../assignmentRules/assignmentRuleToGraph.ts';
import { orgRuleDirectory } from '../../assignmentRules/orgRuleDirectory.ts';
import { readAssignmentRules } from '../../assignmentRules/readAssignmentRules.ts';
import { Rng } from '../../core/random.ts';
import { generateOrg } from '../../org/generateOrg.ts';
import { readOrgFile } from '../../org/readOrgFile.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import { formatSimulationReport } from '../../report/formatSimulationReport.ts';
import { summarize } from '../../report/simulationSummary.ts';
import { simulate } from '../../simulation/simulate.ts';
import { TRANSPORT_KINDS } from '../../transport/transport.ts';
import { assertWritablePath, writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { EXIT } from '../exitCodes.ts';
import { intOption, parseOptions, seedOption } from '../options.ts';
import { progressBar } from '../progress.ts';
import type { ConfigureCommand } from './index.ts';

const SimulateOptionsSchema = z.strictObject({
  seed: seedOption.default(42),
  leads: intOption(1, 1_000_000).default(500),
  graph: z.string().optional(),
  json: z.string().optional(),
  audit: z.string().optional(),
  transport: z.enum(TRANSPORT_KINDS).default('dispatch'),
  native: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['marketo', 'impartner', 'chat'])))
    .optional(),
  faultRate: z.coerce.number().min(0).max(0.25).optional(),
  org: z.string().min(1).optional(),
  assignmentRules: z.string().min(1).optional(),
});

/** `leadsim simulate`: the main job on a generated org and generated leads across every entry point. */
export const configureSimulate: ConfigureCommand = (command, { setExit }) => {
  command
    .option('--seed <n>', 'the run seed; the same seed gives the same run', '42')
    .option('--leads <n>', 'how many leads to generate', '500')
    .option('--graph <file>', 'routing graph JSON (default: scenarios/graphs/default.json)')
    .option('--json <file>', 'also write the full report as JSON to this file')
    .option('--audit <file>', 'also write a lead-flow audit (Markdown with Mermaid diagrams): per entry point, which system changed which field, when')
    .option('--transport <kind>', `how requests reach the simulated APIs: ${TRANSPORT_KINDS.join(', ')}`, 'dispatch')
    .option('--native <list>', 'switch native integrations on (comma list of marketo, impartner, chat); breaks "one process"')
    .option('--org <file>', 'the org: an org spec JSON, or a scenario whose org to use (default: generated from the seed)')
    .option('--assignment-rules <file>', "route in Salesforce: the CRM runs this Lead.assignmentRules-meta.xml's active rule instead of the pipeline's routing graph (assignees must exist in the org: use --org)")
    .option('--fault-rate <p>', 'inject seeded faults: each request gets a 5xx, a rate limit, a timeout or a lost response with probability p each (0 to 0.25)')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(SimulateOptionsSchema, raw, 'simulate');
      const graph = o.graph ? loadGraph(o.graph) : undefined;
      for (const out of [o.json, o.audit]) if (out) assertWritablePath(out);
      const baseOrg = o.org ? readOrgFile(o.org) : undefined;
      const org = o.assignmentRules === undefined ? baseOrg : { ...(baseOrg ?? generateOrg(new Rng(o.seed).fork('org'))), assignmentRules: resolve(o.assignmentRules) };
      if (org?.assignmentRules !== undefined) assignmentRuleToGraph(readAssignmentRules(org.assignmentRules), { directory: orgRuleDirectory(org) });
      process.stdout.write(`seed ${o.seed}\n`);
      const bar = progressBar(o.leads, 'simulating');
      const run = await simulate({
        seed: o.seed,
        leads: o.leads,
        transport: o.transport,
        ...(graph ? { graph } : {}),
        ...(org ? { org } : {}),
        ...(o.assignmentRules ? { routing: 'assignment-rules' as const } : {}),
        ...(o.native ? { nativeIntegrations: Object.fromEntries(o.native.map((n) => [n, true])) } : {}),
        ...(o.faultRate ? { faults: { serverError: o.faultRate, rateLimit: o.faultRate, timeout: o.faultRate, lostResponse: o.faultRate } } : {}),
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      const summary = summarize(run);
      const invariants = checkInvariants(run);
      const replay = ['leadsim simulate', `--seed ${o.seed}`, `--leads ${o.leads}`, ...(o.graph ? [`--graph ${o.graph}`] : []), ...(o.org ? [`--org ${o.org}`] : []), ...(o.assignmentRules ? [`--assignment-rules ${o.assignmentRules}`] : []), ...(o.native ? [`--native ${o.native.join(',')}`] : []), ...(o.faultRate ? [`--fault-rate ${o.faultRate}`] : [])].join(' ');
      process.stdout.write(formatSimulationReport(summary, invariants.results, { replayCommand: replay }));
      if (o.json) writeFileAtomic(o.json, JSON.stringify({ summary, invariants: invariants.results, replay }, null, 2) + '\n');
      if (o.audit) writeFileAtomic(o.audit, auditToMarkdown(leadFlowAudit(run), { seed: o.seed, start: run.startedAt }));
      setExit(invariants.results.every((r) => r.ok) ? EXIT.ok : EXIT.failed);
    });
};
