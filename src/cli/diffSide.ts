import type { ProjectConfig } from '../config/loadProjectConfig.ts';
import { projectGraph } from '../config/projectSetup.ts';
import { inProcessPipeline } from '../pipelines/inProcessPipeline.ts';
import { loadPipelineModule } from '../pipelines/loadPipelineModule.ts';
import type { DiffRouting } from '../scenarios/diffScenarios.ts';
import { loadRouting } from '../scenarios/loadRouting.ts';
import { remotePipeline } from '../server/remotePipeline.ts';

const MODULE = /\.(?:[mc]?[jt]s)$/i;

/**
 * One side of `leadsim diff`, as given: `reference` (the reference pipeline with the config's graph), a pipeline of
 * yours (a module exporting `handle`, or a loopback `http://` URL), a routing graph JSON or a Salesforce assignment
 * rules file. Throws the loaders' InputError (exit 2) before anything runs.
 */
export async function loadDiffSide(spec: string, config: ProjectConfig): Promise<DiffRouting> {
  if (spec === 'reference') {
    const { graph, file } = projectGraph(config);
    return { ...graph, name: `reference pipeline (${file})` };
  }
  if (/^https?:\/\//i.test(spec)) return { pipeline: remotePipeline(spec), name: spec };
  if (MODULE.test(spec)) return { pipeline: inProcessPipeline((await loadPipelineModule(spec)).handle, { label: spec }), name: spec };
  return loadRouting(spec);
}
