import { InputError, type InputIssue } from '../core/errors.ts';
import { isTextLike } from '../routing/checkFieldValue.ts';
import type { Graph, GraphNode, LeafTest, Test } from '../routing/graphSchema.ts';
import { lintGraph } from '../routing/lintGraph.ts';
import { CRM_SCHEMA, type FieldSpec } from '../systems/crm/schema.ts';
import { canonicalField } from '../systems/crm/validateFields.ts';
import type { AssignmentRule, FilterItem, RuleEntry } from './assignmentRulesMetadata.ts';
import { ROUTING_ELEMENTS } from './assignmentRulesMetadata.ts';
import { parseFilterLogic, type FilterLogic } from './booleanFilter.ts';
import { splitCriteriaValues } from './criteriaValues.ts';
import type { AssignmentRulesFile } from './readAssignmentRules.ts';
import { resolveRuleTarget, type RuleDirectory } from './ruleTargets.ts';

/** Options of {@link assignmentRuleToGraph}. */
export interface RuleToGraphOptions {
  /** The rule to import, by `fullName`. Default: the active rule. */
  readonly rule?: string;
  /** Resolve every `assignedTo` against these users and queues (an error names each one missing). Default: keep them as written. */
  readonly directory?: RuleDirectory;
}

/** The imported graph, and what the import left out on purpose (entries no lead can reach). */
export interface ImportedRule {
  readonly graph: Graph;
  readonly warnings: readonly string[];
}

/** Criteria may read the lead's fields and the current user's (`User.*`, "Current User" in Setup). */
const RECORDS = { Lead: 'person', User: 'currentUser' } as const;
const TRUE_FORMULA = /^\s*true\s*$/i;
const FALSE_FORMULA = /^\s*false\s*$/i;

/**
 * Turns one lead assignment rule into a routing graph that routes as Salesforce runs the rule: entries in file
 * order, the first whose criteria match assigns the lead (`entryN` condition → `entryNAssign` → `done`); an entry
 * without criteria matches every lead; when no entry matches, the lead keeps its owner (`noMatch`). Criteria become
 * tests over `person.*` (Lead fields) and `currentUser.*` (User fields), with Salesforce's value rules: comma-separated
 * values, text compared ignoring case, a blank value meaning "is blank". `booleanFilter` becomes and/or/not.
 * `formula` entries are refused, except the constant formulas `true` (matches every lead) and `false` (never).
 * Entry settings that do not route (`template`, `notifyCcRecipients`...) ride along on the assign node.
 * Throws an {@link InputError} listing every problem with its place in the file.
 * Source: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_assignmentrule.htm
 */
export function assignmentRuleToGraph(source: AssignmentRulesFile, options: RuleToGraphOptions = {}): ImportedRule {
  const issues: InputIssue[] = [];
  const fail = (path: InputIssue['path'], message: string, expected?: string, got?: string) =>
    issues.push({ path, message, ...(expected ? { expected } : {}), ...(got ? { got } : {}) });
  const rules = source.rules.assignmentRule;
  const names = rules.map((r) => JSON.stringify(r.fullName)).join(', ') || 'none';
  if (source.object !== 'Lead') fail([], `these are ${source.object} assignment rules`, 'Lead assignment rules (Lead.assignmentRules-meta.xml)', source.object);
  const index = options.rule === undefined ? rules.findIndex((r) => r.active) : rules.findIndex((r) => r.fullName === options.rule);
  if (index < 0) {
    fail(['assignmentRule'], options.rule === undefined ? 'no rule is active' : `no rule is named ${JSON.stringify(options.rule)}`, `--rule NAME with one of ${names}`);
    throw importError(source.file, issues);
  }
  const rule = rules[index] as AssignmentRule;
  const nodes: Record<string, GraphNode> = {};
  const warnings: string[] = [];
  const entryIds: string[] = [];
  let catchAll: number | undefined;
  rule.ruleEntry.forEach((entry, e) => {
    const at = (...rest: (string | number)[]) => ['assignmentRule', index, 'ruleEntry', e, ...rest];
    const say = (message: string) => `rule ${JSON.stringify(rule.fullName)} entry ${e + 1}: ${message}`;
    if (catchAll !== undefined) return void warnings.push(say(`left out: entry ${catchAll + 1} before it matches every lead, so Salesforce never reaches it`));
    const target = entryTarget(entry, options.directory, at, say, fail);
    const test = entryTest(entry, at, say, fail);
    if (test === 'never') return void warnings.push(say('left out: its formula is false, so it never matches'));
    const id = `entry${e + 1}`;
    const extras = ruleEntryExtras(entry);
    const kept = Object.keys(extras).length > 0 ? { ruleEntry: extras } : {};
    if (test === undefined) {
      catchAll = e;
      nodes[id] = { kind: 'assign', target: target ?? { queue: '?' }, next: 'done', ...kept };
    } else {
      nodes[id] = { kind: 'condition', test, then: `${id}Assign`, else: '' };
      nodes[`${id}Assign`] = { kind: 'assign', target: target ?? { queue: '?' }, next: 'done', ...kept };
    }
    entryIds.push(id);
  });
  if (issues.length > 0) throw importError(source.file, issues);
  const last = catchAll === undefined ? 'noMatch' : undefined;
  entryIds.forEach((id, i) => {
    const node = nodes[id];
    if (node?.kind === 'condition') node.else = entryIds[i + 1] ?? (last as string);
  });
  if (last !== undefined) nodes[last] = { kind: 'assign', label: 'No entry matched: the lead keeps its owner', target: { keepCurrentOwner: true }, next: 'done' };
  nodes['done'] = { kind: 'end' };
  const graph: Graph = {
    version: 1,
    name: rule.fullName,
    description: `Lead assignment rule ${JSON.stringify(rule.fullName)} (${rule.active ? 'active' : 'inactive'}), imported from ${source.file}: entries in order, the first match assigns the lead.`,
    start: entryIds[0] ?? 'noMatch',
    settings: { partnerEngagementStatuses: [] },
    nodes,
    assignmentRule: { fullName: rule.fullName, active: rule.active },
  };
  const linted = lintGraph(graph);
  if (!linted.ok) {
    throw importError(
      source.file,
      linted.issues.map((issue) => ({
        ...issue,
        path: graphPathToFile(issue.path, index),
        message: issue.message.replace(/^node "entry(\d+)(Assign)?": /, (_m, n: string) => `rule ${JSON.stringify(rule.fullName)} entry ${n}: `).replace(/\bperson\./g, 'Lead.').replace(/\bcurrentUser\./g, 'User.'),
      })),
    );
  }
  return { graph: linted.graph, warnings };
}

function importError(file: string, issues: readonly InputIssue[]): InputError {
  return new InputError('INVALID_ASSIGNMENT_RULES', { action: 'import assignment rules', file, issues, hint: 'Fix the rule (or pick another with --rule), then import again.' });
}

/** A graph issue's path (`nodes.entry3.test.tests[1].value`) as the place in the file (`...ruleEntry[2]`). */
function graphPathToFile(path: readonly (string | number)[], rule: number): (string | number)[] {
  const node = /^entry(\d+)/.exec(String(path[1] ?? ''));
  return path[0] === 'nodes' && node ? ['assignmentRule', rule, 'ruleEntry', Number(node[1]) - 1] : [...path];
}

type Fail = (path: InputIssue['path'], message: string, expected?: string, got?: string) => void;

function entryTarget(entry: RuleEntry, directory: RuleDirectory | undefined, at: (...rest: (string | number)[]) => (string | number)[], say: (m: string) => string, fail: Fail) {
  if (entry.assignedTo === undefined) return void fail(at('assignedTo'), say('no assignedTo'), 'the username of a user or the developer name of a queue');
  const type = entry.assignedToType ?? 'User';
  if (directory === undefined) return type === 'User' ? { user: entry.assignedTo } : { queue: entry.assignedTo };
  const target = resolveRuleTarget(directory, type, entry.assignedTo);
  if (target === undefined) {
    const known = type === 'User' ? directory.users.map((u) => u.Username ?? u.Name) : directory.queues.map((q) => q.DeveloperName ?? q.Name);
    fail(at('assignedTo'), say(`the org has no ${type === 'User' ? 'user' : 'queue'} ${JSON.stringify(entry.assignedTo)}`), `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`, JSON.stringify(entry.assignedTo));
  }
  return target;
}

/** The entry's test; undefined when it matches every lead; 'never' for a false formula. */
function entryTest(entry: RuleEntry, at: (...rest: (string | number)[]) => (string | number)[], say: (m: string) => string, fail: Fail): Test | undefined | 'never' {
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
  const leaves = entry.criteriaItems.map((item, c) => itemTest(item, at('criteriaItems', c), say(`criterion ${c + 1}`), fail));
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

/** One criterion as a leaf test, with Salesforce's reading of its value for the field's type. */
function itemTest(item: FilterItem, path: (string | number)[], who: string, fail: Fail): Test | undefined {
  const dot = item.field.indexOf('.');
  const objectName = item.field.slice(0, dot);
  const record = Object.hasOwn(RECORDS, objectName) ? RECORDS[objectName as keyof typeof RECORDS] : undefined;
  const sobject = objectName as 'Lead' | 'User';
  const name = record === undefined ? undefined : canonicalField(sobject, item.field.slice(dot + 1));
  if (record === undefined || name === undefined) {
    const fields = Object.entries(CRM_SCHEMA[sobject]).filter(([f, spec]) => !spec.readOnly && f !== 'OwnerId').map(([f]) => f);
    const expected = record === undefined ? 'Lead.<field> or User.<field> (the current user)' : `a ${sobject} field of the simulated CRM: ${fields.join(', ')}`;
    return void fail([...path, 'field'], `${who}: unknown field ${JSON.stringify(item.field)}`, expected, JSON.stringify(item.field));
  }
  if (item.valueField !== undefined) return void fail([...path, 'valueField'], `${who}: compares with another field (valueField), which leadsim does not run`, 'a value');
  if (item.operation === 'within') return void fail([...path, 'operation'], `${who}: "within" is for geolocation fields`, 'another operation');
  const spec = CRM_SCHEMA[sobject][name] as FieldSpec;
  const field = `${record}.${name}`;
  const raw = splitCriteriaValues(item.value);
  const values: (string | number | boolean)[] = [];
  for (const text of raw) {
    const value = typedValue(spec, text);
    if (value === undefined) fail([...path, 'value'], `${who}: ${JSON.stringify(text)} is not a ${spec.type} value for ${item.field}`, spec.type === 'boolean' ? 'True or False' : 'a number', JSON.stringify(text));
    else values.push(value);
  }
  const text = values.map(String);
  const ignoreCase = isTextLike(spec) ? { ignoreCase: true } : {};
  const one = (): string | number | undefined => {
    if (values.length !== 1) fail([...path, 'value'], `${who}: "${item.operation}" takes one value`, 'one value', `${values.length} values`);
    const v = values[0];
    return typeof v === 'boolean' ? String(v) : v;
  };
  const needsValues = () => {
    if (values.length === 0) fail([...path, 'value'], `${who}: "${item.operation}" needs a value`, 'a value, or several separated by commas');
  };
  let leaf: LeafTest | undefined;
  switch (item.operation) {
    case 'equals':
      leaf = values.length === 0 ? { op: 'empty', field } : values.length === 1 ? { op: 'equals', field, value: values[0]!, ...ignoreCase } : { op: 'in', field, values, ...ignoreCase };
      break;
    case 'notEqual':
      leaf = values.length === 0 ? { op: 'notEmpty', field } : { op: 'notIn', field, values, ...ignoreCase };
      break;
    case 'lessThan':
    case 'greaterThan':
    case 'lessOrEqual':
    case 'greaterOrEqual': {
      const value = one();
      if (value !== undefined) leaf = { op: item.operation, field, value };
      break;
    }
    case 'startsWith':
      needsValues();
      leaf = { op: 'startsWith', field, value: text.length === 1 ? text[0]! : text, ...ignoreCase };
      break;
    case 'contains':
    case 'notContain':
      needsValues();
      leaf = { op: item.operation === 'contains' ? 'contains' : 'notContains', field, values: text, ...ignoreCase };
      break;
    case 'includes':
    case 'excludes':
      needsValues();
      leaf = { op: item.operation, field, values: text };
      break;
  }
  return leaf;
}

/** A criterion's value for a field type: True/False for a checkbox, a number for a number field, else text. */
function typedValue(spec: FieldSpec, text: string): string | number | boolean | undefined {
  if (spec.type === 'boolean') return /^(true|false)$/i.test(text) ? text.toLowerCase() === 'true' : undefined;
  if (spec.type === 'int' || spec.type === 'double') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  return text;
}

/** The entry's elements that do not route, in the order Salesforce writes them (alphabetical). */
function ruleEntryExtras(entry: RuleEntry): Record<string, string | string[]> {
  const extras: Record<string, string | string[]> = {};
  for (const key of Object.keys(entry).sort()) {
    if ((ROUTING_ELEMENTS as readonly string[]).includes(key)) continue;
    const value = entry[key];
    if (typeof value === 'string' || Array.isArray(value)) extras[key] = value as string | string[];
  }
  return extras;
}
