import type { GraphChoice, OrgChoice } from '../config/projectSetup.ts';
import type { OrgSpec } from '../org/orgSpec.ts';

/**
 * The lines every report starts with after the seed: the graph file it routed with and the org it seeded.
 * @example
 * graph: scenarios/graphs/default.json ("default", 28 nodes)
 * org: generated from seed 42 (19 users, 2 queues, 30 accounts, 9 campaigns, 40 people, 6 partner users)
 */
export function describeSetup(graph: GraphChoice | string, org: OrgChoice | string): string {
  const g = typeof graph === 'string' ? graph : `${graph.file} ("${graph.graph.name}", ${Object.keys(graph.graph.nodes).length} nodes)`;
  const o = typeof org === 'string' ? org : `${org.source} (${countOrg(org.org)})`;
  return `graph: ${g}\norg: ${o}\n`;
}

function countOrg(org: OrgSpec): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return [n(org.users.length, 'user'), n(org.queues.length, 'queue'), n(org.accounts.length, 'account'), n(org.campaigns.length, 'campaign'), n(org.people.length, 'person', 'people'), n(org.partnerUsers.length, 'partner user')].join(', ');
}
