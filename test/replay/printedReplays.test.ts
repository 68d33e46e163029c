// Every replay command leadsim prints (toHoldInvariants and propParameters in a vitest property, check, simulate,
// replay) is run here as printed, in a project that uses leadsim as a dependency, and must fail again on the same case.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';
import { cleanEnv } from '../cli/cleanEnv.ts';
import { tempDir } from '../scenarios/cliHarness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let project = '';

/** Runs a command line in the project as a shell would. */
function sh(command: string): { status: number | null; out: string } {
  const r = spawnSync('sh', ['-c', command], { cwd: project, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The replay command a report printed (`replay: …` or `Replay: …`), exactly one. */
function printedReplay(out: string): string {
  const lines = [...out.matchAll(/(?:^\s*|\. )(?:replay|Replay): (.+)$/gm)].map((m) => m[1]!);
  expect(lines.length, out).toBeGreaterThanOrEqual(1);
  return lines[0]!;
}

/** The default graph that sends everyone who is not a partner lead to the Partner Queue as well: "partner-queue" breaks. */
function brokenGraph(): string {
  const graph = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as { nodes: Record<string, { target?: unknown }> };
  graph.nodes['assignInquiryQueue']!.target = { queue: 'Partner Queue' };
  return JSON.stringify(graph, null, 2);
}

beforeAll(() => {
  // A project with leadsim (this checkout's build), vitest and @fast-check/vitest in node_modules, as npm would lay them out.
  project = tempDir('replays');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'replays', private: true, type: 'module' }));
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  mkdirSync(join(project, 'node_modules/@fast-check'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules/leadsim'));
  for (const dep of ['vitest', '@fast-check/vitest', 'fast-check']) symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep));
  symlinkSync('../leadsim/dist/src/cli/bin.js', join(project, 'node_modules/.bin/leadsim'));
  symlinkSync('../vitest/vitest.mjs', join(project, 'node_modules/.bin/vitest'));
  mkdirSync(join(project, 'scenarios/graphs'), { recursive: true });
  writeFileSync(join(project, 'scenarios/graphs/default.json'), brokenGraph());
});

describe('every printed replay command reruns exactly the failing case and fails again', () => {
  it('a vitest property (propParameters + toHoldInvariants): fast-check seed and path, and a -t filter of the real test name', () => {
    mkdirSync(join(project, 'test'), { recursive: true });
    writeFileSync(
      join(project, 'test/routing.test.ts'),
      `import { fc, test } from '@fast-check/vitest';
import { describe, expect, test as plain } from 'vitest';
import { loadProjectConfig, projectGraph } from 'leadsim';
import { createHarness, inboundEventArbitrary, installLeadsimMatchers, propParameters, worldHintsFor } from 'leadsim/testing';

installLeadsimMatchers(expect);
const { graph } = projectGraph(loadProjectConfig());
const hints = worldHintsFor({ seed: 3 });

describe("routing (it's broken)", () => {
  test.prop([fc.array(inboundEventArbitrary(hints), { minLength: 1, maxLength: 4 })], propParameters(30))('every lead holds the invariants. [really]', async (events) => {
    const h = await createHarness({ seed: 3, graph });
    try {
      for (const event of events) await h.deliver(event);
      expect(h).toHoldInvariants();
    } finally {
      await h.close();
    }
  });
  plain('every lead holds the invariants. [really] and a passing test with a longer name', () => {});
  plain('a plain test: one sample event', async () => {
    const h = await createHarness({ seed: 3, graph });
    for (const event of fc.sample(inboundEventArbitrary(hints), { seed: 1, numRuns: 30 })) await h.deliver(event);
    expect(h).toHoldInvariants();
    await h.close();
  });
});
`,
    );
    const first = sh('npx vitest run test/routing.test.ts');
    expect(first.status, first.out).toBe(1);
    expect(first.out).toMatch(/Tests {2}2 failed \| 1 passed/);
    const replays = [...first.out.matchAll(/^\s*Replay: (.+)$/gm)].map((m) => m[1]!);
    const property = replays.find((r) => r.startsWith('LEADSIM_SEED='))!;
    const plainTest = replays.find((r) => r.startsWith('npx vitest'))!;
    expect(property).toMatch(/^LEADSIM_SEED=-?\d+ LEADSIM_PATH=\d+(:\d+)* npx vitest run test\/routing\.test\.ts -t '\(\^\| \)routing \\\(it'\\''s broken\\\) every lead holds the invariants\\\. \\\[really\\\] \\\(with seed=-?\d+\\\)\$'$/);
    expect(plainTest).toBe("npx vitest run test/routing.test.ts -t '(^| )routing \\(it'\\''s broken\\) a plain test: one sample event$'");
    const counterexample = (out: string) => /Counterexample: (.*)/.exec(out)?.[1];
    const again = sh(property);
    expect(again.status, again.out).toBe(1);
    expect(again.out).toMatch(/Tests {2}1 failed \| 2 skipped/);
    expect(again.out).toContain('Property failed after 1 tests');
    expect(counterexample(again.out)).toBe(counterexample(first.out));
    const plainAgain = sh(plainTest);
    expect(plainAgain.status, plainAgain.out).toBe(1);
    expect(plainAgain.out).toMatch(/Tests {2}1 failed \| 2 skipped/);
  }, 240_000);

  it('leadsim check: the seed, the property, its path and the graph', () => {
    const first = sh('npx leadsim check --runs 20 --max-events 4');
    expect(first.status, first.out).toBe(1);
    const replay = printedReplay(first.out);
    expect(replay).toMatch(/^npx leadsim check --seed 42 --runs 20 --property batch --path \d+(:\d+)* --graph scenarios\/graphs\/default\.json --max-events 4$/);
    const again = sh(replay);
    expect(again.status, again.out).toBe(1);
    expect(again.out).toContain('failed after 1 run');
    const counterexample = (out: string) => /counterexample:\n([\s\S]*?)\n {2}\w/.exec(out)?.[1];
    expect(counterexample(again.out)).toBe(counterexample(first.out));
  });

  it('leadsim simulate: the seed, the leads, the graph and the switches', () => {
    const first = sh('npx leadsim simulate --leads 30 --native marketo');
    expect(first.status, first.out).toBe(1);
    const replay = printedReplay(first.out);
    expect(replay).toBe('npx leadsim simulate --no-config --seed 42 --leads 30 --graph scenarios/graphs/default.json --native marketo');
    const again = sh(replay);
    expect(again.status).toBe(1);
    expect(again.out).toBe(first.out);
  });

  it('leadsim simulate: faults by kind from leadsim.config.json are in the line, which replays with the config changed or gone', () => {
    const config = join(project, 'leadsim.config.json');
    writeFileSync(config, JSON.stringify({ seed: 9, nativeIntegrations: { marketo: true }, faults: { serverError: 0.03, timeout: 0.02, lostResponse: 0.01 } }));
    try {
      const first = sh('npx leadsim simulate --leads 30');
      const replay = printedReplay(first.out);
      expect(replay).toBe(`npx leadsim simulate --no-config --seed 9 --leads 30 --graph scenarios/graphs/default.json --native marketo --faults '{"serverError":0.03,"rateLimit":0,"timeout":0.02,"lostResponse":0.01,"timeoutMs":30000,"systems":["salesforce","marketo","impartner"]}'`);
      const report = (out: string) => out.slice(out.indexOf('\n\n'));
      expect(first.out).toMatch(/faults injected: [1-9]/i);
      writeFileSync(config, JSON.stringify({ seed: 1, faults: { rateLimit: 0.2 } }));
      const changed = sh(replay);
      expect(changed.status).toBe(first.status);
      expect(report(changed.out)).toBe(report(first.out));
      rmSync(config);
      const gone = sh(replay);
      expect(report(gone.out)).toBe(report(first.out));
    } finally {
      rmSync(config, { force: true });
    }
  });

  it('leadsim replay: the scenario file', () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/routing/rule-1-partner-sponsored-event.json'), 'utf8')) as Record<string, unknown>;
    delete scenario['$schema'];
    mkdirSync(join(project, 'scenarios/qa'), { recursive: true });
    writeFileSync(join(project, 'scenarios/qa/partner-event.json'), JSON.stringify(scenario));
    const first = sh('npx leadsim replay scenarios/qa');
    expect(first.status, first.out).toBe(1);
    const replay = printedReplay(first.out);
    expect(replay).toBe('npx leadsim replay scenarios/qa/partner-event.json');
    const again = sh(replay);
    expect(again.status).toBe(1);
    expect(again.out).toContain('FAIL scenarios/qa/partner-event.json');
    expect(again.out).toContain('✗ no-partner owner: expected queue:Inquiry Queue, got queue:Partner Queue');
  });
});
