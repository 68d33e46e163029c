import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The leadsim executable of this checkout as the package ships it: the build in dist/ (kept in step with the sources
 * by test/setup/buildDist.ts, vitest's globalSetup). Every test that spawns the CLI goes through this file.
 */
export const BIN = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** The working directory (default: this checkout's root): where leadsim looks for leadsim.config.json. */
  readonly cwd?: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `leadsim args…` to completion and returns its exit code and output. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ...options.env }, timeout: 120_000, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `leadsim args…` and resolves with its first stdout line and the child process. */
export function startCli(args: readonly string[]): Promise<{ firstLine: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: '1' } });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf('\n');
      if (nl >= 0) resolve({ firstLine: buffer.slice(0, nl), child });
    });
    child.once('exit', (code) => reject(new Error(`leadsim ${args.join(' ')} exited with ${code} before printing a line`)));
  });
}
