// The example pipeline as a service in its own process (examples/lead-pipeline/server.ts, node:http), checked through
// --pipeline-url: leadsim serves the simulated APIs on loopback, POSTs each delivery, and starts every property run
// on a fresh world, so shrinking and the printed replay work across processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../scenarios/cliHarness.ts';

const running: ChildProcess[] = [];

/** Starts the example service (or a variant of it) on a free loopback port and returns its URL. */
async function startService(variant?: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/lead-pipeline/server.ts', '0', ...(variant ? [variant] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the service exited with ${code} before listening: ${out}`)));
  });
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

describe('leadsim check --pipeline-url: a pipeline in its own process', () => {
  it('the sound service holds every invariant', { timeout: 300_000 }, async () => {
    const url = await startService();
    const { code, out } = await cli('check', '--pipeline-url', url, '--seed', '2', '--runs', '5');
    expect(out).toContain(`pipeline: ${url}`);
    expect(out).toContain('All 2 properties held (seed 2, 5 runs each)');
    expect(code).toBe(0);
  });

  it('a broken service is caught with a shrunk counterexample, and the printed replay fails again against it', { timeout: 300_000 }, async () => {
    const url = await startService('examples/lead-pipeline/broken/partner-to-named-user.ts');
    const first = await cli('check', '--pipeline-url', url, '--seed', '1', '--runs', '20', '--property', 'batch');
    expect(first.code, first.out).toBe(1);
    expect(first.out).toMatch(/violated: partner-queue/);
    const replay = /^\s*replay: npx leadsim (.+)$/m.exec(first.out)?.[1] ?? '';
    expect(replay).toContain(`--pipeline-url ${url}`);
    const again = await cli(...replay.split(' '));
    expect(again.code, again.out).toBe(1);
    expect(again.out).toMatch(/violated: partner-queue/);
  });

  it('a URL off this machine is bad input (exit 2), and nothing is sent', async () => {
    const { code, err } = await cli('check', '--pipeline-url', 'https://leads.example.com/hook', '--runs', '1');
    expect(code).toBe(2);
    expect(err).toMatch(/http:\/\/127\.0\.0\.1:PORT\/path/);
  });
});
