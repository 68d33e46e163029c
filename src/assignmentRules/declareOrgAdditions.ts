import { checkOrgSpec } from '../org/loadOrgSpec.ts';
import { orgSchemaExtension } from '../org/orgSpec.ts';
import { assignmentRuleToGraph } from './assignmentRuleToGraph.ts';
import { mergeAdditions, mergeOrgAdditions, type OrgAdditions } from './orgAdditions.ts';
import { orgRuleDirectory } from './orgRuleDirectory.ts';
import type { AssignmentRulesFile } from './readAssignmentRules.ts';

/** The org spec JSON extended with what the rules need, and what was added. */
export interface DeclaredOrg {
  readonly org: Record<string, unknown>;
  readonly additions: OrgAdditions;
}

/**
 * Imports each of `rules` (by `fullName`) from `source` against the org spec `orgJson` (as parsed JSON, from
 * `orgFile`), declaring instead of refusing what the org lacks, and returns the org spec with every addition merged
 * in (see {@link mergeAdditions}): the fields the criteria read with inferred types, the picklist values and record
 * types they name, the users and queues they assign to. Other keys of `orgJson` are kept as they are. Throws an
 * InputError for an org spec that is not valid, or for a rule with problems no declaration fixes (a formula, bad
 * filter logic).
 */
export function declareOrgAdditions(source: AssignmentRulesFile, orgJson: Readonly<Record<string, unknown>>, orgFile: string, rules: readonly string[]): DeclaredOrg {
  const org = checkOrgSpec(orgJson, orgFile);
  const options = { directory: orgRuleDirectory(org), org: orgSchemaExtension(org), declareMissing: true };
  const additions = mergeOrgAdditions(rules.map((rule) => assignmentRuleToGraph(source, { ...options, rule }).additions));
  return { org: mergeAdditions(orgJson, additions), additions };
}
