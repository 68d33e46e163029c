import { EXIT } from '../exitCodes.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { loadOrgSpec } from '../../org/loadOrgSpec.ts';
import { graphOrgIssues } from '../../routing/graphOrgIssues.ts';
import { diffGraphs, formatGraphDiff } from '../../routing/diffGraphs.ts';
import { graphToMermaid } from '../../routing/graphToMermaid.ts';
import { formatLintIssues } from '../../routing/lintGraph.ts';
import { loadGraph, readGraphFile } from '../../routing/loadGraph.ts';
import { registerGraphAssignmentRules } from './graphAssignmentRules.ts';
import type { ConfigureCommand } from './index.ts';

/**
 * `leadsim graph lint|diff|show`: the ops tools for routing graphs.
 * - `graph lint [FILE] [--org FILE]` (default: the project's graph and org): exit 0 when the graph is valid and fits the
 *   org (when one is given or configured), 2 with one line per problem otherwise.
 * - `graph diff OLD NEW [--json]`: what changed, node by node.
 * - `graph show [FILE] [--out FILE]`: a Mermaid flowchart of the graph.
 * - `graph import|export`: Salesforce lead assignment rules (see graphAssignmentRules.ts).
 */
export const configureGraph: ConfigureCommand = (graph, { setExit }) => {

  graph
    .command('lint')
    .description('Check a routing graph: schema, CRM field names and types, references, cycles, unreachable nodes, paths without an owner, and the queues, users and pools it names against the org (--org, or the config\'s org).')
    .argument('[file]', "the graph JSON file (default: the config's graph, else scenarios/graphs/default.json)")
    .option('--org <file>', "check the graph against this org spec (default: the config's org, when it names one)")
    .action((given: string | undefined, options: { org?: string }) => {
      const config = loadProjectConfig();
      const file = given ?? config.graph;
      const orgFile = options.org ?? config.org;
      const result = readGraphFile(file);
      const issues = result.ok ? (orgFile === undefined ? [] : graphOrgIssues(result.graph, loadOrgSpec(orgFile))) : result.issues;
      if (result.ok && issues.length === 0) {
        process.stdout.write(`${file}: valid routing graph "${result.graph.name}" (${Object.keys(result.graph.nodes).length} nodes)${orgFile === undefined ? '' : `, fits the org ${orgFile}`}\n`);
        setExit(EXIT.ok);
        return;
      }
      const n = issues.length;
      const against = result.ok && orgFile !== undefined ? ` against the org ${orgFile}` : '';
      process.stdout.write(`${formatLintIssues(file, issues).join('\n')}\n${n} problem${n === 1 ? '' : 's'} in ${file}${against}\n`);
      setExit(EXIT.badInput);
    });

  graph
    .command('diff')
    .description('Show what changed between two routing graphs, node by node.')
    .argument('<old>', 'the graph before (e.g. exported from production)')
    .argument('<new>', 'the graph after (the candidate)')
    .option('--json', 'print the changes as JSON')
    .action((oldFile: string, newFile: string, options: { json?: boolean }) => {
      const changes = diffGraphs(loadGraph(oldFile), loadGraph(newFile));
      process.stdout.write(options.json ? `${JSON.stringify(changes, null, 2)}\n` : `${formatGraphDiff(changes).join('\n')}\n`);
      setExit(EXIT.ok);
    });

  graph
    .command('show')
    .description('Draw a routing graph as a Mermaid flowchart (for a pull request or a wiki).')
    .argument('[file]', "the graph JSON file (default: the config's graph, else scenarios/graphs/default.json)")
    .option('--out <file>', 'write the flowchart to this file instead of stdout')
    .option('--lr', 'draw left to right instead of top-down')
    .action((given: string | undefined, options: { out?: string; lr?: boolean }) => {
      const mermaid = graphToMermaid(loadGraph(given ?? loadProjectConfig().graph), { direction: options.lr ? 'LR' : 'TD' });
      if (options.out === undefined) process.stdout.write(mermaid);
      else {
        writeFileAtomic(options.out, mermaid);
        process.stdout.write(`wrote ${options.out}\n`);
      }
      setExit(EXIT.ok);
    });

  registerGraphAssignmentRules(graph, setExit);
};
