import type { AssignTarget, GraphNode, Test } from './graphSchema.ts';

/**
 * A test as one line of text, e.g. `(person.Status = "MQL" and not (account.BDR__c is empty))`. Used in traces,
 * diffs and diagrams.
 */
export function renderTest(test: Test): string {
  const anyCase = 'ignoreCase' in test && test.ignoreCase === true ? ' (any case)' : '';
  const list = (values: readonly unknown[] | string) => (typeof values === 'string' ? values : `[${values.map((v) => JSON.stringify(v)).join(', ')}]`);
  switch (test.op) {
    case 'equals':
      return `${test.field} = ${JSON.stringify(test.value)}${anyCase}`;
    case 'in':
      return `${test.field} in ${list(test.values)}${anyCase}`;
    case 'notIn':
      return `${test.field} not in ${list(test.values)}${anyCase}`;
    case 'startsWith':
      return `${test.field} starts with ${Array.isArray(test.value) ? `any of ${list(test.value)}` : JSON.stringify(test.value)}${anyCase}`;
    case 'lessThan':
    case 'greaterThan':
    case 'lessOrEqual':
    case 'greaterOrEqual':
      return `${test.field} ${COMPARISON_SYMBOLS[test.op]} ${JSON.stringify(test.value)}`;
    case 'contains':
      return `${test.field} contains any of ${list(test.values)}${anyCase}`;
    case 'notContains':
      return `${test.field} contains none of ${list(test.values)}${anyCase}`;
    case 'includes':
      return `${test.field} includes any of ${list(test.values)}`;
    case 'excludes':
      return `${test.field} includes none of ${list(test.values)}`;
    case 'empty':
      return `${test.field} is empty`;
    case 'notEmpty':
      return `${test.field} is not empty`;
    case 'and':
    case 'or':
      return test.tests.length === 1 ? renderTest(test.tests[0] as Test) : `(${test.tests.map(renderTest).join(` ${test.op} `)})`;
    case 'not':
      return `not (${renderTest(test.test)})`;
  }
}

const COMPARISON_SYMBOLS = { lessThan: '<', greaterThan: '>', lessOrEqual: '<=', greaterOrEqual: '>=' } as const;

/** An assignment target as text, e.g. `queue "Partner Queue"` or `round robin: SDR in $person.region`. */
export function renderTarget(target: AssignTarget): string {
  if ('queue' in target) return `queue ${JSON.stringify(target.queue)}`;
  if ('user' in target) return `user ${JSON.stringify(target.user)}`;
  if ('accountBdr' in target) return "the matched account's BDR";
  if ('accountOwner' in target) return "the matched account's owner";
  if ('keepCurrentOwner' in target) return 'the current owner (keep)';
  const pool = target.roundRobin.pool;
  if (typeof pool === 'string') return `round robin: pool ${JSON.stringify(pool)}`;
  if ('users' in pool) return `round robin: users ${pool.users.map((u) => JSON.stringify(u)).join(', ')}`;
  return `round robin: ${pool.role} in ${pool.region}`;
}

/** What a node does, as one line (without its edges). */
export function renderNode(node: GraphNode): string {
  switch (node.kind) {
    case 'condition':
      return `if ${renderTest(node.test)}`;
    case 'update':
      return `set ${Object.entries(node.fields).map(([field, value]) => `${field} = ${JSON.stringify(value)}`).join(', ')}`;
    case 'assign':
      return `assign to ${renderTarget(node.target)}`;
    case 'sharePrm':
      return 'share to the PRM';
    case 'end':
      return 'end';
  }
}
