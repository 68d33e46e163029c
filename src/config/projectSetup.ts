import { LeadsimError } from '../core/errors.ts';
import { Rng } from '../core/random.ts';
import { generateOrg } from '../org/generateOrg.ts';
import { loadOrgSpec } from '../org/loadOrgSpec.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { loadGraph } from '../routing/loadGraph.ts';
import type { ProjectConfig } from './loadProjectConfig.ts';

/** A routing graph, with the file it came from. */
export interface GraphChoice {
  readonly file: string;
  readonly graph: Graph;
}

/** An org, with where it came from: its file, or undefined when generated from the seed. */
export interface OrgChoice {
  readonly file: string | undefined;
  readonly org: OrgSpec;
  /** The file, or `generated from seed 42`, for reports. */
  readonly source: string;
}

/**
 * The project's routing graph: `file` when given (a `--graph` option), else the config's `graph`, else
 * `scenarios/graphs/default.json` in the working directory. A default that does not exist throws FILE_NOT_FOUND
 * saying how to give one; a bad graph an InputError INVALID_GRAPH.
 * @example
 * const { graph } = projectGraph(loadProjectConfig());
 */
export function projectGraph(config: ProjectConfig, file?: string): GraphChoice {
  const chosen = file ?? config.graph;
  try {
    return { file: chosen, graph: loadGraph(chosen) };
  } catch (error) {
    if (file !== undefined || !(error instanceof LeadsimError) || error.code !== 'FILE_NOT_FOUND') throw error;
    const where = config.file ? `the "graph" of ${config.file}` : 'the default without a leadsim.config.json';
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to read routing graph "${chosen}" (${where}): the file does not exist. Pass --graph FILE, set "graph" in leadsim.config.json, or set up a project with "npx leadsim init".`, { cause: error });
  }
}

/**
 * The project's org: `file` when given (an `--org` option), else the config's `org` spec file, else the org
 * generated from `seed` (the one `simulate` always generates for it).
 * @example
 * const config = loadProjectConfig();
 * const { org } = projectOrg(config, config.seed);
 */
export function projectOrg(config: ProjectConfig, seed: number, file?: string): OrgChoice {
  const chosen = file ?? config.org;
  if (chosen !== undefined) return { file: chosen, org: loadOrgSpec(chosen), source: chosen };
  return { file: undefined, org: generateOrg(new Rng(seed).fork('org')), source: `generated from seed ${seed}` };
}
