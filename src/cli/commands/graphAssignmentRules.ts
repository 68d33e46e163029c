import type { Command } from 'commander';
import { z } from 'zod';
import { assignmentRuleToGraph } from '../../assignmentRules/assignmentRuleToGraph.ts';
import { graphToAssignmentRule } from '../../assignmentRules/graphToAssignmentRule.ts';
import { orgRuleDirectory } from '../../assignmentRules/orgRuleDirectory.ts';
import { readAssignmentRules } from '../../assignmentRules/readAssignmentRules.ts';
import { writeAssignmentRules } from '../../assignmentRules/writeAssignmentRules.ts';
import { writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { loadOrgSpec } from '../../org/loadOrgSpec.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';

const ImportOptionsSchema = z.strictObject({ rule: z.string().min(1).optional(), org: z.string().min(1).optional(), out: z.string().min(1) });
const ExportOptionsSchema = z.strictObject({ to: z.literal('assignment-rules'), out: z.string().min(1).optional() });

/**
 * `leadsim graph import` and `leadsim graph export`: Salesforce lead assignment rules (Metadata API files) to routing
 * graphs and back.
 * - `graph import FILE.assignmentRules-meta.xml [--rule NAME] [--org ORG] --out graph.json`: the active (or named)
 *   rule as a graph; `--org` (an org spec or a scenario) checks every assignee exists. Exit 2 with each problem.
 * - `graph export --to assignment-rules graph.json [--out FILE]`: the metadata file, or exit 2 with each node that
 *   does not fit.
 */
export function registerGraphAssignmentRules(graph: Command, setExit: (code: number) => void): void {
  graph
    .command('import')
    .description('Import a Salesforce lead assignment rule (Metadata API .assignmentRules-meta.xml) as a routing graph.')
    .argument('<file>', 'the metadata file, e.g. force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml')
    .option('--rule <name>', 'the rule to import (its fullName); default: the active rule')
    .option('--org <file>', 'resolve assignees against this org (an org spec JSON, or a scenario whose org to use)')
    .requiredOption('--out <file>', 'where to write the graph JSON')
    .action((file: string, raw: Record<string, unknown>) => {
      const o = parseOptions(ImportOptionsSchema, raw, 'graph import');
      const directory = o.org === undefined ? undefined : orgRuleDirectory(loadOrgSpec(o.org));
      const { graph: imported, warnings } = assignmentRuleToGraph(readAssignmentRules(file), { ...(o.rule ? { rule: o.rule } : {}), ...(directory ? { directory } : {}) });
      for (const warning of warnings) process.stderr.write(`${file}: ${warning}\n`);
      writeFileAtomic(o.out, `${JSON.stringify(imported, null, 2)}\n`);
      const entries = Object.keys(imported.nodes).filter((id) => /^entry\d+$/.test(id)).length;
      process.stdout.write(`wrote ${o.out}: rule "${imported.name}" (${imported.assignmentRule?.active ? 'active' : 'inactive'}), ${entries} entries, ${Object.keys(imported.nodes).length} nodes\n`);
      setExit(EXIT.ok);
    });

  graph
    .command('export')
    .description('Write a routing graph as a Salesforce lead assignment rule (Metadata API XML), or list the nodes that do not fit.')
    .argument('<file>', 'the graph JSON file')
    .requiredOption('--to <format>', 'the format to write: assignment-rules')
    .option('--out <file>', 'write the metadata file here instead of stdout')
    .action((file: string, raw: Record<string, unknown>) => {
      const o = parseOptions(ExportOptionsSchema, raw, 'graph export');
      const result = graphToAssignmentRule(loadGraph(file));
      if (!result.ok) {
        const lines = result.misfits.map((m) => `${file} node "${m.node}": ${m.reason}`);
        const n = result.misfits.length;
        process.stderr.write(`${lines.join('\n')}\n${n} node${n === 1 ? '' : 's'} of ${file} do not fit a lead assignment rule; nothing written\n`);
        setExit(EXIT.badInput);
        return;
      }
      const xml = writeAssignmentRules([result.rule]);
      if (o.out === undefined) process.stdout.write(xml);
      else {
        writeFileAtomic(o.out, xml);
        process.stdout.write(`wrote ${o.out}: rule "${result.rule.fullName}", ${result.rule.ruleEntry.length} entries\n`);
      }
      setExit(EXIT.ok);
    });
}
