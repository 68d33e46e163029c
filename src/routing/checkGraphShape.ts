import type { InputIssue } from '../core/errors.ts';
import { nodeEdges, type Graph } from './graphSchema.ts';

/**
 * Checks the graph as a graph: the start and every edge lead to existing nodes, there is no cycle, every node is
 * reachable from the start, and every path from the start reaches its end with an owner (an assign node passed on
 * its `next` edge; a `fallback` edge means the assignment did not happen).
 */
export function checkGraphShape(graph: Graph): InputIssue[] {
  const issues: InputIssue[] = [];
  const ids = Object.keys(graph.nodes);
  const exists = (id: string) => Object.hasOwn(graph.nodes, id);
  const expectedId = `a node id under $.nodes (${ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, ...` : ids.join(', ')})`;

  if (!exists(graph.start)) issues.push({ path: ['start'], message: `the start node "${graph.start}" does not exist`, expected: expectedId, got: JSON.stringify(graph.start) });
  for (const [id, node] of Object.entries(graph.nodes)) {
    for (const [edge, target] of nodeEdges(node)) {
      if (!exists(target)) issues.push({ path: ['nodes', id, edge], message: `node "${id}": unknown node "${target}"`, expected: expectedId, got: JSON.stringify(target) });
    }
  }
  if (issues.length > 0) return issues;

  const edgesOf = (id: string) => nodeEdges(graph.nodes[id] as NonNullable<Graph['nodes'][string]>);
  // Cycles: depth-first search with an explicit stack of the current path.
  let cyclic = false;
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const [edge, target] of edgesOf(id)) {
      if (state.get(target) === 'open') {
        cyclic = true;
        const cycle = [...stack.slice(stack.indexOf(target)), target].join(' → ');
        issues.push({ path: ['nodes', id, edge], message: `node "${id}": "${edge}" leads back to "${target}", closing the cycle ${cycle}`, expected: 'an acyclic graph (a person passes each node at most once)', got: JSON.stringify(target) });
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(id, 'done');
  };
  visit(graph.start);
  for (const id of ids) if (!state.has(id)) visit(id);

  const reachable = new Set<string>();
  const reach = (id: string) => {
    if (reachable.has(id)) return;
    reachable.add(id);
    for (const [, target] of edgesOf(id)) reach(target);
  };
  reach(graph.start);
  for (const id of ids) {
    if (!reachable.has(id)) issues.push({ path: ['nodes', id], message: `node "${id}" is unreachable from the start node "${graph.start}"`, expected: 'a node some path from the start leads to', got: 'no incoming path' });
  }
  if (cyclic) return issues;

  // Paths without an owner: search (node, has-owner) states once each, keeping the first path that reaches them.
  const seen = new Set<string>();
  const reported = new Set<string>();
  const walk = (id: string, hasOwner: boolean, trail: string[]): void => {
    const key = `${id}:${hasOwner}`;
    if (seen.has(key)) return;
    seen.add(key);
    const node = graph.nodes[id] as NonNullable<Graph['nodes'][string]>;
    const here = [...trail, id];
    if (node.kind === 'end' && !hasOwner && !reported.has(id)) {
      reported.add(id);
      issues.push({ path: ['nodes', id], message: `node "${id}": a path reaches this end without an owner: ${here.join(' → ')}`, expected: 'an assign node on every path before an end', got: 'no assignment on this path' });
    }
    for (const [edge, target] of nodeEdges(node)) walk(target, hasOwner || (node.kind === 'assign' && edge === 'next'), here);
  };
  walk(graph.start, false, []);
  return issues;
}
