// The proof that leadsim works in a user's own repository: pack the tarball as npm publishes it, install it into a
// fresh consumer project (from the npm cache: the same versions this checkout installed), and use it there the
// way the README says. LEADSIM_CONSUMER_NODE=/path/to/node runs the consumer side on another Node (22, 24).
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../cli/cleanEnv.ts';
import { tempDir } from '../scenarios/cliHarness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
/** The consumer's dev tools at the versions this checkout installed, so `npm install --prefer-offline` finds them in the cache. */
const TOOLS = ['typescript', 'vitest', '@fast-check/vitest', '@types/node', 'tsx'].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
const NODE = process.env['LEADSIM_CONSUMER_NODE'] ?? process.execPath;

/** The environment of a command in the consumer, on the chosen Node. */
const consumerEnv = () => cleanEnv(NODE);

function run(cmd: string, args: readonly string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: consumerEnv(), encoding: 'utf8', timeout });
}

function ok(result: SpawnSyncReturns<string>): string {
  if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let consumer = '';
let project = '';

beforeAll(() => {
  const dir = tempDir('consumer');
  // dist/ is fresh (vitest's globalSetup built it); --ignore-scripts keeps `prepare` from rebuilding it under the other tests.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, env: consumerEnv(), encoding: 'utf8' })) as { filename: string }[];
  consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  ok(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, packed[0]!.filename), ...TOOLS], consumer, 180_000));
  project = join(consumer, 'project');
  mkdirSync(project);
}, 240_000);

describe('leadsim installed from its tarball into a consumer project', () => {
  it('ships the build, the types, the assets and the LICENSE, not the tests; runtime dependencies only', () => {
    const pkg = join(consumer, 'node_modules/leadsim');
    for (const file of ['LICENSE', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/mocks/index.js', 'dist/src/testing/index.d.ts', 'dist/src/cli/bin.js', 'scenarios/graphs/default.json', 'schemas/leadsim.config.schema.json', 'schemas/org.schema.json', 'templates/init/leadsim.config.json']) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
    for (const absent of ['test', '.ci', 'dist/.tsbuildinfo', 'tsconfig.json']) expect(existsSync(join(pkg, absent)), absent).toBe(false);
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(Object.keys(manifest.dependencies)).not.toContain('typescript');
  });

  it('(1) imports every subpath from plain Node, as ESM and through require()', () => {
    const esm = ok(run(NODE, ['--input-type=module', '-e', "for (const s of ['leadsim', 'leadsim/mocks', 'leadsim/testing']) { const m = await import(s); console.log(s, Object.keys(m).length); }"], consumer));
    expect(esm).toMatch(/^leadsim \d{2,}\nleadsim\/mocks \d+\nleadsim\/testing \d+\n$/);
    const cjs = run(NODE, ['-e', "const l = require('leadsim'), m = require('leadsim/mocks'), t = require('leadsim/testing'); console.log(typeof l.simulate, typeof m.setupSimulation, typeof t.createHarness, require('leadsim/package.json').name)"], consumer);
    expect(cjs.stdout).toBe('function function function leadsim\n');
    expect(cjs.status).toBe(0);
  });

  it('(2) type-checks a consumer file that uses the public API under module NodeNext + strict, with zero errors', () => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'], skipLibCheck: false }, include: ['src'] }, null, 2));
    mkdirSync(join(consumer, 'src'), { recursive: true });
    writeFileSync(
      join(consumer, 'src/use.ts'),
      `import { simulate, checkInvariants, lintGraph, loadDefaultGraph, loadProjectConfig, replayScenarios, type RunRecord, type Graph } from 'leadsim';
import { setupSimulation, createHandlers, FaultInjector } from 'leadsim/mocks';
import { createHarness, expectInvariants, installLeadsimMatchers, inboundEventArbitrary, worldHintsFor, propParameters } from 'leadsim/testing';
import { expect } from 'vitest';

installLeadsimMatchers(expect);
const graph: Graph = loadDefaultGraph();
const linted: boolean = lintGraph(graph).ok;
const run: RunRecord = await simulate({ seed: 1, leads: 5, graph });
const held: boolean = checkInvariants(run).ok;
const sim = setupSimulation({ seed: 1 });
sim.close();
const h = await createHarness({ seed: 1, graph });
expect(h).toHoldInvariants();
expectInvariants(h);
const sample = inboundEventArbitrary(worldHintsFor({ seed: 1 }));
const report = await replayScenarios([], { graph });
const config = loadProjectConfig();
export const used = [linted, held, typeof createHandlers, typeof FaultInjector, sample, propParameters(5).numRuns, report.ok, config.seed];
`,
    );
    // The README's first code example, as written.
    const readmeExample = /From code, everything is ESM[^\n]*\n\n```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1];
    expect(readmeExample).toBeDefined();
    writeFileSync(join(consumer, 'src/readme.ts'), `${readmeExample!}export {};\n`);
    // CommonJS TypeScript (a .cts file) may import leadsim too under NodeNext: it compiles to require(), which Node runs (require(esm)).
    writeFileSync(join(consumer, 'src/require.cts'), `import { simulate } from 'leadsim';\nimport { setupSimulation } from 'leadsim/mocks';\nexport const used = [typeof simulate, typeof setupSimulation];\n`);
    const tsc = run(NODE, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', '.'], consumer);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('(3) runs a vitest property test written as the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /### In your own tests: `leadsim\/testing`\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    mkdirSync(join(consumer, 'test'), { recursive: true });
    writeFileSync(join(consumer, 'test/readme.property.test.ts'), example!);
    const vitest = run(NODE, [join(consumer, 'node_modules/vitest/vitest.mjs'), 'run', '--testTimeout=60000', 'test/readme.property.test.ts'], consumer);
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    expect(vitest.stdout).toMatch(/1 passed/);
  });

  it('(4) leadsim init in an empty folder, then check, replay and the generated test pass', () => {
    expect(ok(run('npx', ['leadsim', 'init'], project))).toContain('wrote leadsim.config.json');
    const check = run('npx', ['leadsim', 'check', '--runs', '10'], project);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.split('\n').slice(0, 3)).toEqual(['seed 42', expect.stringMatching(/^graph: scenarios\/graphs\/default\.json /), expect.stringMatching(/^org: leadsim\.org\.json \(/)]);
    const replay = run('npx', ['leadsim', 'replay'], project);
    expect(replay.status, replay.stdout + replay.stderr).toBe(0);
    expect(replay.stdout).toContain('2 scenarios: 2 passed, 0 failed');
    const vitest = run(NODE, [join(consumer, 'node_modules/vitest/vitest.mjs'), 'run', '--testTimeout=60000'], project);
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    expect(vitest.stdout).toMatch(/leadsim\.property\.test\.ts/);
  });

  it('(5) a broken graph in the consumer makes leadsim check exit 1', () => {
    const file = join(project, 'scenarios/graphs/default.json');
    const graph = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Record<string, { target?: unknown }> };
    graph.nodes['assignInquiryQueue']!.target = { queue: 'Partner Queue' };
    writeFileSync(file, JSON.stringify(graph, null, 2));
    const check = run('npx', ['leadsim', 'check', '--runs', '5', '--max-events', '3'], project);
    expect(check.status, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('violated: partner-queue');
  });

  it('(6) leadsim check --pipeline loads a TypeScript pipeline of the project (through its tsx on Node 20)', () => {
    const file = join(project, 'my-pipeline.ts');
    writeFileSync(file, "export async function handle(delivery: { id: string }): Promise<{ rejected: string }> {\n  return { rejected: `not ours yet: ${delivery.id}` };\n}\n");
    const check = run('npx', ['leadsim', 'check', '--runs', '2', '--max-events', '2', '--pipeline', 'my-pipeline.ts'], project);
    expect(check.stdout + check.stderr, check.stdout + check.stderr).not.toContain('Failed to load the pipeline');
    expect(check.stdout, check.stdout + check.stderr).toContain('pipeline: my-pipeline.ts');
    expect([0, 1], check.stdout + check.stderr).toContain(check.status);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('leadsim serve started through npx stops when npx gets %s', async (signal) => {
    const child = spawn('npx', ['leadsim', 'serve', '--port', '0', '--graph', join(consumer, 'node_modules/leadsim/scenarios/graphs/default.json')], { cwd: consumer, env: consumerEnv() });
    const info = await new Promise<{ salesforce: { instanceUrl: string } }>((resolve, reject) => {
      let buffer = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes('\n')) resolve(JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) as { salesforce: { instanceUrl: string } });
      });
      child.once('exit', (code) => reject(new Error(`npx leadsim serve exited with ${code} before printing its endpoints`)));
    });
    const url = `${info.salesforce.instanceUrl}/services/data`;
    expect((await fetch(url)).status).toBe(200);
    child.kill(signal);
    await new Promise((resolve) => child.once('exit', resolve));
    let stopped = false;
    for (let i = 0; i < 40 && !stopped; i++) {
      stopped = await fetch(url).then(
        () => false,
        () => true,
      );
      if (!stopped) await new Promise((r) => setTimeout(r, 100));
    }
    expect(stopped, 'the server still answers after npx was signalled: an orphan').toBe(true);
  });
});
