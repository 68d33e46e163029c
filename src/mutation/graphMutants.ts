import { settingsList } from '../routing/evaluateTest.ts';
import { nodeEdges, type AssignTarget, type Graph, type GraphNode } from '../routing/graphSchema.ts';
import { leafTests } from '../routing/leafTests.ts';
import { lintGraph } from '../routing/lintGraph.ts';
import { renderTarget, renderTest } from '../routing/renderGraphText.ts';
import { USER_ROLES } from '../systems/crm/schema.ts';
import type { Mutant, MutationOperator } from './mutant.ts';
import { testEdits } from './testMutations.ts';

/** The mutants of a graph, and how many edits graph lint would refuse (left out: CI's lint step catches them). */
export interface GraphMutants {
  readonly mutants: readonly Mutant[];
  readonly refusedByLint: number;
}

/**
 * Every single careless edit of a routing graph, as a mutant: a condition negated (yes and no swapped), an inner
 * test negated or dropped, `and` and `or` swapped, an operator changed, a value dropped from a list (inline or a
 * settings list), two adjacent conditions swapped (rules reordered, each keeping its own exit), a field update
 * dropped, the PRM share skipped, an assignment pointed at another queue or pool. Mutants graph lint refuses are
 * left out and counted; mutants identical to another are left out. Deterministic, in node order.
 */
export function graphMutants(graph: Graph): GraphMutants {
  const candidates: Mutant[] = [];
  const add = (operator: MutationOperator, node: string, detail: string, change: string, mutated: Graph) =>
    candidates.push({ id: `${operator}:${node}${detail}`, operator, node, change, graph: mutated });
  const withNode = (id: string, node: GraphNode): Graph => ({ ...graph, nodes: { ...graph.nodes, [id]: node } });

  for (const [id, node] of Object.entries(graph.nodes)) {
    switch (node.kind) {
      case 'condition': {
        add('negate-condition', id, '', `${id}: "yes" and "no" swapped (if ${renderTest(node.test)} → if not)`, withNode(id, { ...node, then: node.else, else: node.then }));
        for (const e of testEdits(node.test, graph.settings)) add(e.operator, id, `${e.at ? `[${e.at}]` : ''}${e.detail ? `:${e.detail}` : ''}`, `${id}${e.at ? `[${e.at}]` : ''}: ${e.change}`, withNode(id, { ...node, test: e.test }));
        for (const edge of ['then', 'else'] as const) {
          const swapped = swapConditions(graph, id, edge);
          if (swapped) add('swap-conditions', id, `:${edge}`, `${id} and ${node[edge]} swapped (now tests ${renderTest((graph.nodes[node[edge]] as Extract<GraphNode, { kind: 'condition' }>).test)} first)`, swapped);
        }
        break;
      }
      case 'update': {
        const fields = Object.keys(node.fields);
        if (fields.length === 1) add('drop-update', id, '', `${id}: update of ${fields[0]} removed (the node is skipped)`, bypass(graph, id, node.next));
        else for (const field of fields) add('drop-update', id, `:${field}`, `${id}: ${field} = ${JSON.stringify(node.fields[field])} dropped`, withNode(id, { ...node, fields: Object.fromEntries(Object.entries(node.fields).filter(([f]) => f !== field)) }));
        break;
      }
      case 'sharePrm':
        add('skip-node', id, '', `${id}: the PRM share skipped`, bypass(graph, id, node.next));
        break;
      case 'assign':
        for (const target of otherTargets(graph, node.target)) add('retarget', id, `:${renderTarget(target)}`, `${id}: ${renderTarget(node.target)} → ${renderTarget(target)}`, withNode(id, { ...node, target }));
        break;
      case 'end':
        break;
    }
  }
  for (const name of usedSettingsLists(graph)) {
    const list = settingsList(graph.settings, `$settings.${name}`);
    if (list.length < 2) continue;
    for (const value of list) {
      add('drop-value', 'settings', `.${name}:${String(value)}`, `settings.${name}: ${JSON.stringify(value)} dropped`, { ...graph, settings: { ...graph.settings, [name]: list.filter((v) => v !== value) } });
    }
  }

  const seen = new Set<string>([JSON.stringify(graph)]);
  const mutants: Mutant[] = [];
  let refusedByLint = 0;
  for (const m of candidates) {
    const key = JSON.stringify(m.graph);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!lintGraph(m.graph).ok) {
      refusedByLint++;
      continue;
    }
    mutants.push({ ...m, id: uniqueId(m.id, mutants) });
  }
  return { mutants, refusedByLint };
}

/**
 * Two adjacent conditions in the other order, each keeping its own exit: `A` leads to `B` on `edge`; afterwards
 * `A` tests what `B` tested and `B` what `A` tested. For an `else` chain this reorders two rules.
 */
function swapConditions(graph: Graph, a: string, edge: 'then' | 'else'): Graph | undefined {
  const A = graph.nodes[a];
  if (A?.kind !== 'condition') return undefined;
  const b = A[edge];
  const B = graph.nodes[b];
  if (B?.kind !== 'condition' || b === a) return undefined;
  const other = edge === 'then' ? 'else' : 'then';
  const newA = { ...A, test: B.test, [other]: B[other], [edge]: b, ...(B.label !== undefined ? { label: B.label } : {}) } as GraphNode;
  const newB = { ...B, test: A.test, [other]: A[other], [edge]: B[edge], ...(A.label !== undefined ? { label: A.label } : {}) } as GraphNode;
  return { ...graph, nodes: { ...graph.nodes, [a]: newA, [b]: newB } };
}

/** The graph without node `id`: every edge to it (and the start) goes to `next` instead. */
function bypass(graph: Graph, id: string, next: string): Graph {
  const nodes: Record<string, GraphNode> = {};
  for (const [key, node] of Object.entries(graph.nodes)) {
    if (key === id) continue;
    const redirected = { ...node } as Record<string, unknown>;
    for (const [edge, target] of nodeEdges(node)) if (target === id) redirected[edge] = next;
    nodes[key] = redirected as GraphNode;
  }
  return { ...graph, start: graph.start === id ? next : graph.start, nodes };
}

/** Other targets an assignment could carelessly be pointed at: another queue of the graph, a pool of another role, the account's BDR for its owner and back. */
function otherTargets(graph: Graph, target: AssignTarget): AssignTarget[] {
  if ('queue' in target) {
    const queues = new Set(Object.values(graph.nodes).flatMap((n) => (n.kind === 'assign' && 'queue' in n.target ? [n.target.queue] : [])));
    return [...queues].filter((q) => q !== target.queue).map((queue) => ({ queue }));
  }
  if ('accountBdr' in target) return [{ accountOwner: true }];
  if ('accountOwner' in target) return [{ accountBdr: true }];
  if ('roundRobin' in target && typeof target.roundRobin.pool === 'object' && 'role' in target.roundRobin.pool) {
    const pool = target.roundRobin.pool;
    return USER_ROLES.filter((r) => r !== pool.role).map((role) => ({ roundRobin: { pool: { ...pool, role } } }));
  }
  return [];
}

/** The names of the settings lists the graph's tests refer to. */
function usedSettingsLists(graph: Graph): string[] {
  const names = new Set<string>();
  for (const node of Object.values(graph.nodes)) {
    if (node.kind !== 'condition') continue;
    for (const { test } of leafTests(node.test)) {
      const values = (test as { values?: unknown }).values;
      if (typeof values === 'string' && values.startsWith('$settings.')) names.add(values.slice('$settings.'.length));
    }
  }
  return [...names];
}

function uniqueId(id: string, taken: readonly Mutant[]): string {
  if (!taken.some((m) => m.id === id)) return id;
  for (let n = 2; ; n++) if (!taken.some((m) => m.id === `${id}#${n}`)) return `${id}#${n}`;
}
