import { settingsList } from '../routing/evaluateTest.ts';
import type { Graph, GraphNode, Test } from '../routing/graphSchema.ts';
import { renderNode } from '../routing/renderGraphText.ts';
import { resolveFieldRef } from '../routing/fieldRef.ts';
import type { CrmSchema } from '../systems/crm/schema.ts';
import { extendSchema } from '../systems/crm/schemaExtension.ts';
import { formatCriterionDate } from './criterionValue.ts';
import type { FilterItem, FilterOperation } from './assignmentRulesMetadata.ts';
import { parseFilterLogic, renderFilterLogic, type FilterLogic } from './booleanFilter.ts';
import { joinCriteriaValues } from './criteriaValues.ts';

/** A node that assignment rules cannot express, and why. */
export interface Misfit {
  readonly node: string;
  readonly reason: string;
}

/**
 * One entry as export writes it: target (none: "Do Not Reassign Owner"), criteria or formula, filter logic, and the
 * settings that do not route.
 */
export interface ExportedEntry {
  readonly assignedTo?: string;
  readonly assignedToType?: 'User' | 'Queue';
  readonly booleanFilter?: string;
  readonly criteriaItems: readonly FilterItem[];
  readonly formula?: string;
  readonly extras: Readonly<Record<string, string | readonly string[]>>;
}

/** A rule as export writes it. */
export interface ExportedRule {
  readonly fullName: string;
  readonly active: boolean;
  readonly ruleEntry: readonly ExportedEntry[];
}

/** The rule, or every node that does not fit. */
export type ExportResult = { readonly ok: true; readonly rule: ExportedRule } | { readonly ok: false; readonly misfits: readonly Misfit[] };

const SF_RECORDS: Readonly<Record<string, string>> = { person: 'Lead', currentUser: 'User', campaign: 'Campaign' };

/**
 * Writes a routing graph as one Salesforce lead assignment rule, when the graph has the shape a rule has: from the
 * start, a chain of conditions over Lead (`person.*`), current-user (`currentUser.*`) and campaign (`campaign.*`)
 * fields, each one's `then` an assignment to a user or queue (or "keep the current owner": an entry without
 * assignee, "Do Not Reassign Owner") that ends the run, its `else` the next entry; the chain ends with an assignment
 * (an entry without criteria) or with "keep the current owner" (no entry: Salesforce leaves a lead no entry matches
 * to the default owner; an assign node that carries `ruleEntry` settings is an entry instead).
 * Lookups tested by name (`person.Owner.Name`) become criteria on the lookup field (`Lead.OwnerId`); dates are
 * written as the Metadata API writes them (`1/31/2024`). Anything else (field updates, PRM shares, round robin, account owners, campaign or account
 * fields, derived facts, nodes off the chain) is reported node by node. Inverse of `assignmentRuleToGraph` up to
 * criterion numbering: tests become criteria in reading order, and booleanFilter is written only when the entry is
 * not a plain AND of its criteria. Text compares ignoring case in Salesforce whatever `ignoreCase` says.
 */
export function graphToAssignmentRule(graph: Graph): ExportResult {
  const misfits: Misfit[] = [];
  const schema = extendSchema(graph.orgSchema);
  const onChain = new Set<string>();
  const entries: ExportedEntry[] = [];
  const node = (id: string) => graph.nodes[id] as GraphNode;
  let current: string | undefined = graph.start;
  while (current !== undefined && !onChain.has(current)) {
    const id: string = current;
    const here = node(id);
    onChain.add(id);
    current = undefined;
    if (here.kind === 'condition') {
      const assign = finalAssign(graph, here.then, onChain, misfits);
      const criteria = testCriteria(here.test, graph, schema, id, misfits);
      if (assign && criteria) entries.push({ ...entryTarget(assign), ...keptFilterLogic(criteria, assign.node.ruleEntry ?? {}) });
      current = here.else;
    } else if (here.kind === 'assign') {
      const assign = finalAssign(graph, id, onChain, misfits);
      if (assign && (!('keepCurrentOwner' in assign.node.target) || assign.node.ruleEntry !== undefined)) entries.push({ ...entryTarget(assign), criteriaItems: [], extras: withoutFilterLogic(assign.node.ruleEntry ?? {}) });
    } else if (here.kind !== 'end') {
      misfits.push({ node: id, reason: `${renderNode(here)}: assignment rules only assign an owner (no field updates, no PRM shares)` });
    }
  }
  for (const [id, n] of Object.entries(graph.nodes)) {
    if (!onChain.has(id)) misfits.push({ node: id, reason: `${renderNode(n)}: off the rule's chain of entries (a rule is a list of entries, each a condition and an assignment; the first match wins)` });
  }
  if (misfits.length > 0) return { ok: false, misfits };
  return { ok: true, rule: { fullName: graph.assignmentRule?.fullName ?? graph.name, active: graph.assignmentRule?.active ?? true, ruleEntry: entries } };
}

type FinalAssign = { readonly id: string; readonly node: Extract<GraphNode, { kind: 'assign' }> };

/** The assign node at `id` that assigns a user or queue and then ends, or undefined with misfits noted. */
function finalAssign(graph: Graph, id: string, onChain: Set<string>, misfits: Misfit[]): FinalAssign | undefined {
  const n = graph.nodes[id] as GraphNode;
  onChain.add(id);
  if (n.kind !== 'assign') {
    misfits.push({ node: id, reason: `${renderNode(n)}: a matching entry must assign a user or queue and stop` });
    return undefined;
  }
  const after = graph.nodes[n.next] as GraphNode;
  onChain.add(n.next);
  let ok = true;
  if (!('user' in n.target || 'queue' in n.target || 'keepCurrentOwner' in n.target)) {
    misfits.push({ node: id, reason: `${renderNode(n)}: an entry assigns one named user or queue (no round robin, no account owner or BDR)` });
    ok = false;
  }
  if (after.kind !== 'end') {
    misfits.push({ node: n.next, reason: `${renderNode(after)}: nothing can follow an entry's assignment` });
    ok = false;
  }
  if (n.fallback !== undefined) {
    onChain.add(n.fallback);
    misfits.push({ node: id, reason: `${renderNode(n)}: has a fallback ("${n.fallback}"); an entry's assignment cannot fall back` });
    ok = false;
  }
  return ok ? { id, node: n } : undefined;
}

function entryTarget(assign: FinalAssign): Pick<ExportedEntry, 'assignedTo' | 'assignedToType'> {
  const t = assign.node.target;
  if ('user' in t) return { assignedTo: t.user, assignedToType: 'User' };
  return 'queue' in t ? { assignedTo: t.queue, assignedToType: 'Queue' } : {};
}

/** A condition's test as numbered criteria and (unless a plain AND of them in order) a booleanFilter. */
type Criteria = Pick<ExportedEntry, 'criteriaItems' | 'booleanFilter'> & { readonly logic: FilterLogic };

/**
 * The entry with its filter logic as the file wrote it (`ruleEntry.booleanFilter`, kept by import: `1 or 2`, or a
 * `1 AND 2` Salesforce would leave out) when that text still means the entry's logic; else the logic export renders.
 */
function keptFilterLogic(criteria: Criteria, ruleEntry: Readonly<Record<string, string | readonly string[]>>): Pick<ExportedEntry, 'criteriaItems' | 'booleanFilter' | 'extras'> {
  const kept = ruleEntry['booleanFilter'];
  const parsed = typeof kept === 'string' ? parseFilterLogic(kept, criteria.criteriaItems.length) : undefined;
  const same = parsed?.ok === true && JSON.stringify(flatten(parsed.logic)) === JSON.stringify(criteria.logic);
  const booleanFilter = same ? (kept as string) : criteria.booleanFilter;
  return { criteriaItems: criteria.criteriaItems, ...(booleanFilter === undefined ? {} : { booleanFilter }), extras: withoutFilterLogic(ruleEntry) };
}

function withoutFilterLogic(ruleEntry: Readonly<Record<string, string | readonly string[]>>): Record<string, string | readonly string[]> {
  const { booleanFilter: _kept, ...extras } = ruleEntry;
  return extras;
}

function testCriteria(test: Test, graph: Graph, schema: CrmSchema, node: string, misfits: Misfit[]): Criteria | undefined {
  const items: FilterItem[] = [];
  let fits = true;
  const walk = (t: Test): FilterLogic => {
    switch (t.op) {
      case 'and':
      case 'or':
        return { kind: t.op, terms: t.tests.map(walk) };
      case 'not':
        return { kind: 'not', term: walk(t.test) };
      default: {
        const item = leafCriterion(t, graph, schema);
        if (typeof item === 'string') {
          fits = false;
          misfits.push({ node, reason: item });
        } else items.push(item);
        return { kind: 'item', n: items.length };
      }
    }
  };
  const logic = flatten(walk(test));
  if (!fits) return undefined;
  const plain = logic.kind === 'item' || (logic.kind === 'and' && logic.terms.every((term, i) => term.kind === 'item' && term.n === i + 1));
  return { criteriaItems: items, logic, ...(plain ? {} : { booleanFilter: renderFilterLogic(logic) }) };
}

/** Merges nested groups of the same kind: (1 AND (2 AND 3)) is 1 AND 2 AND 3. */
function flatten(logic: FilterLogic): FilterLogic {
  if (logic.kind === 'item') return logic;
  if (logic.kind === 'not') return { kind: 'not', term: flatten(logic.term) };
  const terms = logic.terms.map(flatten).flatMap((t) => (t.kind === logic.kind ? (t as { terms: readonly FilterLogic[] }).terms : [t]));
  return terms.length === 1 ? (terms[0] as FilterLogic) : { kind: logic.kind, terms };
}

const OPERATIONS: Readonly<Record<string, FilterOperation>> = {
  equals: 'equals',
  in: 'equals',
  notIn: 'notEqual',
  startsWith: 'startsWith',
  lessThan: 'lessThan',
  greaterThan: 'greaterThan',
  lessOrEqual: 'lessOrEqual',
  greaterOrEqual: 'greaterOrEqual',
  contains: 'contains',
  notContains: 'notContain',
  includes: 'includes',
  excludes: 'excludes',
  empty: 'equals',
  notEmpty: 'notEqual',
};

/** One leaf test as a criterion, or why it cannot be one. */
function leafCriterion(test: Exclude<Test, { op: 'and' | 'or' | 'not' }>, graph: Graph, schema: CrmSchema): FilterItem | string {
  const resolved = resolveFieldRef(test.field, schema);
  const record = resolved.ok ? SF_RECORDS[resolved.object] : undefined;
  if (!resolved.ok || record === undefined || resolved.derived) {
    return `${test.field}: assignment rule criteria read Lead fields (person.*), the current user's (currentUser.*) and the campaign's (campaign.*), not ${resolved.ok && resolved.derived ? 'derived facts' : `${test.field.split('.')[0]} fields`}`;
  }
  const field = resolved.idField ?? resolved.field;
  const dated = resolved.spec.type === 'date' || resolved.spec.type === 'datetime';
  const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : dated && typeof v === 'string' ? formatCriterionDate(v) : String(v));
  let values: readonly unknown[] = [];
  if (test.op === 'equals' || test.op === 'lessThan' || test.op === 'greaterThan' || test.op === 'lessOrEqual' || test.op === 'greaterOrEqual') values = [test.value];
  else if (test.op === 'in' || test.op === 'notIn') values = typeof test.values === 'string' ? settingsList(graph.settings, test.values) : test.values;
  else if (test.op === 'startsWith') values = Array.isArray(test.value) ? test.value : [test.value];
  else if ('values' in test) values = test.values;
  const value = joinCriteriaValues(values.map(show));
  return { field: `${record}.${field}`, operation: OPERATIONS[test.op] as FilterOperation, ...(value === '' ? {} : { value }) };
}
