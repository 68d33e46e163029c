// Salesforce lead assignment rules as routing graphs: read the Metadata API file, import a rule as a graph, export
// a graph as a rule, write the file.
export { FILTER_OPERATIONS, AssignmentRulesSchema, AssignmentRuleSchema, RuleEntrySchema, FilterItemSchema } from './assignmentRulesMetadata.ts';
export type { AssignmentRules, AssignmentRule, RuleEntry, FilterItem, FilterOperation } from './assignmentRulesMetadata.ts';
export { parseAssignmentRules, readAssignmentRules } from './readAssignmentRules.ts';
export type { AssignmentRulesFile } from './readAssignmentRules.ts';
export { assignmentRuleToGraph } from './assignmentRuleToGraph.ts';
export type { RuleToGraphOptions, ImportedRule } from './assignmentRuleToGraph.ts';
export { graphToAssignmentRule } from './graphToAssignmentRule.ts';
export type { ExportResult, ExportedRule, ExportedEntry, Misfit } from './graphToAssignmentRule.ts';
export { writeAssignmentRules } from './writeAssignmentRules.ts';
export { parseFilterLogic, renderFilterLogic } from './booleanFilter.ts';
export type { FilterLogic } from './booleanFilter.ts';
export { splitCriteriaValues, joinCriteriaValues } from './criteriaValues.ts';
export { resolveRuleTarget } from './ruleTargets.ts';
export type { RuleDirectory, ResolvedTarget } from './ruleTargets.ts';
