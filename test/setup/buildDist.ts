// vitest globalSetup: tests that spawn the CLI or import the package by name run the build in dist/, so it is
// rebuilt (incrementally) whenever a source file, a tsconfig or package.json is newer than the last build. A stale
// dist/ can never be tested against silently.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Written by every build (tsBuildInfoFile in tsconfig.build.json): its time is the build's time. */
export const BUILD_STAMP = join(ROOT, 'dist', '.tsbuildinfo');
const INPUTS = ['src', 'mocks', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time (ms) of a file or of anything under a folder (folders count: a deleted file changes them). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function builtAt(): number {
  try {
    return statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

export default function buildDist(): void {
  const sources = Math.max(...INPUTS.map((input) => newest(join(ROOT, input))));
  if (builtAt() >= sources) return;
  process.stderr.write('leadsim tests: dist/ is older than the sources, building it (node scripts/build.mjs --incremental)…\n');
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--incremental'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    throw new Error(`Failed to build dist/ before the tests: tsc reported errors. Fix them (npm run build shows the same).\n${out}`);
  }
  const now = new Date();
  utimesSync(BUILD_STAMP, now, now); // tsc leaves the stamp alone when no output changed
}
