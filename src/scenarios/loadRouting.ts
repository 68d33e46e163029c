import { resolve } from 'node:path';
import { assignmentRuleToGraph } from '../assignmentRules/assignmentRuleToGraph.ts';
import { readAssignmentRules } from '../assignmentRules/readAssignmentRules.ts';
import { loadGraph } from '../routing/loadGraph.ts';
import type { DiffRouting } from './diffScenarios.ts';

/**
 * Loads one side of a diff: a Salesforce assignment rules file (`*.assignmentRules-meta.xml`, `*.assignmentRules`
 * or `*.xml`), checked now so a bad rule fails before anything runs (assignees are checked against each scenario's
 * org when it runs), or a routing graph JSON file. Throws the loaders' InputError / FILE_NOT_FOUND.
 */
export function loadRouting(file: string): DiffRouting {
  return /\.assignmentRules(-meta\.xml)?$|\.xml$/i.test(file) ? loadAssignmentRulesRouting(file) : loadGraph(file);
}

/**
 * A Salesforce assignment rules file as routing, whatever its name; its active rule's shape is checked now (the
 * fields, values and assignees it names are checked against each scenario's org when the CRM deploys it).
 */
export function loadAssignmentRulesRouting(file: string): { readonly assignmentRules: string; readonly name: string } {
  const { graph } = assignmentRuleToGraph(readAssignmentRules(file), { declareMissing: true });
  return { assignmentRules: resolve(file), name: `${file}, rule ${graph.name}` };
}
