import { Rng } from '../core/random.ts';
import { LeadsimError } from '../core/errors.ts';
import { loadProjectConfig, type ProjectConfig } from '../config/loadProjectConfig.ts';
import { generateOrg } from '../org/generateOrg.ts';
import { loadOrgSpec } from '../org/loadOrgSpec.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadGraph } from '../routing/loadGraph.ts';

/** A routing graph a command uses, with the file it came from. */
export interface GraphChoice {
  readonly file: string;
  readonly graph: Graph;
}

/** An org a command seeds, with where it came from: its file, or undefined when generated from the seed. */
export interface OrgChoice {
  readonly file: string | undefined;
  readonly org: OrgSpec;
  /** `leadsim.org.json` or `generated from seed 42`, for reports. */
  readonly source: string;
}

/** The project config of the working directory (see `loadProjectConfig`). */
export function projectConfig(): ProjectConfig {
  return loadProjectConfig(process.cwd());
}

/**
 * The graph of `--graph FILE`, else the config's `graph`, else `scenarios/graphs/default.json` in the working
 * directory. A default that does not exist says how to give one.
 */
export function chooseGraph(option: string | undefined, config: ProjectConfig): GraphChoice {
  const file = option ?? config.graph;
  try {
    return { file, graph: loadGraph(file) };
  } catch (error) {
    if (option !== undefined || !(error instanceof LeadsimError) || error.code !== 'FILE_NOT_FOUND') throw error;
    const where = config.file ? `the "graph" of ${config.file}` : `the default without a leadsim.config.json`;
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to read routing graph "${file}" (${where}): the file does not exist. Pass --graph FILE, set "graph" in leadsim.config.json, or set up a project with "npx leadsim init".`, { cause: error });
  }
}

/** The org of `--org FILE`, else the config's `org`, else the org generated from `seed` (as `simulate` always did). */
export function chooseOrg(option: string | undefined, config: ProjectConfig, seed: number): OrgChoice {
  const file = option ?? config.org;
  if (file !== undefined) return { file, org: loadOrgSpec(file), source: file };
  return { file: undefined, org: generateOrg(new Rng(seed).fork('org')), source: `generated from seed ${seed}` };
}

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
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return [n(org.users.length, 'user'), n(org.queues.length, 'queue'), n(org.accounts.length, 'account'), n(org.campaigns.length, 'campaign'), n(org.people.length, 'person').replace('persons', 'people'), n(org.partnerUsers.length, 'partner user')].join(', ');
}
