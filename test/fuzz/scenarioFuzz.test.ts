import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { graphOrgIssues } from '../../src/routing/graphOrgIssues.ts';
import { findScenarioFiles } from '../../src/scenarios/findScenarioFiles.ts';
import { checkScenario } from '../../src/scenarios/loadScenario.ts';
import { runScenario, scenarioRouting } from '../../src/scenarios/runScenario.ts';
import { fuzzParameters } from './fuzzRuns.ts';
import { mutateJson, mutateStrings } from './jsonMutation.ts';
import { loadsOrRefuses } from './refusedAsBadInput.ts';

/**
 * Fuzzing scenario files (LEADSIM_FUZZ_RUNS=5000 for thousands of cases; README "Fuzzing"): each shipped scenario,
 * changed in one to three places (a value replaced by a hostile one, deleted, or wrapped up to 3,000 levels deep).
 * The loader refuses it with the file and a path (exit 2), or what it accepts replays without a crash: everything
 * a file can say is checked before the run starts. This is the fuzzer that found unknown org references, values
 * over the CRM's lengths, two org people with one email and deep payloads crashing `leadsim replay`.
 */
const SHIPPED = findScenarioFiles([fileURLToPath(new URL('../../scenarios', import.meta.url))]);
const mutatedScenario = fc.constantFrom(...SHIPPED).chain((file) => {
  const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const mutated = mutateJson(json).chain((once) => fc.oneof(fc.constant(once), mutateJson(once), mutateJson(once).chain((twice) => mutateJson(twice))));
  return fc.tuple(fc.constant(file), mutated);
});
/** A shipped scenario with one to three of its strings made hostile: most still load, so their runs are fuzzed. */
const scenarioWithHostileStrings = fc.constantFrom(...SHIPPED).chain((file) => {
  const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return fc.tuple(fc.constant(file), mutateStrings(json).chain((once) => fc.oneof(fc.constant(once), mutateStrings(once).chain(mutateStrings))));
});

describe('fuzzing scenario files', () => {
  test.prop([mutatedScenario], fuzzParameters(200))('every file is refused with its path, or loads', ([file, json]) => {
    loadsOrRefuses(() => checkScenario(json, file), file);
  });

  test.prop([fc.oneof(mutatedScenario, scenarioWithHostileStrings)], fuzzParameters(200))('every file is refused with its path, or loads (hostile strings too)', ([file, json]) => {
    loadsOrRefuses(() => checkScenario(json, file), file);
  });

  test.prop([scenarioWithHostileStrings], fuzzParameters(30, 0.1))('what loads (and fits its graph) replays without a crash', async ([file, json]) => {
    const loaded = loadsOrRefuses(() => checkScenario(json, file), file);
    if (loaded === undefined) return;
    const { rules, graph } = scenarioRouting(loaded);
    if (rules === undefined && graphOrgIssues(graph, loaded.scenario.org).length > 0) return; // replay reports it as bad input
    const run = await runScenario(loaded);
    expect(run.run.traces.every((t) => ['created', 'merged', 'rejected', 'parked'].includes(t.outcome?.kind ?? 'none'))).toBe(true);
  }, 300_000);
});
