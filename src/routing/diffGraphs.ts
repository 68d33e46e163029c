import { nodeEdges, type Graph, type GraphNode } from './graphSchema.ts';
import { renderNode, renderTarget, renderTest } from './renderGraphText.ts';

/** What changed about one node (or the graph's own fields), with before and after as text. */
export type GraphChange =
  | { readonly change: 'added'; readonly node: string; readonly after: string }
  | { readonly change: 'removed'; readonly node: string; readonly before: string }
  | {
      readonly change: 'changed';
      readonly node: string;
      /** `kind`, `condition`, `assignment`, `fields`, `label`, or the edge that now leads elsewhere. */
      readonly aspect: 'kind' | 'condition' | 'assignment' | 'fields' | 'label' | 'then' | 'else' | 'next' | 'fallback';
      readonly before: string;
      readonly after: string;
    }
  | { readonly change: 'graph'; readonly aspect: string; readonly before: string; readonly after: string };

/**
 * What changed from `before` to `after`, node by node: nodes added and removed, and for a node in both, a changed
 * kind, condition, assignment target (with its Salesforce rule entry settings), field updates, label, or an edge
 * (then/else/next/fallback) that now leads to another node. Graph-level changes (start, settings, name...) come first. Order: the old graph's node order, then
 * the nodes the new graph adds, so the output is stable.
 */
export function diffGraphs(before: Graph, after: Graph): GraphChange[] {
  const changes: GraphChange[] = [];
  for (const key of ['name', 'description', 'start'] as const) {
    if (before[key] !== after[key]) changes.push({ change: 'graph', aspect: key, before: String(before[key] ?? ''), after: String(after[key] ?? '') });
  }
  const rule = (g: Graph) => (g.assignmentRule === undefined ? '' : JSON.stringify(g.assignmentRule));
  if (rule(before) !== rule(after)) changes.push({ change: 'graph', aspect: 'assignmentRule', before: rule(before), after: rule(after) });
  const settingKeys = new Set([...Object.keys(before.settings), ...Object.keys(after.settings)]);
  for (const key of settingKeys) {
    const a = JSON.stringify((before.settings as Record<string, unknown>)[key] ?? null);
    const b = JSON.stringify((after.settings as Record<string, unknown>)[key] ?? null);
    if (a !== b) changes.push({ change: 'graph', aspect: `settings.${key}`, before: a, after: b });
  }
  for (const [id, old] of Object.entries(before.nodes)) {
    const now = Object.hasOwn(after.nodes, id) ? after.nodes[id] : undefined;
    if (now === undefined) changes.push({ change: 'removed', node: id, before: renderNode(old) });
    else changes.push(...nodeChanges(id, old, now));
  }
  for (const [id, now] of Object.entries(after.nodes)) {
    if (!Object.hasOwn(before.nodes, id)) changes.push({ change: 'added', node: id, after: `${renderNode(now)}${edgesText(now)}` });
  }
  return changes;
}

function nodeChanges(node: string, old: GraphNode, now: GraphNode): GraphChange[] {
  if (old.kind !== now.kind) return [{ change: 'changed', node, aspect: 'kind', before: renderNode(old), after: renderNode(now) }];
  const changes: GraphChange[] = [];
  const push = (aspect: Extract<GraphChange, { change: 'changed' }>['aspect'], before: string, after: string) => {
    if (before !== after) changes.push({ change: 'changed', node, aspect, before, after });
  };
  if (old.kind === 'condition' && now.kind === 'condition') push('condition', renderTest(old.test), renderTest(now.test));
  if (old.kind === 'assign' && now.kind === 'assign') push('assignment', assignmentText(old), assignmentText(now));
  if (old.kind === 'update' && now.kind === 'update') push('fields', renderNode(old), renderNode(now));
  push('label', old.label ?? '', now.label ?? '');
  const oldEdges = new Map(nodeEdges(old));
  const newEdges = new Map(nodeEdges(now));
  for (const edge of ['then', 'else', 'next', 'fallback'] as const) push(edge, oldEdges.get(edge) ?? '(none)', newEdges.get(edge) ?? '(none)');
  return changes;
}

/** An assign node's target, with the Salesforce rule entry settings it carries (template, notifyCcRecipients...). */
function assignmentText(node: Extract<GraphNode, { kind: 'assign' }>): string {
  const extras = Object.entries(node.ruleEntry ?? {}).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return extras.length === 0 ? renderTarget(node.target) : `${renderTarget(node.target)} (${extras.join(', ')})`;
}

function edgesText(node: GraphNode): string {
  const edges = nodeEdges(node);
  return edges.length === 0 ? '' : ` (${edges.map(([edge, target]) => `${edge} → ${target}`).join(', ')})`;
}

/** The changes as lines for a terminal or a pull request: `+` added, `-` removed, `~` changed. */
export function formatGraphDiff(changes: readonly GraphChange[]): string[] {
  if (changes.length === 0) return ['no changes'];
  return changes.map((c) => {
    switch (c.change) {
      case 'added':
        return `+ ${c.node}: ${c.after}`;
      case 'removed':
        return `- ${c.node}: ${c.before}`;
      case 'changed':
        return `~ ${c.node}: ${c.aspect} changed: ${c.before || '(none)'} → ${c.after || '(none)'}`;
      case 'graph':
        return `~ ${c.aspect}: ${c.before || '(none)'} → ${c.after || '(none)'}`;
    }
  });
}
