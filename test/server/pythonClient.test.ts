import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startCli } from '../cli/runCli.ts';

const SCRIPT = fileURLToPath(new URL('./python/serve_client.py', import.meta.url));
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });

/** Runs a child to completion and resolves with its exit code and output (never blocks the event loop). */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(python.status !== 0)('a Python standard-library client (urllib) against serve --https', () => {
  it('logs in by SOAP, writes, syncs incrementally, uses Marketo and the admin API, trusting only the printed CA', async () => {
    const { firstLine, child } = await startCli(['serve', '--seed', '4', '--https', '--clock', 'manual']);
    try {
      const info = JSON.parse(firstLine) as { https: { caFile: string; env: Record<string, string> } };
      const env = { ...process.env, ...info.https.env };
      const result = await run('python3', [SCRIPT, firstLine], env);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, https: true, changed: 1 });
      // Without the CA the same client is refused by certificate verification.
      const { SSL_CERT_FILE: _s, REQUESTS_CA_BUNDLE: _r, NODE_EXTRA_CA_CERTS: _n, ...bare } = env;
      const untrusted = await run('python3', [SCRIPT, firstLine], bare);
      expect(untrusted.code).not.toBe(0);
      expect(untrusted.stderr).toMatch(/CERTIFICATE_VERIFY_FAILED/);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
