import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeJson } from '../scenarios/cliHarness.ts';
import { BIN, runCli } from './runCli.ts';

const DEUTSCHLAND = fileURLToPath(new URL('../../scenarios/compliance/deutschland.json', import.meta.url));

describe('exit code 2 for bad input, with the file and the JSON path, no stack trace', () => {
  it('a scenario whose org refers to a key it does not define', async () => {
    const scenario = JSON.parse(readFileSync(DEUTSCHLAND, 'utf8')) as { org: { accounts: { bdr?: string }[]; people: { owner?: string }[] } };
    scenario.org.accounts[0]!.bdr = 'nobody';
    scenario.org.people[0]!.owner = 'Nobody Queue';
    const file = writeJson(tempDir('org-refs'), 'bad-refs.json', scenario);
    const r = await cli('replay', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file} $.org.accounts[0].bdr: unknown user key (expected a user key of the org (`);
    expect(r.err).toContain(`${file} $.org.people[0].owner: unknown user or queue key (expected a user or queue key of the org (`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('serve on a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = runCli(['serve', '--port', String(port)]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`leadsim: Failed to serve on port ${port}: the port is already in use on 127.0.0.1. Stop what uses it, pick another with --port, or pass --port 0 for a free one.\n`);
      expect(r.stdout).toBe('');
    } finally {
      blocker.close();
    }
  });

  it('an unknown command or option, and --version and --help answer without loading a command', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['simulate', '--frobnicate']).status).toBe(2);
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['init', 'simulate', 'check', 'replay', 'diff', 'record', 'serve', 'graph', 'bench']) expect(help.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });

  it('--help loads the command table only: no command module, no zod, no msw', () => {
    // A module resolve hook (node:module register) that reports every module the CLI loads.
    const hook = `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('loaded ' + r.url + '\\n'); return r; }`;
    const register = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`;
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = [...r.stderr.matchAll(/^loaded (.+)$/gm)].map((m) => m[1]!);
    expect(loaded.some((url) => url.endsWith('/dist/src/cli/commands/index.js'))).toBe(true);
    expect(loaded.filter((url) => /\/cli\/commands\/(?!index\.js)/.test(url) || /\/node_modules\/(zod|msw|fast-check)\//.test(url))).toEqual([]);
  });
});
