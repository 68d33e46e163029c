import { InputError, type InputIssue } from '../core/errors.ts';
import type { Graph, GraphNode, Test } from '../routing/graphSchema.ts';
import { lintGraph } from '../routing/lintGraph.ts';
import { isEmptyExtension, type SchemaExtension } from '../systems/crm/schemaExtension.ts';
import type { AssignmentRule, RuleEntry } from './assignmentRulesMetadata.ts';
import { ROUTING_ELEMENTS } from './assignmentRulesMetadata.ts';
import { parseFilterLogic, type FilterLogic } from './booleanFilter.ts';
import { CRITERIA_RECORDS, criterionTest, splitCriterionField, type CriteriaObject, type CriterionPlace } from './criterionTest.ts';
import { hasAdditions, renderAdditions, type OrgAdditions } from './orgAdditions.ts';
import type { AssignmentRulesFile } from './readAssignmentRules.ts';
import { RuleOrgCatalog } from './ruleOrgCatalog.ts';
import { resolveRuleTarget, type RuleDirectory } from './ruleTargets.ts';

/** Options of {@link assignmentRuleToGraph}. */
export interface RuleToGraphOptions {
  /** The rule to import, by `fullName`. Default: the active rule. */
  readonly rule?: string;
  /** Resolve every `assignedTo` against these users and queues (an error names each one missing). Default: keep them as written. */
  readonly directory?: RuleDirectory;
  /** The org's additions to leadsim's schema (an org spec's `fields`, `picklistValues`, `recordTypes`). Default: none. */
  readonly org?: SchemaExtension;
  /**
   * Declare what the org lacks instead of failing: fields get a declaration inferred from the criteria, picklist
   * values and record types are added, in the graph's `orgSchema`; {@link ImportedRule.additions} lists them all,
   * with the users and queues the directory lacks. Default false.
   */
  readonly declareMissing?: boolean;
}

/** The imported graph, what the import left out or doubts (warnings), and what the org lacks for it. */
export interface ImportedRule {
  readonly graph: Graph;
  readonly warnings: readonly string[];
  /** What the org spec needs to add for the rule to import and run as Salesforce runs it (see {@link OrgAdditions}). */
  readonly additions: OrgAdditions;
}

const TRUE_FORMULA = /^\s*true\s*$/i;
const FALSE_FORMULA = /^\s*false\s*$/i;

/**
 * Turns one lead assignment rule into a routing graph that routes as Salesforce runs the rule: entries in file
 * order, the first whose criteria match assigns the lead (`entryN` condition → `entryNAssign` → `done`); an entry
 * without criteria matches every lead; an entry without an assignee ("Do Not Reassign Owner") keeps the owner;
 * when no entry matches, the lead keeps its owner (`noMatch`). Criteria become tests over `person.*` (Lead fields),
 * `currentUser.*` (User fields) and `campaign.*`, with Salesforce's value rules (see criterionTest.ts).
 * `booleanFilter` becomes and/or/not. `formula` entries are refused, except the constant formulas `true` (matches
 * every lead) and `false` (never). Entry settings that do not route (`template`, `notifyCcRecipients`...) ride along
 * on the assign node. Fields, picklist values and record types the org has beyond leadsim's schema come from
 * `options.org`; the graph carries those it reads as `orgSchema`. Throws an {@link InputError} listing every
 * problem with its place in the file, and each declaration the org spec lacks as a snippet to paste.
 * Source: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_assignmentrule.htm
 */
export function assignmentRuleToGraph(source: AssignmentRulesFile, options: RuleToGraphOptions = {}): ImportedRule {
  const issues: InputIssue[] = [];
  const fail = (path: InputIssue['path'], message: string, expected?: string, got?: string) =>
    issues.push({ path, message, ...(expected ? { expected } : {}), ...(got ? { got } : {}) });
  const rules = source.rules.assignmentRule;
  const names = rules.map((r) => JSON.stringify(r.fullName)).join(', ') || 'none';
  const caseField = rules.flatMap((r) => r.ruleEntry.flatMap((e) => e.criteriaItems)).find((item) => item.field.startsWith('Case.'));
  if (source.object !== 'Lead' || caseField !== undefined) {
    const object = source.object !== 'Lead' ? source.object : 'Case';
    fail([], `these are ${object} assignment rules${source.object === 'Lead' ? ` (criteria on ${caseField?.field})` : ''}, and leadsim runs Lead assignment rules only`, 'Lead assignment rules (Lead.assignmentRules-meta.xml)', object);
    throw importError(source.file, issues);
  }
  const index = options.rule === undefined ? rules.findIndex((r) => r.active) : rules.findIndex((r) => r.fullName === options.rule);
  if (index < 0) {
    fail(['assignmentRule'], options.rule === undefined ? 'no rule is active' : `no rule is named ${JSON.stringify(options.rule)}`, `--rule NAME with one of ${names}`);
    throw importError(source.file, issues);
  }
  const rule = rules[index] as AssignmentRule;
  const declare = options.declareMissing === true;
  const catalog = new RuleOrgCatalog(options.org);
  for (const entry of rule.ruleEntry) {
    for (const item of entry.criteriaItems) {
      const { object, name } = splitCriterionField(item.field);
      if (Object.hasOwn(CRITERIA_RECORDS, object)) catalog.observe(object as CriteriaObject, name, item);
    }
  }
  catalog.settle();
  const nodes: Record<string, GraphNode> = {};
  const warnings: string[] = [];
  const entryIds: string[] = [];
  const missing = { users: new Set<string>(), queues: new Set<string>(), userNames: new Set<string>() };
  let catchAll: number | undefined;
  rule.ruleEntry.forEach((entry, e) => {
    const at = (...rest: (string | number)[]) => ['assignmentRule', index, 'ruleEntry', e, ...rest];
    const say = (message: string) => `rule ${JSON.stringify(rule.fullName)} entry ${e + 1}: ${message}`;
    if (catchAll !== undefined) return void warnings.push(say(`left out: entry ${catchAll + 1} before it matches every lead, so Salesforce never reaches it`));
    const target = entryTarget(entry, options.directory, at, say, declare ? undefined : fail, missing);
    const place = (c: number): CriterionPlace => ({ path: at('criteriaItems', c), who: say(`criterion ${c + 1}`), issues, warnings, catalog, directory: options.directory, declare, missingUserNames: missing.userNames });
    const test = entryTest(entry, at, say, fail, place);
    if (test === 'never') return void warnings.push(say('left out: its formula is false, so it never matches'));
    const id = `entry${e + 1}`;
    const extras = ruleEntryExtras(entry);
    // An entry without an assignee keeps its ruleEntry (even empty): it is an entry ("Do Not Reassign Owner"), not the end of the rule.
    const kept = Object.keys(extras).length > 0 || 'keepCurrentOwner' in target ? { ruleEntry: extras } : {};
    if (test === undefined) {
      catchAll = e;
      nodes[id] = { kind: 'assign', target, next: 'done', ...kept };
    } else {
      nodes[id] = { kind: 'condition', test, then: `${id}Assign`, else: '' };
      nodes[`${id}Assign`] = { kind: 'assign', target, next: 'done', ...kept };
    }
    entryIds.push(id);
  });
  const additions: OrgAdditions = { ...catalog.additions(), users: [...[...missing.users].map((username) => ({ username })), ...[...missing.userNames].map((name) => ({ name }))], queues: [...missing.queues] };
  if (issues.length > 0) throw importError(source.file, issues, additions);
  const last = catchAll === undefined ? 'noMatch' : undefined;
  entryIds.forEach((id, i) => {
    const node = nodes[id];
    if (node?.kind === 'condition') node.else = entryIds[i + 1] ?? (last as string);
  });
  if (last !== undefined) nodes[last] = { kind: 'assign', label: 'No entry matched: the lead keeps its owner', target: { keepCurrentOwner: true }, next: 'done' };
  nodes['done'] = { kind: 'end' };
  const orgSchema = catalog.graphSchema();
  const graph: Graph = {
    version: 1,
    name: rule.fullName,
    description: `Lead assignment rule ${JSON.stringify(rule.fullName)} (${rule.active ? 'active' : 'inactive'}), imported from ${source.file}: entries in order, the first match assigns the lead.`,
    start: entryIds[0] ?? 'noMatch',
    settings: { partnerEngagementStatuses: [] },
    nodes,
    assignmentRule: { fullName: rule.fullName, active: rule.active },
    ...(isEmptyExtension(orgSchema) ? {} : { orgSchema }),
  };
  const linted = lintGraph(graph);
  if (!linted.ok) {
    throw importError(
      source.file,
      linted.issues.map((issue) => ({
        ...issue,
        path: graphPathToFile(issue.path, index),
        message: issue.message
          .replace(/^node "entry(\d+)(Assign)?": /, (_m, n: string) => `rule ${JSON.stringify(rule.fullName)} entry ${n}: `)
          .replace(/\bperson\./g, 'Lead.')
          .replace(/\bcurrentUser\./g, 'User.')
          .replace(/\bcampaign\./g, 'Campaign.'),
      })),
    );
  }
  return { graph: linted.graph, warnings, additions };
}

function importError(file: string, issues: readonly InputIssue[], additions?: OrgAdditions): InputError {
  const declare =
    additions !== undefined && hasAdditions(additions)
      ? `\nThe org spec lacks what the rule names; add to it (--org):\n${renderAdditions(additions).map((line) => `  ${line}`).join('\n')}\nor run again with --declare-missing FILE to write the org spec with them.`
      : '';
  return new InputError('INVALID_ASSIGNMENT_RULES', { action: 'import assignment rules', file, issues, hint: `Fix the rule (or pick another with --rule), then import again.${declare}` });
}

/** A graph issue's path (`nodes.entry3.test.tests[1].value`) as the place in the file (`...ruleEntry[2]`). */
function graphPathToFile(path: readonly (string | number)[], rule: number): (string | number)[] {
  const node = /^entry(\d+)/.exec(String(path[1] ?? ''));
  return path[0] === 'nodes' && node ? ['assignmentRule', rule, 'ruleEntry', Number(node[1]) - 1] : [...path];
}

type Fail = (path: InputIssue['path'], message: string, expected?: string, got?: string) => void;
type Target = Extract<GraphNode, { kind: 'assign' }>['target'];

/**
 * Who the entry assigns to: the user or queue its `assignedTo` names (resolved in the directory, when given), or,
 * without `assignedTo`, nobody: the owner stays ("Do Not Reassign Owner" in Setup). An assignee the directory
 * lacks is noted in `missing`, and reported through `fail` unless it is undefined (declaring).
 */
function entryTarget(
  entry: RuleEntry,
  directory: RuleDirectory | undefined,
  at: (...rest: (string | number)[]) => (string | number)[],
  say: (m: string) => string,
  fail: Fail | undefined,
  missing: { users: Set<string>; queues: Set<string> },
): Target {
  if (entry.assignedTo === undefined) return { keepCurrentOwner: true };
  const type = entry.assignedToType ?? 'User';
  const asWritten: Target = type === 'User' ? { user: entry.assignedTo } : { queue: entry.assignedTo };
  if (directory === undefined) return asWritten;
  const target = resolveRuleTarget(directory, type, entry.assignedTo);
  if (target !== undefined) return target;
  (type === 'User' ? missing.users : missing.queues).add(entry.assignedTo);
  const known = type === 'User' ? directory.users.map((u) => u.Username ?? u.Name) : directory.queues.map((q) => q.DeveloperName ?? q.Name);
  fail?.(at('assignedTo'), say(`the org has no ${type === 'User' ? 'user' : 'queue'} ${JSON.stringify(entry.assignedTo)}`), `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`, JSON.stringify(entry.assignedTo));
  return asWritten;
}

/** The entry's test; undefined when it matches every lead; 'never' for a false formula. */
function entryTest(entry: RuleEntry, at: (...rest: (string | number)[]) => (string | number)[], say: (m: string) => string, fail: Fail, place: (c: number) => CriterionPlace): Test | undefined | 'never' {
  if (entry.formula !== undefined) {
    if (entry.criteriaItems.length > 0) fail(at('formula'), say('has both a formula and criteriaItems'), 'one or the other, as the Metadata API requires');
    if (TRUE_FORMULA.test(entry.formula)) return undefined;
    if (FALSE_FORMULA.test(entry.formula)) return 'never';
    fail(
      at('formula'),
      say(`uses a formula, which leadsim cannot run: ${JSON.stringify(entry.formula.length > 80 ? `${entry.formula.slice(0, 77)}...` : entry.formula)}`),
      'criteriaItems (with booleanFilter), or the constant formula true or false; rewrite the entry with criteria to test it',
    );
    return undefined;
  }
  const leaves = entry.criteriaItems.map((item, c) => criterionTest(item, place(c)));
  if (leaves.length === 0) return undefined;
  if (entry.booleanFilter === undefined || entry.booleanFilter.trim() === '') return leaves.length === 1 ? leaves[0] : { op: 'and', tests: leaves as Test[] };
  const logic = parseFilterLogic(entry.booleanFilter, leaves.length);
  if (!logic.ok) return void fail(at('booleanFilter'), say(`booleanFilter ${JSON.stringify(entry.booleanFilter)}: ${logic.message}`), 'filter logic such as 1 AND (2 OR 3)');
  return logicTest(logic.logic, leaves as Test[]);
}

function logicTest(logic: FilterLogic, leaves: readonly Test[]): Test {
  switch (logic.kind) {
    case 'item':
      return leaves[logic.n - 1] as Test;
    case 'not':
      return { op: 'not', test: logicTest(logic.term, leaves) };
    default:
      return { op: logic.kind, tests: logic.terms.map((t) => logicTest(t, leaves)) };
  }
}

/** The entry's elements that do not route, in the order Salesforce writes them (alphabetical). */
function ruleEntryExtras(entry: RuleEntry): Record<string, string | string[]> {
  const extras: Record<string, string | string[]> = {};
  for (const key of Object.keys(entry).sort()) {
    // The filter logic's text is kept too, so export writes it back as written ("1 or 2") while the logic is unchanged.
    if ((ROUTING_ELEMENTS as readonly string[]).includes(key) && !(key === 'booleanFilter' && entry.formula === undefined && entry.booleanFilter?.trim())) continue;
    const value = entry[key];
    if (typeof value === 'string' || Array.isArray(value)) extras[key] = value as string | string[];
  }
  return extras;
}
