import type { Graph } from '../routing/graphSchema.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { GraphCoverage } from './renderCoverage.ts';
import { RoutingCoverage } from './routingCoverage.ts';

/**
 * Routing coverage of runs that may route with different graphs (scenarios carry their own): one
 * {@link RoutingCoverage} per distinct graph (same content, same coverage), in the order first seen.
 */
export class CoverageByGraph {
  readonly #byGraph = new Map<string, { graph: Graph; coverage: RoutingCoverage }>();

  /** Counts a run under the graph it routed with. */
  add(run: RunRecord, graph: Graph): void {
    const key = JSON.stringify(graph);
    let entry = this.#byGraph.get(key);
    if (entry === undefined) {
      entry = { graph, coverage: new RoutingCoverage(graph) };
      this.#byGraph.set(key, entry);
    }
    entry.coverage.addRun(run);
  }

  /** Each graph's coverage. */
  reports(): GraphCoverage[] {
    return [...this.#byGraph.values()].map(({ graph, coverage }) => ({ graph, report: coverage.report() }));
  }
}
