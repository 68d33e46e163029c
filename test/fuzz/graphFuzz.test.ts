import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatIssue } from '../../src/core/errors.ts';
import { Rng } from '../../src/core/random.ts';
import { generateOrg } from '../../src/org/generateOrg.ts';
import { graphOrgIssues } from '../../src/routing/graphOrgIssues.ts';
import { lintGraph } from '../../src/routing/lintGraph.ts';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { fuzzParameters } from './fuzzRuns.ts';
import { mutateJson, mutateStrings } from './jsonMutation.ts';

/**
 * Fuzzing routing graphs (LEADSIM_FUZZ_RUNS=5000 for thousands of cases; README "Fuzzing"): the default graph changed
 * in one to three places. `graph lint` never crashes (a valid graph or every problem at its path), the check
 * against an org never crashes, and a graph that passes both routes generated leads without a crash, each event
 * ending created, merged, rejected with a reason or parked.
 */
const BASE = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as unknown;
const ORG = generateOrg(new Rng(7).fork('org'));
const mutatedGraph = fc.oneof(mutateJson(BASE), mutateStrings(BASE)).chain((once) => fc.oneof(fc.constant(once), mutateJson(once), mutateStrings(once)));

describe('fuzzing routing graphs', () => {
  test.prop([mutatedGraph], fuzzParameters(300))('lint and the org check answer every graph with a graph or its problems at their paths', (json) => {
    const result = lintGraph(json, { file: 'graph.json' });
    if (!result.ok) {
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(formatIssue(issue)).toMatch(/^\$/);
      return;
    }
    for (const issue of graphOrgIssues(result.graph, ORG)) expect(formatIssue(issue)).toMatch(/^\$\.(nodes|settings)/);
  });

  test.prop([mutateStrings(BASE)], fuzzParameters(15, 0.05))('a graph that lints and fits the org routes generated leads without a crash', async (json) => {
    const result = lintGraph(json, { file: 'graph.json' });
    if (!result.ok || graphOrgIssues(result.graph, ORG).length > 0) return;
    const run = await simulate({ seed: 7, leads: 12, graph: result.graph, org: ORG });
    for (const t of run.traces) expect(t.outcome?.kind).toMatch(/^(created|merged|rejected|parked)$/);
  }, 300_000);
});
