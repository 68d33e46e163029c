import { orgRuleDirectory } from '../assignmentRules/orgRuleDirectory.ts';
import { InputError, type InputIssue } from '../core/errors.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { PoolSpec } from './graphSchema.ts';
import type { Graph } from './graphSchema.ts';
import { findQueue, findUser, inUserList } from './resolveAssignTarget.ts';

/**
 * What a valid graph names that the org it routes for lacks, each at its JSON path in the graph: a queue target the
 * org has no queue for (leads routed there would be rejected), a user target or a pool member no user of the org is
 * (by Id, Username or Name, as routing looks them up, with the ids the org seeds as), a role-and-region pool no user
 * of the org could ever be in. Routing resolves targets the same way (`findQueue`, `findUser`).
 * `org` must be a checked spec (`checkOrgSpec`): it is seeded to learn its ids.
 */
export function graphOrgIssues(graph: Graph, org: OrgSpec): InputIssue[] {
  const directory = orgRuleDirectory(org);
  const issues: InputIssue[] = [];
  const list = (names: readonly string[]) => `${names.slice(0, 6).map((n) => JSON.stringify(n)).join(', ')}${names.length > 6 ? ', …' : ''}`;
  const queues = directory.queues.map((q) => q.Name);
  const users = org.users.map((u) => `${u.FirstName} ${u.LastName}`.trim());
  const checkPool = (pool: PoolSpec, path: (string | number)[]) => {
    if ('users' in pool) {
      pool.users.forEach((name, i) => {
        if (!directory.users.some((u) => inUserList([name], u))) issues.push({ path: [...path, 'users', i], message: 'no user of the org has this Id or Name', expected: `a user of the org (${list(users)})`, got: JSON.stringify(name) });
      });
      return;
    }
    const members = org.users.filter((u) => u.Role__c === pool.role && (pool.region === '$person.region' || u.Region__c === pool.region));
    if (members.length === 0) {
      const where = pool.region === '$person.region' ? 'any region' : pool.region;
      issues.push({ path, message: `no user of the org is ${pool.role === 'AE' ? 'an' : 'a'} ${pool.role} in ${where}: the pool is always empty`, expected: `a pool of roles and regions the org's users have (${[...new Set(org.users.map((u) => `${u.Role__c} ${u.Region__c}`))].join(', ')})`, got: JSON.stringify(pool) });
    }
  };
  for (const [id, node] of Object.entries(graph.nodes)) {
    if (node.kind !== 'assign') continue;
    const at = ['nodes', id, 'target'];
    const target = node.target;
    if ('queue' in target && findQueue(directory.queues, target.queue) === undefined) {
      issues.push({ path: [...at, 'queue'], message: `node "${id}": the org has no queue "${target.queue}"`, expected: queues.length ? `a queue of the org (${list(queues)})` : 'a queue the org defines (it has none)', got: JSON.stringify(target.queue) });
    } else if ('user' in target && findUser(directory.users, target.user) === undefined) {
      issues.push({ path: [...at, 'user'], message: `node "${id}": no user of the org has this Id, Username or Name`, expected: `a user of the org (${list(users)})`, got: JSON.stringify(target.user) });
    } else if ('roundRobin' in target && typeof target.roundRobin.pool !== 'string') checkPool(target.roundRobin.pool, [...at, 'roundRobin', 'pool']);
  }
  for (const [name, pool] of Object.entries(graph.settings.pools ?? {})) checkPool(pool, ['settings', 'pools', name]);
  return issues;
}

/**
 * Throws an {@link InputError} INVALID_GRAPH naming `graphFile` and each path when {@link graphOrgIssues} finds
 * any: commands check the graph against the org before a run starts. `orgSource` says which org (its file, or
 * `generated from seed N`).
 */
export function assertGraphFitsOrg(graph: Graph, graphFile: string, org: OrgSpec, orgSource: string): void {
  const issues = graphOrgIssues(graph, org);
  if (issues.length === 0) return;
  throw new InputError('INVALID_GRAPH', {
    action: `route the leads of the org (${orgSource}) with the graph`,
    file: graphFile,
    issues,
    hint: `Name queues and users the org has, or add them to the org; "leadsim graph lint ${graphFile} --org <org spec>" checks it.`,
  });
}
