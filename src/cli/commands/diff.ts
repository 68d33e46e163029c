import { z } from 'zod';
import { writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { loadAllowList } from '../../scenarios/allowList.ts';
import { diffScenarios } from '../../scenarios/diffScenarios.ts';
import { findScenarioFiles } from '../../scenarios/findScenarioFiles.ts';
import { formatDiffText } from '../../scenarios/formatDiffText.ts';
import { loadRouting } from '../../scenarios/loadRouting.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';
import { projectGraph } from '../../config/projectSetup.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import type { ConfigureCommand } from './index.ts';

const DiffOptionsSchema = z.strictObject({
  baseline: z.string().min(1),
  candidate: z.string().min(1).optional(),
  allow: z.string().optional(),
  json: z.boolean().optional(),
  out: z.string().optional(),
});

/**
 * `leadsim diff --baseline LIVE [--candidate NEW] [PATH...] [--allow FILE] [--json] [--out FILE]`: replays the
 * scenarios (default: the config's) under both routings (graph JSON files, or Salesforce assignment rules files
 * whose active rule the simulated CRM runs; the candidate defaults to the config's graph) and reports each person
 * whose outcome differs, with the path each took. Exit 0 when every difference is allowed, 1 on an unexpected one,
 * 2 on bad input.
 */
export const configureDiff: ConfigureCommand = (command, { setExit }) => {
  command
    .argument('[paths...]', 'scenario files or folders of them (default: the config\'s scenarios, else scenarios/)')
    .requiredOption('--baseline <file>', 'the live routing: a graph JSON, or a Lead.assignmentRules-meta.xml (run by the simulated Salesforce)')
    .option('--candidate <file>', 'the candidate routing: a graph JSON, or a Lead.assignmentRules-meta.xml (default: the config\'s graph, else scenarios/graphs/default.json)')
    .option('--allow <file>', 'allow-list of expected differences: [{ "scenario"?, "person", "field"?, "reason" }]')
    .option('--json', 'print the report as JSON')
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const o = parseOptions(DiffOptionsSchema, raw, 'diff');
      const config = loadProjectConfig();
      const baseline = loadRouting(o.baseline);
      const candidateFile = o.candidate ?? config.graph;
      const candidate = o.candidate === undefined ? projectGraph(config).graph : loadRouting(o.candidate);
      const allow = o.allow ? loadAllowList(o.allow) : [];
      const report = await diffScenarios(findScenarioFiles(paths.length ? paths : config.scenarios), { baseline, candidate, allow });
      const text = o.json
        ? `${JSON.stringify({ baselineFile: o.baseline, candidateFile, ...report }, null, 2)}\n`
        : `baseline: ${o.baseline}\ncandidate: ${candidateFile}\norg: each scenario's own\n${formatDiffText(report)}`;
      if (o.out === undefined) process.stdout.write(text);
      else {
        writeFileAtomic(o.out, text);
        process.stdout.write(`${report.counts.differences} differences (${report.counts.unexpected} unexpected); report in ${o.out}\n`);
      }
      setExit(report.ok ? EXIT.ok : EXIT.failed);
    });
};
